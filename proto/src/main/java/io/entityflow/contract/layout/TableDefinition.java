package io.entityflow.contract.layout;

import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.TableColumn;
import java.util.List;
import java.util.Objects;

/**
 * One table of the physical layout as every module must create, check or query it: dataset (without
 * any deployment prefix), name, description, columns in order, DAY partitioning on a TIMESTAMP
 * column and clustering columns. Immutable.
 *
 * <pre>{@code
 * TableDefinition heartbeat = layout.heartbeatTable();
 * heartbeat.qualifiedName();   // "entityflow.pipeline_heartbeat"
 * heartbeat.partitionField();  // "ingested_through"
 * }</pre>
 *
 * @param kind what the table holds
 * @param dataset the logical dataset, e.g. {@code retail} or {@code entityflow}
 * @param name the table name
 * @param description the table description
 * @param columns every column in table order
 * @param partitionField the TIMESTAMP column the table is partitioned on by day
 * @param clusteringFields the columns the table is clustered by, possibly none
 */
public record TableDefinition(
    TableKind kind,
    String dataset,
    String name,
    String description,
    List<TableColumn> columns,
    String partitionField,
    List<String> clusteringFields) {

  /** Partitioning granularity of every table of the layout. */
  public static final String PARTITION_TYPE = "DAY";

  public TableDefinition {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(partitionField, "partitionField");
    columns = List.copyOf(columns);
    clusteringFields = List.copyOf(clusteringFields);
    if (columns.stream().noneMatch(c -> c.name().equals(partitionField))) {
      throw new IllegalArgumentException(
          "table " + dataset + "." + name + " is partitioned on unknown column " + partitionField);
    }
  }

  /** The table of an entity. */
  public static TableDefinition ofEntity(EntityTable table) {
    return new TableDefinition(
        TableKind.ENTITY,
        table.dataset(),
        table.name(),
        table.description(),
        table.columns(),
        table.partitionField(),
        table.clusteringFields());
  }

  /** {@code dataset.name}, without any deployment prefix. */
  public String qualifiedName() {
    return dataset + "." + name;
  }
}
