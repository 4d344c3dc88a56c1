package io.entityflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.warehouse.local.LocalWarehouseLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSqlTest {
  private final EntityRegistry registry = EntityRegistry.load();

  private static void writeCustomers(Path warehouse, String values) throws Exception {
    LocalWarehouseLayout layout = new LocalWarehouseLayout(warehouse);
    Path dir = layout.tableDirectory("retail", "customer_v1");
    Files.createDirectories(dir);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute(
          "COPY (SELECT * FROM (VALUES "
              + values
              + ") AS t(event_id, operation, occurred_at, publish_time, ingestion_time, customer_id, country)) TO '"
              + dir.resolve(LocalWarehouseLayout.newPartFileName())
              + "' (FORMAT PARQUET)");
    }
  }

  @Test
  void latestViewKeepsTheNewestStatePerIdIgnoresDuplicatesAndDropsDeletedIds(
      @TempDir Path warehouse) throws Exception {
    writeCustomers(
        warehouse,
        "('e1', 'CREATED', TIMESTAMPTZ '2026-11-23 10:00:00+00', TIMESTAMPTZ '2026-11-23 10:00:01+00', TIMESTAMPTZ '2026-11-23 10:00:02+00', 'c-1', 'AT'),"
            + "('e2', 'UPDATED', TIMESTAMPTZ '2026-11-23 11:00:00+00', TIMESTAMPTZ '2026-11-23 11:00:01+00', TIMESTAMPTZ '2026-11-23 11:00:02+00', 'c-1', 'DE'),"
            // a redelivered duplicate of e1, ingested late: must not win over e2
            + "('e1', 'CREATED', TIMESTAMPTZ '2026-11-23 10:00:00+00', TIMESTAMPTZ '2026-11-23 10:00:01+00', TIMESTAMPTZ '2026-11-23 12:30:00+00', 'c-1', 'AT'),"
            + "('e3', 'CREATED', TIMESTAMPTZ '2026-11-23 10:00:00+00', TIMESTAMPTZ '2026-11-23 10:00:01+00', TIMESTAMPTZ '2026-11-23 10:00:02+00', 'c-2', 'CH'),"
            + "('e4', 'DELETED', TIMESTAMPTZ '2026-11-23 12:00:00+00', TIMESTAMPTZ '2026-11-23 12:00:01+00', TIMESTAMPTZ '2026-11-23 12:00:02+00', 'c-2', NULL)");

    List<List<String>> rows =
        LocalSql.query(
            warehouse,
            registry,
            "SELECT customer_id, country, event_id FROM retail.customer_v1_latest ORDER BY customer_id");

    assertThat(rows)
        .containsExactly(List.of("customer_id", "country", "event_id"), List.of("c-1", "DE", "e2"));
  }

  @Test
  void tablesWithoutRowsAreQueryableAndRenderAsAnEmptyTable(@TempDir Path warehouse)
      throws Exception {
    List<List<String>> rows =
        LocalSql.query(warehouse, registry, "SELECT count(*) AS sales FROM retail.sale_v1");

    assertThat(LocalSql.render(rows)).isEqualTo("sales\n-----\n0    \n(1 row)\n");
  }

  @Test
  void progressReportCountsRowsPerTableThatHasRows(@TempDir Path warehouse) throws Exception {
    writeCustomers(
        warehouse,
        "('e1', 'CREATED', TIMESTAMPTZ '2026-11-23 10:00:00+00', NULL::TIMESTAMPTZ, NULL::TIMESTAMPTZ, 'c-1', 'AT'),"
            + "('e2', 'CREATED', TIMESTAMPTZ '2026-11-23 10:00:00+00', NULL, NULL, 'c-2', 'AT')");

    ProgressReport report = ProgressReport.read(warehouse, registry);

    assertThat(report.rowsByTable()).containsExactly(java.util.Map.entry("retail.customer_v1", 2L));
    assertThat(report.line()).isEqualTo("rows: retail.customer_v1=2 | dead letters: 0");
  }

  @Test
  void progressReportCountsTheSubjectKeyRowsTheDemoServicePublishesToo(@TempDir Path warehouse)
      throws Exception {
    Path dir = new LocalWarehouseLayout(warehouse).tableDirectory("entityflow", "subject_key_v1");
    Files.createDirectories(dir);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute(
          "COPY (SELECT * FROM (VALUES ('k1', 'CREATED', TIMESTAMPTZ '2026-11-23 10:00:00+00',"
              + " NULL::TIMESTAMPTZ, NULL::TIMESTAMPTZ, 'c-1')) AS t(event_id, operation,"
              + " occurred_at, publish_time, ingestion_time, subject_id)) TO '"
              + dir.resolve(LocalWarehouseLayout.newPartFileName())
              + "' (FORMAT PARQUET)");
    }

    ProgressReport report = ProgressReport.read(warehouse, registry);

    assertThat(report.line()).isEqualTo("rows: entityflow.subject_key_v1=1 | dead letters: 0");
  }
}
