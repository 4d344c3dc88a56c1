package io.entityflow.warehouse.local;

import io.entityflow.contract.layout.PhysicalLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * The local warehouse's copy of the subjects' keys ({@code entityflow.subject_key_v1}, written by
 * the pipeline from the {@code subject_key_v1} topic), and forgetting a subject there: the local
 * twin of BigQuery's {@code DELETE FROM entityflow.subject_key_v1 WHERE subject_id = @subject AND
 * operation != 'DELETED'}.
 *
 * <pre>{@code
 * int removed = LocalSubjectKeys.erase(Path.of(".entityflow/warehouse"), "c-7");
 * }</pre>
 *
 * <p>Guarantees: every row of the subject that is not a DELETED tombstone leaves the table, so no
 * wrapped keyset of the subject is left; other rows are kept byte for byte in value; each changed
 * Parquet file is replaced atomically (written beside it, then renamed), so readers see the old or
 * the new file, never half of one; files the pipeline adds meanwhile are not touched.
 */
public final class LocalSubjectKeys {
  private LocalSubjectKeys() {}

  /**
   * Removes the subject's key rows from the local warehouse rooted at {@code warehouse}.
   *
   * @return the number of rows removed (0 when the table or the subject is absent)
   */
  public static int erase(Path warehouse, String subjectId) throws SQLException {
    Path directory =
        new LocalWarehouseLayout(warehouse)
            .tableDirectory(PhysicalLayout.SYSTEM_DATASET, "subject_key_v1");
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    int removed = 0;
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      for (Path file : parquetFiles(directory)) {
        removed += erase(connection, file, subjectId);
      }
    }
    return removed;
  }

  private static int erase(Connection connection, Path file, String subjectId) throws SQLException {
    String source = "read_parquet('" + LocalWarehouse.sqlString(file.toString()) + "')";
    String matches = "subject_id = ? AND operation != 'DELETED'";
    int count;
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT count(*) FROM " + source + " WHERE " + matches)) {
      statement.setString(1, subjectId);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        count = rs.getInt(1);
      }
    }
    if (count == 0) {
      return 0;
    }
    Path temporary =
        file.resolveSibling(LocalWarehouseLayout.temporaryName(file.getFileName().toString()));
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "COPY (SELECT * FROM "
              + source
              + " WHERE NOT ("
              + matches.replace("?", "'" + LocalWarehouse.sqlString(subjectId) + "'")
              + ")) TO '"
              + LocalWarehouse.sqlString(temporary.toString())
              + "' (FORMAT PARQUET)");
    }
    try {
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace " + file, e);
    }
    return count;
  }

  private static List<Path> parquetFiles(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(
              p ->
                  p.getFileName().toString().endsWith(".parquet")
                      && !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }
}
