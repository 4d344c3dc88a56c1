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
import io.entityflow.pipelines.events.PipelineClock;
import io.entityflow.pipelines.events.SampleEvents;
import io.entityflow.pipelines.events.SourceMessage;
import io.entityflow.pipelines.testing.Pipelines;
import io.entityflow.pipelines.testing.Rows;
import io.entityflow.pipelines.testing.TerraformTables;
import io.entityflow.testing.bigquery.RuleCheckingDatasetService;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.gcp.testing.FakeBigQueryServices;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.io.gcp.testing.FakeJobService;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;

class WriteToBigQueryTest {
  private static final Instant PUBLISHED = Instant.parse("2026-11-23T10:00:01.250Z");

  private static EventRow event(EntityDefinition sale, String id, String eventId) throws Exception {
    byte[] payload = SampleEvents.sale(id).message().toByteArray();
    Map<String, String> attributes =
        Map.of(
            "event_id", eventId,
            "operation", "CREATED",
            "occurred_at", "2026-11-23T10:00:00Z",
            "producer", "till",
            "pii_encryption", "tink-aead-v1");
    TableRow row =
        EntityEventParser.of(sale)
            .parse(payload, attributes, "m-" + eventId, PUBLISHED, PUBLISHED.plusSeconds(1));
    return new EventRow(
        "retail.sale_v1",
        row,
        new SourceMessage("sale_v1", "m-" + eventId, PUBLISHED, attributes, payload));
  }

  /** The fake's error: this prefix, then its rendering of the whole row. */
  private static final String FAKE_ERROR = "Failing row GenericData{classInfo=[f], {event_id=e-2,";

  /** The row as JSON, with the fake's rendering of the refused row in the error cut off. */
  private static String shortened(TableRow row) {
    TableRow copy = row.clone();
    String error = (String) copy.get("error_message");
    int cut = error.indexOf(FAKE_ERROR);
    if (cut >= 0) {
      copy.set("error_message", error.substring(0, cut + FAKE_ERROR.length()) + " <the row>");
    }
    return Rows.json(copy);
  }

  @Test
  void rowBigQueryRejectsBecomesADeadLetterWithTheOriginalPayloadAndAttributes() throws Exception {
    FakeDatasetService.setUp();
    FakeJobService.setUp();
    FakeDatasetService datasets = new RuleCheckingDatasetService();
    datasets.setShouldFailRow(
        (java.util.function.Function<TableRow, Boolean> & java.io.Serializable)
            row -> "s-bad".equals(row.get("sale_id")));
    FakeBigQueryServices services =
        new FakeBigQueryServices()
            .withDatasetService(datasets)
            .withJobService(new FakeJobService());
    EntityDefinition sale = EntityRegistry.load().forTopic("sale_v1").orElseThrow();
    PhysicalLayout layout = PhysicalLayout.of(EntityRegistry.load());
    TerraformTables.create(
        datasets, "p-write", layout, EntityTopicsToBigQuery.writtenTables(layout, List.of(sale)));
    EventRow good = event(sale, "s-1", "e-1");
    EventRow bad = event(sale, "s-bad", "e-2");

    TestPipeline pipeline = Pipelines.create();
    PCollection<EventRow> rejected =
        pipeline
            .apply(Create.of(good, bad).withCoder(EventRowCoder.of()))
            .apply(
                WriteToBigQuery.toProject("p-write")
                    .withTestServices(services)
                    .withClock(PipelineClock.fixed(Instant.parse("2026-11-23T12:00:00Z"))));
    PAssert.that(
            rejected.apply(
                MapElements.into(TypeDescriptors.strings())
                    .via(e -> e.table() + " " + (e.source() == null) + " " + shortened(e.row()))))
        .containsInAnyOrder(
            "entityflow.dead_letter true "
                + Rows.json(
                    new TableRow()
                        .set("failed_at", "2026-11-23T12:00:00.000000Z")
                        .set("error_kind", "WAREHOUSE_REJECTED")
                        .set(
                            "error_message",
                            "BigQuery refused a row of sale_v1: " + FAKE_ERROR + " <the row>")
                        .set("source_topic", "sale_v1")
                        .set("message_id", "m-e-2")
                        .set("publish_time", "2026-11-23T10:00:01.250000Z")
                        .set(
                            "attributes",
                            "{\"event_id\":\"e-2\",\"occurred_at\":\"2026-11-23T10:00:00Z\","
                                + "\"operation\":\"CREATED\",\"pii_encryption\":\"tink-aead-v1\","
                                + "\"producer\":\"till\"}")
                        .set(
                            "payload",
                            Base64.getEncoder().encodeToString(bad.source().payload()))));
    pipeline.run().waitUntilFinish();

    assertThat(datasets.getAllRows("p-write", "retail", "sale_v1"))
        .extracting(r -> r.get("sale_id"))
        .containsExactly("s-1");
  }
}
