package io.entityflow.pipelines.warehouse;

import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.deadletter.DeadLetterTable;
import io.entityflow.pipelines.heartbeat.HeartbeatTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every table the pipeline writes, by qualified name ({@code retail.sale_v1}), with its columns:
 * the entity tables of a registry plus {@code entityflow.dead_letter} and {@code
 * entityflow.pipeline_heartbeat}.
 *
 * <pre>{@code
 * TableCatalog catalog = TableCatalog.of(EntityRegistry.load());
 * List<TableColumn> columns = catalog.columns("retail.sale_v1").orElseThrow();
 * }</pre>
 */
public final class TableCatalog {
  private final Map<String, List<TableColumn>> tables;

  private TableCatalog(Map<String, List<TableColumn>> tables) {
    this.tables = tables;
  }

  /** The tables of every registry entity and the system tables. */
  public static TableCatalog of(EntityRegistry registry) {
    Map<String, List<TableColumn>> tables = new LinkedHashMap<>();
    for (EntityDefinition entity : registry.entities()) {
      EntityTable table = EntityTable.of(entity);
      tables.put(table.qualifiedName(), table.columns());
    }
    tables.put(DeadLetterTable.DATASET + "." + DeadLetterTable.TABLE, DeadLetterTable.COLUMNS);
    tables.put(HeartbeatTable.DATASET + "." + HeartbeatTable.TABLE, HeartbeatTable.COLUMNS);
    return new TableCatalog(tables);
  }

  /** The columns of a table, empty for an unknown one. */
  public Optional<List<TableColumn>> columns(String qualifiedName) {
    return Optional.ofNullable(tables.get(qualifiedName));
  }

  /** Every table, in registry order, the system tables last. */
  public Map<String, List<TableColumn>> tables() {
    return tables;
  }
}
