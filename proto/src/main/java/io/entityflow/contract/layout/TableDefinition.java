package io.entityflow.contract.layout;

import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.TableColumn;
import java.util.List;
import java.util.Objects;

/**
 * One table of the physical layout as every module must create, check or query it: dataset (without
 * any deployment prefix), name, description, columns in order, DAY partitioning on a TIMESTAMP
 * column, clustering columns and, for a current-state table ({@link TableKind#CURRENT}), its
 * primary key. Immutable.
 *
 * <pre>{@code
 * TableDefinition heartbeat = layout.heartbeatTable();
 * heartbeat.qualifiedName();   // "entityflow.pipeline_heartbeat"
 * heartbeat.partitionField();  // "ingested_through"
 * TableDefinition current = layout.entity(sale).currentTable();
 * current.name();              // "sale_v1_current"
 * current.primaryKey();        // ["sale_id"] (BigQuery: PRIMARY KEY (sale_id) NOT ENFORCED)
 * current.partitionField();    // null: current tables are not partitioned
 * }</pre>
 *
 * @param kind what the table holds
 * @param dataset the logical dataset, e.g. {@code retail} or {@code entityflow}
 * @param name the table name
 * @param description the table description
 * @param columns every column in table order
 * @param partitionField the TIMESTAMP column the table is partitioned on by day; null only for a
 *     current-state table, which is not partitioned
 * @param clusteringFields the columns the table is clustered by, possibly none
 * @param primaryKey the primary key columns (declared {@code NOT ENFORCED} in BigQuery), empty but
 *     for a current-state table
 */
public record TableDefinition(
    TableKind kind,
    String dataset,
    String name,
    String description,
    List<TableColumn> columns,
    String partitionField,
    List<String> clusteringFields,
    List<String> primaryKey) {

  /** Partitioning granularity of every table of the layout. */
  public static final String PARTITION_TYPE = "DAY";

  public TableDefinition {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    columns = List.copyOf(columns);
    clusteringFields = List.copyOf(clusteringFields);
    primaryKey = List.copyOf(primaryKey);
    if (kind != TableKind.CURRENT) {
      Objects.requireNonNull(partitionField, "partitionField");
    }
    if (partitionField != null
        && columns.stream().noneMatch(c -> c.name().equals(partitionField))) {
      throw new IllegalArgumentException(
          "table " + dataset + "." + name + " is partitioned on unknown column " + partitionField);
    }
    if ((kind == TableKind.CURRENT) == primaryKey.isEmpty()) {
      throw new IllegalArgumentException(
          "table "
              + dataset
              + "."
              + name
              + " of kind "
              + kind
              + " has primary key "
              + primaryKey
              + "; allowed: a primary key exactly on CURRENT tables");
    }
    for (String key : primaryKey) {
      if (columns.stream().noneMatch(c -> c.name().equals(key))) {
        throw new IllegalArgumentException(
            "table " + dataset + "." + name + " has a primary key on unknown column " + key);
      }
    }
  }

  /** A partitioned table without primary key. */
  public TableDefinition(
      TableKind kind,
      String dataset,
      String name,
      String description,
      List<TableColumn> columns,
      String partitionField,
      List<String> clusteringFields) {
    this(kind, dataset, name, description, columns, partitionField, clusteringFields, List.of());
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

  /**
   * The current-state table of an entity's history table {@code history}: named {@code
   * <table>}{@value PhysicalLayout#CURRENT_TABLE_SUFFIX} in the same dataset, with the same
   * columns, not partitioned, clustered by and with primary key {@code idColumn}.
   */
  public static TableDefinition currentOf(TableDefinition history, String idColumn) {
    return new TableDefinition(
        TableKind.CURRENT,
        history.dataset(),
        history.name() + PhysicalLayout.CURRENT_TABLE_SUFFIX,
        "Current state of every id of "
            + history.name()
            + " (one row per id, deleted ids removed), kept by BigQuery change data capture;"
            + " history in "
            + history.name()
            + ".",
        history.columns(),
        null,
        List.of(idColumn),
        List.of(idColumn));
  }

  /** Whether the table is partitioned by day on {@link #partitionField()}. */
  public boolean partitioned() {
    return partitionField != null;
  }

  /** {@code dataset.name}, without any deployment prefix. */
  public String qualifiedName() {
    return dataset + "." + name;
  }
}
