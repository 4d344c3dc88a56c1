package io.entityflow.warehouse.local;

import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.LatestViewSql;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.layout.EntityResources;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.layout.TableDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Opens the local warehouse for SQL. Each call gives a fresh in-memory DuckDB connection with one
 * schema per dataset and one view per table ({@code retail.sale_v1}), reading the table's Parquet
 * files at query time; no database file is locked, so the pipeline, the alerting service and {@code
 * entityflow sql} use the warehouse at the same time.
 *
 * <pre>{@code
 * try (Connection sql = LocalWarehouse.open(Path.of(".entityflow/warehouse"), registry)) {
 *   ResultSet rs = sql.createStatement().executeQuery("SELECT count(*) FROM retail.sale_v1");
 * }
 * }</pre>
 *
 * <p>Guarantees: every registry entity has a view with at least the contract's columns, even before
 * its first row; files written with older contract revisions read NULL for newer columns.
 */
public final class LocalWarehouse {
  private LocalWarehouse() {}

  /** Opens a connection with views over every table under {@code root}. */
  public static Connection open(Path root, EntityRegistry registry) throws SQLException {
    LocalWarehouseLayout layout = new LocalWarehouseLayout(root);
    Connection connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      Map<String, List<TableColumn>> known = new LinkedHashMap<>();
      for (EntityResources entity : PhysicalLayout.of(registry).entities()) {
        TableDefinition table = entity.table();
        known.put(table.dataset() + "/" + table.name(), table.columns());
      }
      for (String key : existingTables(root)) {
        known.putIfAbsent(key, null);
      }
      for (Map.Entry<String, List<TableColumn>> entry : known.entrySet()) {
        String[] parts = entry.getKey().split("/", 2);
        createView(statement, layout, parts[0], parts[1], entry.getValue());
      }
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  /**
   * Creates (or replaces) every entity's {@code <dataset>.<table>_latest} view on a connection from
   * {@link #open}: the latest state per id, without deleted ids ({@link LatestViewSql}). Each
   * contract entity's current-state table {@code <dataset>.<table>_current} (which BigQuery keeps
   * by change data capture) is a view with the same query here, so queries written for BigQuery's
   * current tables run unchanged in local mode; it costs a scan of the history, like the latest
   * view.
   */
  public static void createLatestViews(Connection connection, EntityRegistry registry)
      throws SQLException {
    PhysicalLayout layout = PhysicalLayout.of(registry);
    try (Statement statement = connection.createStatement()) {
      for (EntityResources entity : layout.entities()) {
        EntityTable table = EntityTable.of(entity.entity());
        List<String> views = new ArrayList<>(List.of(LatestViewSql.viewName(table)));
        if (layout.currentTables().contains(entity.currentTable())) {
          views.add(entity.currentTable().name());
        }
        for (String view : views) {
          statement.execute(
              "CREATE OR REPLACE VIEW "
                  + DuckDbTypes.quote(table.dataset())
                  + "."
                  + DuckDbTypes.quote(view)
                  + " AS "
                  + LatestViewSql.duckDb(table));
        }
      }
    }
  }

  /**
   * Creates a table: an empty Parquet file with the table's columns, so that readers see the
   * columns before the first row. Does nothing when the table already has files.
   */
  public static void createTable(
      LocalWarehouseLayout layout, String dataset, String table, List<TableColumn> columns)
      throws SQLException {
    Path directory = layout.tableDirectory(dataset, table);
    if (hasParquet(directory)) {
      return;
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory, e);
    }
    String name = LocalWarehouseLayout.newPartFileName();
    Path temporary = directory.resolve(LocalWarehouseLayout.temporaryName(name));
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE empty_table (" + DuckDbTypes.columnList(columns) + ")");
      statement.execute(
          "COPY empty_table TO '" + sqlString(temporary.toString()) + "' (FORMAT PARQUET)");
    }
    try {
      Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish " + temporary, e);
    }
  }

  private static void createView(
      Statement statement,
      LocalWarehouseLayout layout,
      String dataset,
      String table,
      List<TableColumn> columns)
      throws SQLException {
    String schema = DuckDbTypes.quote(dataset);
    String view = schema + "." + DuckDbTypes.quote(table);
    statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
    boolean hasFiles = hasParquet(layout.tableDirectory(dataset, table));
    String files =
        "SELECT * FROM read_parquet('"
            + sqlString(layout.parquetGlob(dataset, table))
            + "', union_by_name = true)";
    if (columns == null) {
      statement.execute("CREATE VIEW " + view + " AS " + files);
      return;
    }
    String empty = DuckDbTypes.quote("empty__" + dataset + "__" + table);
    statement.execute("CREATE TABLE " + empty + " (" + DuckDbTypes.columnList(columns) + ")");
    statement.execute(
        "CREATE VIEW "
            + view
            + " AS SELECT * FROM "
            + empty
            + (hasFiles ? " UNION ALL BY NAME " + files : ""));
  }

  private static List<String> existingTables(Path root) {
    List<String> tables = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return tables;
    }
    try (Stream<Path> datasets = Files.list(root)) {
      for (Path dataset : datasets.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> entries = Files.list(dataset)) {
          for (Path table : entries.filter(Files::isDirectory).sorted().toList()) {
            if (hasParquet(table)) {
              tables.add(dataset.getFileName() + "/" + table.getFileName());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the warehouse at " + root, e);
    }
    return tables;
  }

  static boolean hasParquet(Path directory) {
    if (!Files.isDirectory(directory)) {
      return false;
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.anyMatch(
          p ->
              p.getFileName().toString().endsWith(".parquet")
                  && !p.getFileName().toString().startsWith("."));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  /** Escapes a value for a single-quoted SQL string literal. */
  public static String sqlString(String value) {
    return value.replace("'", "''");
  }
}
