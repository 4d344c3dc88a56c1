package io.entityflow.pipelines.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.EntityTopicsToBigQuery;
import io.entityflow.pipelines.events.EntityEventParser;
import io.entityflow.pipelines.events.EventRow;
import io.entityflow.pipelines.events.EventRowCoder;
import io.entityflow.pipelines.events.SampleEvents;
import io.entityflow.pipelines.events.SourceMessage;
import io.entityflow.pipelines.testing.Pipelines;
import io.entityflow.pipelines.testing.TerraformTables;
import io.entityflow.testing.bigquery.RuleCheckingDatasetService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.gcp.testing.FakeBigQueryServices;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.io.gcp.testing.FakeJobService;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The current-state tables through Beam's CDC path on its fakes: the fake keys a table by the
 * primary key of its definition, applies UPSERT and DELETE, and ignores a change whose sequence
 * number is not above the last one applied to the key. The fake parses a sequence number as one
 * hexadecimal number, so these runs order by {@code occurred_at} alone ({@link
 * CurrentStateMutation#occurredAtOnlyForFakes()}); the two-section order is {@link
 * CurrentStateMutationTest}'s.
 */
class WriteCurrentTablesTest {
  private final EntityRegistry registry = EntityRegistry.load();
  private final EntityDefinition sale = registry.forTopic("sale_v1").orElseThrow();
  private final PhysicalLayout layout = PhysicalLayout.of(registry);
  private FakeDatasetService datasets;
  private FakeBigQueryServices services;

  @BeforeEach
  void fakes() throws Exception {
    FakeDatasetService.setUp();
    FakeJobService.setUp();
    datasets = new RuleCheckingDatasetService();
    services =
        new FakeBigQueryServices()
            .withDatasetService(datasets)
            .withJobService(new FakeJobService());
    List<io.entityflow.contract.layout.TableDefinition> tables =
        new ArrayList<>(EntityTopicsToBigQuery.writtenTables(layout, List.of(sale)));
    tables.addAll(EntityTopicsToBigQuery.currentTables(layout, List.of(sale)));
    TerraformTables.create(datasets, "p-cdc", layout, tables);
  }

  private EventRow event(String id, String eventId, String operation, String occurredAt)
      throws Exception {
    byte[] payload = SampleEvents.sale(id).message().toByteArray();
    Instant published = Instant.parse("2026-11-23T12:00:00Z");
    Map<String, String> attributes =
        Map.of(
            "event_id", eventId,
            "operation", operation,
            "occurred_at", occurredAt,
            "producer", "till",
            "pii_encryption", "tink-aead-v1");
    TableRow row =
        EntityEventParser.of(sale)
            .parse(payload, attributes, "m-" + eventId, published, published.plusSeconds(1));
    return new EventRow(
        "retail.sale_v1",
        row,
        new SourceMessage("sale_v1", "m-" + eventId, published, attributes, payload));
  }

  private List<String> current() throws Exception {
    return datasets.getAllRows("p-cdc", "retail", "sale_v1_current").stream()
        .map(r -> r.get("sale_id") + " " + r.get("event_id") + " " + r.get("operation"))
        .sorted()
        .toList();
  }

  private PCollection<EventRow> write(
      TestPipeline pipeline, WriteToBigQuery sink, EventRow... rows) {
    return pipeline.apply(Create.of(List.of(rows)).withCoder(EventRowCoder.of())).apply(sink);
  }

  private WriteToBigQuery sink() {
    return WriteToBigQuery.toProject("p-cdc")
        .withTestServices(services)
        .withMethod(io.entityflow.pipelines.options.WriteMethod.AT_LEAST_ONCE)
        .withCurrentTables(true)
        .withCurrentStateMutation(CurrentStateMutation.occurredAtOnlyForFakes());
  }

  @Test
  void currentTableKeepsTheNewestStateOfEachIdAndDropsDeletedIds() throws Exception {
    TestPipeline pipeline = Pipelines.create();
    PCollection<EventRow> rejected =
        write(
            pipeline,
            sink(),
            event("s-1", "e-1", "CREATED", "2026-11-23T10:00:00Z"),
            event("s-1", "e-2", "UPDATED", "2026-11-23T10:02:00Z"),
            event("s-2", "e-3", "CREATED", "2026-11-23T10:00:00Z"),
            event("s-2", "e-4", "DELETED", "2026-11-23T10:01:00Z"),
            event("s-3", "e-5", "SNAPSHOT", "2026-11-23T10:00:00Z"));
    PAssert.that(rejected).empty();
    pipeline.run().waitUntilFinish();

    assertThat(current()).containsExactly("s-1 e-2 UPDATED", "s-3 e-5 SNAPSHOT");
    assertThat(datasets.getAllRows("p-cdc", "retail", "sale_v1"))
        .extracting(r -> r.get("event_id"))
        .containsExactlyInAnyOrder("e-1", "e-2", "e-3", "e-4", "e-5");
  }

  @Test
  void aLateOlderEventNeitherOverwritesANewerStateNorRevivesADeletedId() throws Exception {
    TestPipeline first = Pipelines.create();
    write(
        first,
        sink(),
        event("s-1", "e-1", "CREATED", "2026-11-23T10:00:00Z"),
        event("s-1", "e-2", "UPDATED", "2026-11-23T10:02:00Z"),
        event("s-2", "e-3", "DELETED", "2026-11-23T10:05:00Z"));
    first.run().waitUntilFinish();

    TestPipeline late = Pipelines.create();
    write(
        late,
        sink(),
        event("s-1", "e-6", "UPDATED", "2026-11-23T10:01:00Z"),
        event("s-1", "e-2", "UPDATED", "2026-11-23T10:02:00Z"),
        event("s-2", "e-7", "CREATED", "2026-11-23T10:00:00Z"));
    late.run().waitUntilFinish();

    assertThat(current()).containsExactly("s-1 e-2 UPDATED");
  }

  @Test
  void withoutCurrentTablesOnlyTheHistoryIsWritten() throws Exception {
    TestPipeline pipeline = Pipelines.create();
    write(
        pipeline,
        WriteToBigQuery.toProject("p-cdc").withTestServices(services),
        event("s-1", "e-1", "CREATED", "2026-11-23T10:00:00Z"));
    pipeline.run().waitUntilFinish();

    assertThat(current()).isEmpty();
    assertThat(datasets.getAllRows("p-cdc", "retail", "sale_v1")).hasSize(1);
  }
}
