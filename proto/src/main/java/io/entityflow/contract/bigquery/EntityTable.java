package io.entityflow.contract.bigquery;

import io.entityflow.contract.registry.EntityDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The BigQuery table of one entity: dataset, name (= topic name), description, the metadata columns
 * followed by the entity's columns, day partitioning on {@code occurred_at} and clustering on the
 * entity id.
 *
 * <pre>{@code
 * EntityTable table = EntityTable.of(sale);
 * table.qualifiedName();   // "retail.sale_v1"
 * table.clusteringFields(); // ["sale_id"]
 * }</pre>
 *
 * @param dataset the dataset (the entity's domain)
 * @param name the table name (the topic name)
 * @param description the entity's description
 * @param columns metadata columns first, then one per proto field
 * @param partitionField the TIMESTAMP column the table is partitioned on by day
 * @param clusteringFields the columns the table is clustered by
 */
public record EntityTable(
    String dataset,
    String name,
    String description,
    List<TableColumn> columns,
    String partitionField,
    List<String> clusteringFields) {

  /** Partitioning granularity of every entity table. */
  public static final String PARTITION_TYPE = "DAY";

  public EntityTable {
    columns = List.copyOf(columns);
    clusteringFields = List.copyOf(clusteringFields);
  }

  /** The table of an entity. */
  public static EntityTable of(EntityDefinition entity) {
    List<TableColumn> columns = new ArrayList<>(MetadataColumns.COLUMNS);
    columns.addAll(BigQuerySchemaMapper.columnsOf(entity.descriptor()));
    return new EntityTable(
        entity.dataset(),
        entity.tableName(),
        entity.description(),
        columns,
        MetadataColumns.OCCURRED_AT,
        List.of(entity.idField().getName()));
  }

  /** {@code dataset.table}. */
  public String qualifiedName() {
    return dataset + "." + name;
  }

  /** The entity's own columns, without the metadata columns. */
  public List<TableColumn> entityColumns() {
    return columns.subList(MetadataColumns.COLUMNS.size(), columns.size());
  }
}
