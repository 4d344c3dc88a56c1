package io.entityflow.pipelines.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * Counts the rows of one local-warehouse table in its published Parquet parts, as {@code entityflow
 * sql} sees them (staged rows not yet converted are not counted).
 *
 * <pre>{@code
 * try (ParquetRows rows = ParquetRows.of(warehouse, "retail", "sale_v1")) { rows.count(); }
 * }</pre>
 */
final class ParquetRows implements AutoCloseable {
  private final Path directory;
  private final Connection duckDb;

  private ParquetRows(Path directory, Connection duckDb) {
    this.directory = directory;
    this.duckDb = duckDb;
  }

  static ParquetRows of(Path warehouse, String dataset, String table) throws SQLException {
    return new ParquetRows(
        warehouse.resolve(dataset).resolve(table), DriverManager.getConnection("jdbc:duckdb:"));
  }

  /** Rows in the published parts now (0 before the first part). */
  long count() {
    try (Stream<Path> parts = Files.isDirectory(directory) ? Files.list(directory) : Stream.of()) {
      if (parts.noneMatch(p -> p.toString().endsWith(".parquet"))) {
        return 0;
      }
      return single("SELECT count(*) FROM read_parquet('" + directory + "/*.parquet')");
    } catch (Exception e) {
      throw new IllegalStateException("cannot count the rows under " + directory, e);
    }
  }

  /** Distinct values of {@code column} in the published parts. */
  long distinct(String column) throws SQLException {
    return single(
        "SELECT count(DISTINCT " + column + ") FROM read_parquet('" + directory + "/*.parquet')");
  }

  private long single(String sql) throws SQLException {
    try (Statement statement = duckDb.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  @Override
  public void close() throws SQLException {
    duckDb.close();
  }
}
