package io.entityflow.pipelines.warehouse;

import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.warehouse.local.LocalWarehouse;
import io.entityflow.warehouse.local.LocalWarehouseLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Writes one batch of rows as one immutable Parquet file of a local-warehouse table: rows become a
 * typed NDJSON temp file, an in-process DuckDB copies it into a hidden temp Parquet file with the
 * table's exact column types, and an atomic rename publishes it, so readers in other processes
 * never see a partial file. The part is forced to disk before its rename.
 *
 * <pre>{@code
 * try (ParquetPartWriter writer = ParquetPartWriter.open(layout)) {
 *   Path file = writer.write("retail", "sale_v1", columns, rows);
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one writer per DoFn instance.
 */
public final class ParquetPartWriter implements AutoCloseable {
  private final LocalWarehouseLayout layout;
  private final Connection duckDb;

  private ParquetPartWriter(LocalWarehouseLayout layout, Connection duckDb) {
    this.layout = layout;
    this.duckDb = duckDb;
  }

  /** Opens an in-memory DuckDB for writing into {@code layout}. */
  public static ParquetPartWriter open(LocalWarehouseLayout layout) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
    }
    return new ParquetPartWriter(layout, connection);
  }

  /**
   * Writes the rows as a new part file of {@code dataset.table} and returns its path.
   *
   * @throws SQLException when DuckDB refuses a value (the batch is not published)
   */
  public Path write(
      String dataset, String table, List<TableColumn> columns, List<? extends Map<String, ?>> rows)
      throws SQLException {
    NdjsonRows lines = NdjsonRows.of(columns);
    StringBuilder out = new StringBuilder(rows.size() * 256);
    for (Map<String, ?> row : rows) {
      lines.append(out, row);
    }
    return writeNdjson(dataset, table, columns, out);
  }

  /**
   * Writes rows already rendered by {@link NdjsonRows} (one line each, newline-terminated) as a new
   * part file of {@code dataset.table} and returns its path.
   *
   * @throws SQLException when DuckDB refuses a value (the batch is not published)
   */
  public Path writeNdjson(
      String dataset, String table, List<TableColumn> columns, CharSequence ndjson)
      throws SQLException {
    Path directory = layout.tableDirectory(dataset, table);
    Path json = directory.resolve("." + LocalWarehouseLayout.newPartFileName() + ".json.tmp");
    try {
      Files.createDirectories(directory);
      Files.writeString(json, ndjson, StandardCharsets.UTF_8);
      return writeNdjsonFile(dataset, table, columns, json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a part file of " + dataset + "." + table, e);
    } finally {
      deleteQuietly(json);
    }
  }

  /**
   * Writes the rows of {@code ndjson}, a file of complete lines rendered by {@link NdjsonRows}
   * (left as it is), as a new part file of {@code dataset.table} and returns its path.
   *
   * @throws SQLException when DuckDB refuses a value (the batch is not published)
   */
  public Path writeNdjsonFile(String dataset, String table, List<TableColumn> columns, Path ndjson)
      throws SQLException {
    Path directory = layout.tableDirectory(dataset, table);
    String name = LocalWarehouseLayout.newPartFileName();
    Path temporary = directory.resolve(LocalWarehouseLayout.temporaryName(name));
    try {
      Files.createDirectories(directory);
      try (Statement statement = duckDb.createStatement()) {
        statement.execute(
            "COPY (SELECT "
                + DuckDbJsonProjection.select(columns)
                + " FROM read_json('"
                + LocalWarehouse.sqlString(ndjson.toString())
                + "', format = 'newline_delimited', maximum_object_size = 67108864, columns = "
                + DuckDbJsonProjection.readColumns(columns)
                + ")) TO '"
                + LocalWarehouse.sqlString(temporary.toString())
                + "' (FORMAT PARQUET)");
      }
      try (FileChannel written = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        written.force(true);
      }
      Path target = directory.resolve(name);
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a part file of " + dataset + "." + table, e);
    } finally {
      deleteQuietly(temporary);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete temporary file " + file, e);
    }
  }

  @Override
  public void close() throws SQLException {
    duckDb.close();
  }
}
