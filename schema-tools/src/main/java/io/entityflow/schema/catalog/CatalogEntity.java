package io.entityflow.schema.catalog;

import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.layout.TableDefinition;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import java.util.List;

/**
 * What the catalog says about one entity version: the entity, its table, every version of the same
 * entity in the contract and its fields. Immutable.
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
 */
public record CatalogEntity(
    EntityDefinition entity,
    TableDefinition table,
    List<String> versions,
    List<CatalogField> fields) {

  public CatalogEntity {
    versions = List.copyOf(versions);
    fields = List.copyOf(fields);
  }

  /** The catalog entry of an entity of the registry. */
  public static CatalogEntity of(EntityDefinition entity, EntityRegistry registry) {
    List<String> versions =
        registry.entities().stream()
            .filter(e -> e.name().equals(entity.name()))
            .map(
                e -> "v" + e.majorVersion() + " (" + e.schemaVersion() + ", " + e.topicName() + ")")
            .toList();
    return new CatalogEntity(
        entity,
        PhysicalLayout.of(registry).entity(entity).table(),
        versions,
        CatalogFields.of(entity));
  }

  /** The page of the entity relative to the catalog root, e.g. {@code retail/sale_v1.html}. */
  public String page(String extension) {
    return entity.domain() + "/" + entity.tableName() + "." + extension;
  }
}
