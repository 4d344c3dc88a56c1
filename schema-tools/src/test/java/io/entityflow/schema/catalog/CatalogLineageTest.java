package io.entityflow.schema.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entityflow.contract.registry.EntityRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lineage section of an entity page: producers from the local warehouse, topic and
 * subscriptions, pipeline job, table and view, declared consumers, the alert rules watching it.
 */
class CatalogLineageTest {
  private static final EntityRegistry REGISTRY = EntityRegistry.load();

  @TempDir Path dir;

  @Test
  void salePageShowsProducersConsumersAndRulesFromTheGivenFiles() throws Exception {
    Path warehouse = dir.resolve("warehouse");
    writeProducers(warehouse.resolve("retail/sale_v1"), "'pos'", "'pos'", "'web-shop'");
    Path rules = dir.resolve("alert-rules.yaml");
    Files.writeString(
        rules,
        """
        defaults:
          pending-for: PT10M
        rules:
          - id: sales-per-store
            match: {table: sale_v1, operation: CREATED}
            segment: store_id
          - id: signups
            match: {dataset: energy, operation: CREATED}
            type: static
            minimum: 5
          - id: no-snapshots
            match: {operation: SNAPSHOT}
            enabled: false
        """);
    Path consumers = dir.resolve("consumers.yaml");
    Files.writeString(consumers, "sale_v1: [loyalty_accrual, fraud_check]\n");

    String page =
        DataCatalog.of(
                REGISTRY,
                LineageSources.read(
                    REGISTRY,
                    Optional.of(warehouse),
                    Optional.of(rules),
                    Optional.of(consumers),
                    "entityflow-pipeline"))
            .pages()
            .get("retail/sale_v1.md");

    assertThat(section(page))
        .isEqualTo(
            "## Lineage\n\n| | |\n|---|---|\n"
                + "| Producers | `pos (2 events)`, `web-shop (1 events)` (local warehouse "
                + warehouse
                + ") |\n"
                + "| Pub/Sub topic | `sale_v1`, read by the pipeline's subscription"
                + " `sale_v1_pipeline` (undeliverable messages: `sale_v1_dead_letter`) |\n"
                + "| Pipeline job | Dataflow job entityflow-pipeline (Terraform job_name); locally the"
                + " local pipeline of entityflow demo |\n"
                + "| Table and view | `retail.sale_v1`, latest state `retail.sale_v1_latest` |\n"
                + "| Consumers | `loyalty_accrual`: subscription `sale_v1_loyalty_accrual`, dead"
                + " letters `sale_v1_loyalty_accrual_dead_letter`, replay"
                + " `sale_v1_loyalty_accrual_replay`; `fraud_check`: subscription"
                + " `sale_v1_fraud_check`, dead letters `sale_v1_fraud_check_dead_letter`, replay"
                + " `sale_v1_fraud_check_replay` |\n"
                + "| Alert rules | CREATED: sales-per-store (learned); UPDATED, DELETED: default"
                + " (learned); SNAPSHOT: no-snapshots (disabled: not watched) (rules file "
                + rules
                + ") |\n"
                + "\nProducers in BigQuery (last 30 days):\n\n```sql\n"
                + "SELECT producer, COUNT(*) AS events FROM `retail.sale_v1` WHERE occurred_at >="
                + " TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 30 DAY) GROUP BY producer ORDER BY"
                + " events DESC\n```\n");
  }

  @Test
  void staticRuleOfAnotherDatasetDoesNotWatchSalesButWatchesSignups() throws Exception {
    Path rules = dir.resolve("alert-rules.yaml");
    Files.writeString(
        rules,
        "rules:\n  - id: signups\n    match: {dataset: energy, table: user_v1, operation: CREATED}\n"
            + "    type: static\n    minimum: 5\n");
    AlertRulesSummary summary = AlertRulesSummary.read(rules);

    assertThat(summary.lines(REGISTRY.forTopic("user_v1").orElseThrow()))
        .containsExactly(
            "CREATED: signups (static minimum)", "UPDATED, DELETED, SNAPSHOT: default (learned)");
    assertThat(summary.lines(REGISTRY.forTopic("sale_v1").orElseThrow()))
        .containsExactly("CREATED, UPDATED, DELETED, SNAPSHOT: default (learned)");
  }

  @Test
  void withoutSourcesThePageGivesTheBigQueryQueryAndTheBuiltInRule() {
    String page = DataCatalog.of(REGISTRY).pages().get("retail/sale_v1.md");

    assertThat(section(page))
        .startsWith(
            "## Lineage\n\n| | |\n|---|---|\n| Producers | none listed (not read: run the BigQuery"
                + " query below (or catalog a local warehouse with --warehouse)) |\n")
        .contains(
            "| Consumers | none declared (list them with `--consumers FILE`) |\n"
                + "| Alert rules | CREATED, UPDATED, DELETED, SNAPSHOT: default (learned) (no rules"
                + " file: the alerting service's built-in rule) |\n");
  }

  @Test
  void htmlPageHasTheLineageTable() {
    String page = DataCatalog.of(REGISTRY).pages().get("retail/sale_v1.html");

    assertThat(page)
        .contains(
            "<h2>Lineage</h2>\n<table>\n<tr><th>Producers</th><td>none listed (not read: run the"
                + " BigQuery query below (or catalog a local warehouse with --warehouse))</td></tr>")
        .contains(
            "<tr><th>Table and view</th><td><code>retail.sale_v1</code>, latest state"
                + " <code>retail.sale_v1_latest</code></td></tr>");
  }

  @Test
  void consumersFileWithAnUnknownTopicIsRefused() throws Exception {
    Path consumers = dir.resolve("consumers.yaml");
    Files.writeString(consumers, "sales: [crm]\n");

    assertThatThrownBy(() -> ConsumersFile.read(consumers, REGISTRY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "consumers file " + consumers + ": unknown topic 'sales'; allowed: [");
  }

  @Test
  void consumersFileWithAnInvalidConsumerNameIsRefused() throws Exception {
    Path consumers = dir.resolve("consumers.yaml");
    Files.writeString(consumers, "sale_v1: [Loyalty]\n");

    assertThatThrownBy(() -> ConsumersFile.read(consumers, REGISTRY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "consumers file "
                + consumers
                + ", topic sale_v1: consumer name 'Loyalty' is not"
                + " allowed;");
  }

  private static String section(String page) {
    return page.substring(page.indexOf("## Lineage"), page.indexOf("\n## Fields"));
  }

  private static void writeProducers(Path table, String... producers) throws Exception {
    Files.createDirectories(table);
    try (Connection sql = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = sql.createStatement()) {
      statement.execute(
          "COPY (SELECT * FROM (VALUES ("
              + String.join("), (", producers)
              + ")) AS t(producer)) TO '"
              + table.resolve("part-1.parquet")
              + "' (FORMAT PARQUET)");
    }
  }
}
