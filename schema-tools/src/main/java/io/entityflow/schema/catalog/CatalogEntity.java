package io.entityflow.schema.catalog;

import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.layout.TableDefinition;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import java.util.List;

/**
 * What the catalog says about one entity version: the entity, its table, every version of the same
 * entity in the contract, its fields and its lineage. Immutable.
 *
 * <pre>{@code
 * CatalogEntity sale = CatalogEntity.of(sale, registry);
 * sale.page("md");  // "retail/sale_v1.md"
 * }</pre>
 *
 * @param entity the entity
 * @param table its BigQuery table, as the physical layout defines it
 * @param versions every major version of the entity name, e.g. {@code [v1 (1.0), v2 (2.0)]}
 * @param fields every column of the table
 * @param lineage where its data comes from and goes to
 */
public record CatalogEntity(
    EntityDefinition entity,
    TableDefinition table,
    List<String> versions,
    List<CatalogField> fields,
    CatalogLineage lineage) {

  public CatalogEntity {
    versions = List.copyOf(versions);
    fields = List.copyOf(fields);
  }

  /** The catalog entry of an entity of the registry, with lineage from the contract alone. */
  public static CatalogEntity of(EntityDefinition entity, EntityRegistry registry) {
    return of(entity, registry, LineageSources.none());
  }

  /** The catalog entry of an entity of the registry, with lineage from {@code sources}. */
  public static CatalogEntity of(
      EntityDefinition entity, EntityRegistry registry, LineageSources sources) {
    List<String> versions =
        registry.entities().stream()
            .filter(e -> e.name().equals(entity.name()))
            .map(
                e -> "v" + e.majorVersion() + " (" + e.schemaVersion() + ", " + e.topicName() + ")")
            .toList();
    PhysicalLayout layout = PhysicalLayout.of(registry);
    return new CatalogEntity(
        entity,
        layout.entity(entity).table(),
        versions,
        CatalogFields.of(entity),
        sources.lineage(entity, layout));
  }

  /** The page of the entity relative to the catalog root, e.g. {@code retail/sale_v1.html}. */
  public String page(String extension) {
    return entity.domain() + "/" + entity.tableName() + "." + extension;
  }
}
