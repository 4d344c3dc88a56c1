package io.entityflow.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.layout.TableDefinition;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.bigquery.BigQuerySchemas;
import io.entityflow.pipelines.bigquery.FakeTableAdmin;
import io.entityflow.pipelines.bigquery.LiveTableCheck;
import io.entityflow.pipelines.events.PipelineClock;
import io.entityflow.pipelines.events.SampleEvents;
import io.entityflow.pipelines.options.EntityTopicsToBigQueryOptions;
import io.entityflow.pipelines.options.RowPath;
import io.entityflow.pipelines.options.WriteMethod;
import io.entityflow.pipelines.testing.EmulatorTopics;
import io.entityflow.pipelines.testing.EmulatorTopics.Message;
import io.entityflow.pipelines.testing.Rows;
import io.entityflow.pipelines.testing.TerraformTables;
import io.entityflow.testing.PubSubEmulator;
import io.entityflow.testing.bigquery.RuleCheckingDatasetService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.gcp.testing.FakeBigQueryServices;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.io.gcp.testing.FakeJobService;
import org.junit.jupiter.api.Test;

class EntityTopicsToBigQueryFakesIT {
  private static final String PROJECT = "test-project";
  private static final String PREFIX = "it_";

  static List<TableRow> poll(FakeDatasetService datasets, String dataset, String table, int count)
      throws Exception {
    long deadline = System.currentTimeMillis() + 90_000;
    List<TableRow> rows = List.of();
    while (System.currentTimeMillis() < deadline) {
      rows = datasets.getAllRows(PROJECT, dataset, table);
      if (rows.size() >= count) {
        return rows;
      }
      Thread.sleep(500);
    }
    return rows;
  }

  private static final String TRACE_1 = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String TRACE_2 = "5bf92f3577b34da6a3ce929d0e0e4737";
  private static final String TRACE_3 = "6bf92f3577b34da6a3ce929d0e0e4738";

