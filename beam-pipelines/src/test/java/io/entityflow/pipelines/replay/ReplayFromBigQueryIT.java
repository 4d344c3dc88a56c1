package io.entityflow.pipelines.replay;

import static io.entityflow.pipelines.replay.SaleRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.retail.sale.v1.Sale;
import com.google.api.services.bigquery.model.TableReference;
import com.google.cloud.bigquery.storage.v1.CreateReadSessionRequest;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.TopicName;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.events.PipelineClock;
import io.entityflow.pipelines.events.RegistrySource;
import io.entityflow.pipelines.options.WarehouseKind;
import io.entityflow.pipelines.testing.TerraformTables;
import io.entityflow.testing.PubSubEmulator;
import io.entityflow.testing.bigquery.RuleCheckingDatasetService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory;
import org.apache.beam.sdk.io.gcp.testing.FakeBigQueryServices;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.io.gcp.testing.FakeJobService;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

class ReplayFromBigQueryIT {
  private static final EntityRegistry REGISTRY = SaleRows.REGISTRY;
  private static final EntityDefinition SALE = SaleRows.SALE;
  private static final Instant REPLAYED_AT = Instant.parse("2026-11-24T08:00:00Z");

  private static Sale sale(String id) {
    return SaleRows.sale(id, "v-" + id);
  }

  @Test
  void bigQueryRowsOfTheRangeAreRepublishedWithAttributesMarkerAndOrderingKey() throws Exception {
    FakeDatasetService.setUp();
    FakeJobService.setUp();
    FakeDatasetService datasets = new RuleCheckingDatasetService();
    String project = PubSubEmulator.uniqueName("bq").replace('_', '-');
    PhysicalLayout layout = PhysicalLayout.of(EntityRegistry.load()).withDatasetPrefix("prod_");
    TerraformTables.create(datasets, project, layout, List.of(layout.entity(SALE).table()));
    TableReference table =
        new TableReference()
            .setProjectId(project)
            .setDatasetId("prod_retail")
            .setTableId("sale_v1");
    datasets.getTable(table).setNumBytes(0L);
    datasets.insertAll(
        table,
        List.of(
            row(sale("s-0"), "e0", "CREATED", "2026-11-23T09:59:59.999999Z"),
            row(sale("s-1"), "e1", "CREATED", "2026-11-23T10:00:00Z"),
            row(sale("s-2"), "e2", "DELETED", "2026-11-23T11:30:00.250Z"),
            row(sale("s-3"), "e3", "CREATED", "2026-11-23T12:00:00Z")),
        null);
    FakeStorageReadClient storage = new FakeStorageReadClient();
    FakeBigQueryServices services =
        new FakeBigQueryServices()
            .withDatasetService(datasets)
            .withJobService(new FakeJobService())
            .withStorageClient(storage);

    PubSubEmulator emulator = PubSubEmulator.shared();
    String topic = emulator.createTopic(PubSubEmulator.uniqueName("replay-bq"));
    String subscription = topic + "-sub";
    try (SubscriptionAdminClient admin = emulator.subscriptionAdmin()) {
      admin.createSubscription(
          Subscription.newBuilder()
              .setName(
                  ProjectSubscriptionName.of(PubSubEmulator.PROJECT_ID, subscription).toString())
              .setTopic(TopicName.of(PubSubEmulator.PROJECT_ID, topic).toString())
              .setEnableMessageOrdering(true)
              .setAckDeadlineSeconds(60)
              .build());
    }
    try {
      ReplayOptions options =
          PipelineOptionsFactory.fromArgs(
                  "--entity=Sale",
                  "--from=2026-11-23T10:00:00Z",
                  "--to=2026-11-23T12:00:00Z",
                  "--targetTopic=projects/" + PubSubEmulator.PROJECT_ID + "/topics/" + topic,
                  "--warehouse=BIGQUERY",
                  "--project=" + PubSubEmulator.PROJECT_ID,
                  "--bigQueryProject=" + project,
                  "--datasetPrefix=prod_",
                  "--pubsubRootUrl=" + emulator.rootUrl())
              .withValidation()
              .as(ReplayOptions.class);
      options.setCredentialFactoryClass(NoopCredentialFactory.class);
      assertThat(options.getWarehouse()).isEqualTo(WarehouseKind.BIGQUERY);
      Pipeline pipeline = Pipeline.create(options);
      ReplayEntityTable.build(
          pipeline, options, RegistrySource.contract(), services, PipelineClock.fixed(REPLAYED_AT));

      pipeline.run().waitUntilFinish();

      assertThat(storage.requests()).hasSize(1);
      CreateReadSessionRequest request = storage.requests().get(0);
      assertThat(request.getParent()).isEqualTo("projects/" + project);
      assertThat(request.getReadSession().getTable())
          .isEqualTo("projects/" + project + "/datasets/prod_retail/tables/sale_v1");
      assertThat(request.getReadSession().getReadOptions().getRowRestriction())
          .isEqualTo(
              "occurred_at >= TIMESTAMP '2026-11-23 10:00:00.000000+00:00'"
                  + " AND occurred_at < TIMESTAMP '2026-11-23 12:00:00.000000+00:00'");
      assertThat(request.getReadSession().getReadOptions().getSelectedFieldsList())
          .containsExactlyElementsOf(
              EntityTable.of(SALE).columns().stream().map(TableColumn::name).toList());

      List<ReceivedMessage> received =
          new ArrayList<>(emulator.pull(subscription, 4, Duration.ofSeconds(5)));
      received.sort(Comparator.comparing(m -> m.getMessage().getAttributesOrThrow("event_id")));
      assertThat(received).hasSize(2);
      assertMessage(
          received.get(0).getMessage(),
          sale("s-1"),
          Map.of(
              "event_id",
              "e1",
              "operation",
              "CREATED",
              "occurred_at",
              "2026-11-23T10:00:00.000000Z",
              "producer",
              "till",
              "schema",
              "acme.retail.sale.v1.Sale",
              "pii_encryption",
              "tink-aead-v1",
              "schema_version",
              "1.0",
              "replayed_at",
              "2026-11-24T08:00:00.000000Z"));
      assertMessage(
          received.get(1).getMessage(),
          sale("s-2"),
          Map.of(
              "event_id",
              "e2",
              "operation",
              "DELETED",
              "occurred_at",
              "2026-11-23T11:30:00.250000Z",
              "producer",
              "till",
              "schema",
              "acme.retail.sale.v1.Sale",
              "pii_encryption",
              "tink-aead-v1",
              "schema_version",
              "1.0",
              "replayed_at",
              "2026-11-24T08:00:00.000000Z"));
    } finally {
      emulator.deleteSubscription(subscription);
      emulator.deleteTopic(topic);
    }
  }

  private static void assertMessage(
      PubsubMessage message, Sale expected, Map<String, String> attributes) throws Exception {
    assertThat(Sale.parseFrom(message.getData())).isEqualTo(expected);
    assertThat(message.getData().toByteArray()).isEqualTo(expected.toByteArray());
    assertThat(message.getAttributesMap()).containsExactlyInAnyOrderEntriesOf(attributes);
    assertThat(message.getOrderingKey()).isEqualTo(SALE.orderingKeyOf(expected));
    assertThat(message.getOrderingKey()).isNotEmpty();
  }
}
