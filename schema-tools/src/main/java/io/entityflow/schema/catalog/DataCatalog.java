package io.entityflow.schema.catalog;

import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data catalog of a contract, written as Markdown and static HTML: {@code index.md} and {@code
 * index.html} (domains, entities and an alphabetical field index answering "where is X"), and one
 * page per entity under {@code <domain>/<table>.md|html} with its fields and its lineage
 * (producers, topic and subscriptions, pipeline job, table and view, consumers, alert rules).
 *
 * <pre>{@code
 * List<Path> written = DataCatalog.of(EntityRegistry.load()).write(Path.of("target/catalog"));
 * }</pre>
 *
 * <p>Guarantees: deterministic output (domains sorted, entities in contract order, fields in table
 * order); every field of every entity is on its page and in the field index.
 */
public final class DataCatalog {
  private final Map<String, List<CatalogEntity>> byDomain = new TreeMap<>();
  private final List<String[]> fieldIndex = new ArrayList<>();

  private DataCatalog(EntityRegistry registry, LineageSources sources) {
    for (EntityDefinition entity : registry.entities()) {
      CatalogEntity entry = CatalogEntity.of(entity, registry, sources);
      byDomain.computeIfAbsent(entity.domain(), d -> new ArrayList<>()).add(entry);
      for (CatalogField field : entry.fields()) {
        if (!field.protoType().isEmpty()) {
          String leaf = field.column().substring(field.column().lastIndexOf('.') + 1);
          fieldIndex.add(
              new String[] {
                leaf,
                entry.table().qualifiedName() + "." + field.column(),
                field.bigQueryType(),
                field.sensitivity(),
                entity.domain() + "/" + entity.tableName()
              });
        }
      }
    }
    fieldIndex.sort(Comparator.comparing((String[] row) -> row[0]).thenComparing(row -> row[1]));
  }

  /** The catalog of a registry's entities, with lineage from the contract alone. */
  public static DataCatalog of(EntityRegistry registry) {
    return new DataCatalog(registry, LineageSources.none());
  }

  /** The catalog of a registry's entities, with lineage (producers, rules, consumers). */
  public static DataCatalog of(EntityRegistry registry, LineageSources sources) {
    return new DataCatalog(registry, sources);
  }

  /** The pages by path relative to the catalog root, index pages first. */
  public Map<String, String> pages() {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("index.md", MarkdownCatalogWriter.index(byDomain, fieldIndex));
    pages.put("index.html", HtmlCatalogWriter.index(byDomain, fieldIndex));
    for (List<CatalogEntity> entries : byDomain.values()) {
      for (CatalogEntity entry : entries) {
        pages.put(entry.page("md"), MarkdownCatalogWriter.page(entry));
        pages.put(entry.page("html"), HtmlCatalogWriter.page(entry));
      }
    }
    return pages;
  }

  /** Writes every page under {@code root} (created if needed) and returns the files written. */
  public List<Path> write(Path root) {
    List<Path> written = new ArrayList<>();
    try {
      for (Map.Entry<String, String> page : pages().entrySet()) {
        Path file = root.resolve(page.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, page.getValue());
        written.add(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the catalog to " + root + ": " + e, e);
    }
    return written;
  }
}