  private void runAgainstFakes(WriteMethod method, RowPath rowPath) throws Exception {
    FakeDatasetService.setUp();
    FakeJobService.setUp();
    FakeDatasetService datasets = new RuleCheckingDatasetService();
    datasets.setShouldFailRow(
        (java.util.function.Function<TableRow, Boolean> & java.io.Serializable)
            row -> "s-refused".equals(row.get("sale_id")));
    FakeBigQueryServices services =
        new FakeBigQueryServices()
            .withDatasetService(datasets)
            .withJobService(new FakeJobService());
    EntityRegistry registry = EntityRegistry.load();
    List<EntityDefinition> entities = EntitySelection.select(registry, List.of("Sale"));
    PhysicalLayout layout = PhysicalLayout.of(registry).withDatasetPrefix(PREFIX);
    List<TableDefinition> tables = EntityTopicsToBigQuery.writtenTables(layout, entities);
    LiveTableCheck check = new LiveTableCheck(new FakeTableAdmin(datasets));
    assertThat(check.problems(PROJECT, layout, tables))
        .containsExactly(
            "table " + PROJECT + ":it_retail.sale_v1 does not exist",
            "table " + PROJECT + ":it_entityflow.dead_letter does not exist",
            "table " + PROJECT + ":it_entityflow.pipeline_heartbeat does not exist");
    assertThat(TerraformTables.create(datasets, PROJECT, layout, tables))
        .containsExactly(
            "it_retail.sale_v1", "it_entityflow.dead_letter", "it_entityflow.pipeline_heartbeat");
    check.requireMatching(PROJECT, layout, tables);
    Table table = datasets.getTable(BigQuerySchemas.reference(PROJECT, "it_retail", "sale_v1"));
    assertThat(table.getTimePartitioning().getField()).isEqualTo("occurred_at");
    assertThat(table.getTimePartitioning().getType()).isEqualTo("DAY");
    assertThat(table.getClustering().getFields()).containsExactly("sale_id");

    PubSubEmulator emulator = PubSubEmulator.shared();
    try (EmulatorTopics topics = new EmulatorTopics(emulator, List.of("sale_v1"))) {
      EntityTopicsToBigQueryOptions options = topics.options(List.of("Sale"));
      options.setWriteMethod(method);
      options.setRowPath(rowPath);
      options.setTriggeringFrequencySeconds(1);
      options.setHeartbeatSeconds(1);
      options.setPipelineName("it-bq");
      options.setDatasetPrefix(PREFIX);
      Pipeline pipeline = Pipeline.create(options);
      pipeline.apply(
          EntityTopicsToBigQuery.GRAPH,
          EntityTopicsToWarehouse.from(options)
              .withEntities(entities)
              .withTestServices(services)
              .withClock(PipelineClock.fixed(Instant.parse("2026-11-23T12:00:00Z"))));
      PipelineResult result = pipeline.run();
      try {
        Map<String, String> attributes =
            EntityTopicsToLocalWarehouseIT.attributes("e-1", "acme.retail.sale.v1.Sale");
        Map<String, String> bad = EntityTopicsToLocalWarehouseIT.attributes("e-2", "x.Y");
        Map<String, String> refusedAttributes =
            EntityTopicsToLocalWarehouseIT.attributes("e-3", "acme.retail.sale.v1.Sale");
        byte[] refused = SampleEvents.sale("s-refused").message().toByteArray();
        // each event carries the trace context its publisher's span propagated
        attributes.put("traceparent", "00-" + TRACE_1 + "-00f067aa0ba902b7-01");
        bad.put("traceparent", "00-" + TRACE_2 + "-00f067aa0ba902b7-01");
        refusedAttributes.put("traceparent", "00-" + TRACE_3 + "-00f067aa0ba902b7-01");
        List<String> ids =
            topics.publish(
                "sale_v1",
                List.of(
                    new Message(SampleEvents.sale("s-1").message().toByteArray(), attributes),
                    new Message(new byte[] {1}, bad),
                    new Message(refused, refusedAttributes)));

        List<TableRow> rows = poll(datasets, "it_retail", "sale_v1", 1);
        assertThat(rows).hasSize(1);
        TableRow row = rows.get(0);
        assertThat(row.get("publish_time")).isNotNull();
        row.remove("publish_time");
        assertThat(Rows.json(row))
            .isEqualTo(
                "{\"card\":{\"cardholder_name\":\"QW5uIExlZQ==\",\"last4\":\"4242\",\"scheme\":\"VISA\"},"
                    + "\"channel\":\"STORE\",\"customer_id\":\"c-9\",\"event_id\":\"e-1\","
                    + "\"ingestion_time\":\"2026-11-23 T12:00:00\","
                    + "\"labels\":[{\"key\":\"campaign\",\"value\":\"xmas\"}],"
                    + "\"line_items\":[{\"quantity\":\"2\",\"sku\":\"sku-1\",\"unit_price\":"
                    + "{\"currency_code\":\"EUR\",\"nanos\":\"500000000\",\"units\":\"3\"}}],"
                    + "\"loyalty_points\":\"70\",\"message_id\":\""
                    + ids.get(0)
                    + "\",\"occurred_at\":\"2026-11-23 T10:00:00\",\"operation\":\"CREATED\","
                    + "\"producer\":\"it\",\"sale_id\":\"s-1\",\"schema_version\":\"1.0\","
                    + "\"sold_at\":\"2026-11-23 T10:15:30.123456\",\"store_id\":\"st-1\","
                    + "\"total\":{\"currency_code\":\"EUR\",\"nanos\":\"0\",\"units\":\"7\"},"
                    + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}");
        List<TableRow> letters = new ArrayList<>(poll(datasets, "it_entityflow", "dead_letter", 2));
        letters.sort(Comparator.comparing(l -> (String) l.get("error_kind")));
        assertThat(letters).hasSize(2);
        TableRow rejected = letters.remove(1);
        assertThat(rejected.get("error_kind")).isEqualTo("WAREHOUSE_REJECTED");
        assertThat((String) rejected.get("error_message"))
            .startsWith("BigQuery refused a row of sale_v1: Failing row ");
        assertThat(rejected.get("source_topic")).isEqualTo("sale_v1");
        assertThat(rejected.get("message_id")).isEqualTo(ids.get(2));
        assertThat(rejected.get("payload"))
            .isEqualTo(java.util.Base64.getEncoder().encodeToString(refused));
        assertThat(rejected.get("attributes"))
            .isEqualTo(io.entityflow.pipelines.deadletter.AttributesJson.write(refusedAttributes));
        assertThat(rejected.get("trace_id")).isEqualTo(TRACE_3);
        assertThat(letters.get(0).get("error_kind")).isEqualTo("UNKNOWN_SCHEMA");
        assertThat(letters.get(0).get("error_message"))
            .isEqualTo(
                "attribute 'schema' is 'x.Y' but topic 'sale_v1' carries only"
                    + " acme.retail.sale.v1.Sale");
        assertThat(letters.get(0).get("payload")).isEqualTo("AQ==");
        assertThat(letters.get(0).get("message_id")).isEqualTo(ids.get(1));
        assertThat(letters.get(0).get("trace_id")).isEqualTo(TRACE_2);
        List<TableRow> beats = poll(datasets, "it_entityflow", "pipeline_heartbeat", 1);
        assertThat(beats.get(0).get("pipeline")).isEqualTo("it-bq");
      } finally {
        result.cancel();
      }
    }
  }

  @Test
  void eventsReachTheFakeBigQueryTablesExactlyOnce() throws Exception {
    runAgainstFakes(WriteMethod.EXACTLY_ONCE, RowPath.TABLE_ROW);
  }

  @Test
  void eventsReachTheFakeBigQueryTablesAtLeastOnce() throws Exception {
    runAgainstFakes(WriteMethod.AT_LEAST_ONCE, RowPath.TABLE_ROW);
  }

  @Test
  void eventsReachTheFakeBigQueryTablesOnTheDirectRowPath() throws Exception {
    runAgainstFakes(WriteMethod.AT_LEAST_ONCE, RowPath.DIRECT);
  }
}
