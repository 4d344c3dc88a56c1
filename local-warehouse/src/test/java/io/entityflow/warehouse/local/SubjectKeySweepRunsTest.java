package io.entityflow.warehouse.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.contract.bigquery.SubjectKeySweepSql;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generated sweep DELETE run for real (DuckDB, the table reference unquoted): which SubjectKey
 * rows of forgotten, re-created and never forgotten subjects it leaves.
 */
class SubjectKeySweepRunsTest {
  private static final String REFERENCE = "`acme-data.entityflow.subject_key_v1`";
  private static final String TABLE =
      "CREATE TABLE subject_key_v1 (subject_id VARCHAR, operation VARCHAR, occurred_at TIMESTAMP,"
          + " pseudonym VARCHAR)";

  @Test
  void sweepKeepsDeletedRowsAndKeysCreatedAfterTheForgetAndOtherSubjects() throws Exception {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      statement.execute(TABLE);
      insert(duckdb, "c-1", "CREATED", "2026-12-01T10:00:00Z", "p-old");
      insert(duckdb, "c-1", "CREATED", "2026-12-01T10:00:00Z", "p-old"); // redelivered
      insert(duckdb, "c-1", "DELETED", "2026-12-02T10:00:00Z", null);
      insert(duckdb, "c-1", "CREATED", "2026-12-03T10:00:00Z", "p-new"); // came back later
      insert(duckdb, "c-2", "CREATED", "2026-12-01T11:00:00Z", "p-2");
      insert(duckdb, "c-3", "CREATED", "2026-12-02T10:00:00Z", "p-3"); // forgotten same instant
      insert(duckdb, "c-3", "DELETED", "2026-12-02T10:00:00Z", null);

      int deleted =
          statement.executeUpdate(
              SubjectKeySweepSql.bigQuery("acme-data", "entityflow")
                  .replace(REFERENCE, "subject_key_v1"));

      assertThat(deleted).isEqualTo(3);
      assertThat(rows(statement))
          .containsExactly(
              "c-1 DELETED 2026-12-02 10:00:00.0 null",
              "c-1 CREATED 2026-12-03 10:00:00.0 p-new",
              "c-2 CREATED 2026-12-01 11:00:00.0 p-2",
              "c-3 DELETED 2026-12-02 10:00:00.0 null");
    }
  }

  @Test
  void oneSubjectsDeleteLeavesItsLaterKeyAndOtherSubjects() throws Exception {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      statement.execute(TABLE);
      insert(duckdb, "c-1", "CREATED", "2026-12-01T10:00:00Z", "p-old");
      insert(duckdb, "c-1", "DELETED", "2026-12-02T10:00:00Z", null);
      insert(duckdb, "c-1", "CREATED", "2026-12-03T10:00:00Z", "p-new");
      insert(duckdb, "c-2", "CREATED", "2026-12-01T11:00:00Z", "p-2");
      String sql =
          SubjectKeySweepSql.forSubject("acme-data", "entityflow")
              .replace(REFERENCE, "subject_key_v1")
              .replace("@subject", "?")
              .replace("@forgotten_at", "?");
      try (PreparedStatement delete = duckdb.prepareStatement(sql)) {
        delete.setString(1, "c-1");
        delete.setTimestamp(2, Timestamp.valueOf("2026-12-02 10:00:00"));
        assertThat(delete.executeUpdate()).isEqualTo(1);
      }
      assertThat(rows(statement))
          .containsExactly(
              "c-1 DELETED 2026-12-02 10:00:00.0 null",
              "c-1 CREATED 2026-12-03 10:00:00.0 p-new",
              "c-2 CREATED 2026-12-01 11:00:00.0 p-2");
    }
  }

  private static void insert(
      Connection duckdb, String subject, String operation, String at, String pseudonym)
      throws Exception {
    try (PreparedStatement insert =
        duckdb.prepareStatement("INSERT INTO subject_key_v1 VALUES (?, ?, ?, ?)")) {
      insert.setString(1, subject);
      insert.setString(2, operation);
      insert.setTimestamp(
          3, Timestamp.valueOf(Instant.parse(at).toString().replace("T", " ").replace("Z", "")));
      insert.setString(4, pseudonym);
      insert.executeUpdate();
    }
  }

  private static List<String> rows(Statement statement) throws Exception {
    List<String> rows = new ArrayList<>();
    try (ResultSet result =
        statement.executeQuery(
            "SELECT * FROM subject_key_v1 ORDER BY subject_id, occurred_at, operation DESC")) {
      while (result.next()) {
        rows.add(
            result.getString(1)
                + " "
                + result.getString(2)
                + " "
                + result.getTimestamp(3)
                + " "
                + result.getString(4));
      }
    }
    return rows;
  }
}
