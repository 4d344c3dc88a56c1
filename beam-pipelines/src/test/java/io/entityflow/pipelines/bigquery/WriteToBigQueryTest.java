package io.entityflow.pipelines.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.EntityTopicsToBigQuery;
import io.entityflow.pipelines.events.PipelineClock;
import io.entityflow.pipelines.testing.Pipelines;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.gcp.bigquery.TableRowJsonCoder;
import org.apache.beam.sdk.io.gcp.testing.FakeBigQueryServices;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.io.gcp.testing.FakeJobService;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;

class WriteToBigQueryTest {
  @Test
  void rowsBigQueryRejectsComeBackAsDeadLetterRowsAndTheOthersAreWritten() throws Exception {
    FakeDatasetService.setUp();
    FakeJobService.setUp();
    FakeDatasetService datasets = new FakeDatasetService();
    datasets.setShouldFailRow(
        (java.util.function.Function<TableRow, Boolean> & java.io.Serializable)
            row -> "s-bad".equals(row.get("sale_id")));
    FakeBigQueryServices services =
        new FakeBigQueryServices()
            .withDatasetService(datasets)
            .withJobService(new FakeJobService());
    EntityTopicsToBigQuery.provision(
        new FakeTableAdmin(datasets),
        "p-write",
        "",
        EntityTopicsToBigQuery.selectEntities(EntityRegistry.load(), List.of("Sale")));
    TableRow good =
        new TableRow()
            .set("event_id", "e-1")
            .set("operation", "CREATED")
            .set("occurred_at", "2026-11-23T10:00:00.000000Z")
            .set("sale_id", "s-1");
    TableRow bad =
        good.clone().set("event_id", "e-2").set("sale_id", "s-bad").set("message_id", "m-2");

    TestPipeline pipeline = Pipelines.create();
    PCollection<KV<String, TableRow>> rejected =
        pipeline
            .apply(
                Create.of(KV.of("retail.sale_v1", good), KV.of("retail.sale_v1", bad))
                    .withCoder(KvCoder.of(StringUtf8Coder.of(), TableRowJsonCoder.of())))
            .apply(
                WriteToBigQuery.toProject("p-write")
                    .withTestServices(services)
                    .withClock(PipelineClock.fixed(Instant.parse("2026-11-23T12:00:00Z"))));
    PAssert.that(
            rejected.apply(
                MapElements.into(TypeDescriptors.strings())
                    .via(
                        kv ->
                            kv.getKey()
                                + " "
                                + kv.getValue().get("error_kind")
                                + " "
                                + kv.getValue().get("source_topic")
                                + " "
                                + kv.getValue().get("message_id")
                                + " "
                                + kv.getValue().get("failed_at"))))
        .containsInAnyOrder(
            "entityflow.dead_letter WAREHOUSE_REJECTED sale_v1 m-2 2026-11-23T12:00:00.000000Z");
    pipeline.run().waitUntilFinish();

    assertThat(datasets.getAllRows("p-write", "retail", "sale_v1"))
        .extracting(r -> r.get("sale_id"))
        .containsExactly("s-1");
  }
}
