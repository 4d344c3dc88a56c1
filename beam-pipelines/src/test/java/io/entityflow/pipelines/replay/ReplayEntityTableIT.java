package io.entityflow.pipelines.replay;

import static io.entityflow.pipelines.replay.SaleRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.retail.sale.v1.Sale;
import com.google.api.services.bigquery.model.TableRow;
import com.google.pubsub.v1.ReceivedMessage;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.options.WarehouseKind;
import io.entityflow.pipelines.warehouse.ParquetPartWriter;
import io.entityflow.testing.PubSubEmulator;
import io.entityflow.warehouse.local.LocalWarehouseLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayEntityTableIT {
  private static final EntityRegistry REGISTRY = SaleRows.REGISTRY;
  private static final EntityDefinition SALE = SaleRows.SALE;

  private static Sale sale(String id) {
    return SaleRows.sale(id, "v");
  }

  @Test
  void rowsOfTheTimeRangeAreRepublishedWithOriginalAttributesAndReplayMarker(@TempDir Path root)
      throws Exception {
    List<TableRow> rows = new ArrayList<>();
    rows.add(row(sale("s-1"), "e1", "CREATED", "2026-11-23T10:00:00Z"));
    rows.add(row(sale("s-2"), "e2", "DELETED", "2026-11-23T11:30:00.250Z"));
    rows.add(row(sale("s-3"), "e3", "CREATED", "2026-11-23T12:00:00Z"));
    try (ParquetPartWriter writer = ParquetPartWriter.open(new LocalWarehouseLayout(root))) {
      writer.write(
          "retail",
          "sale_v1",
          PhysicalLayout.of(REGISTRY).requireTable("retail.sale_v1").columns(),
          rows);
    }
    PubSubEmulator emulator = PubSubEmulator.shared();
    String topic = emulator.createTopic(PubSubEmulator.uniqueName("replay"));
    String subscription = emulator.createSubscription(topic, topic + "-sub");
    try {
      ReplayOptions options = PipelineOptionsFactory.create().as(ReplayOptions.class);
      options.setPubsubRootUrl(emulator.rootUrl());
      options.setCredentialFactoryClass(NoopCredentialFactory.class);
      options.setEntity("Sale");
      options.setFrom("2026-11-23T10:00:00Z");
      options.setTo("2026-11-23T12:00:00Z");
      options.setTargetTopic("projects/" + PubSubEmulator.PROJECT_ID + "/topics/" + topic);
      options.setWarehouse(WarehouseKind.LOCAL);
      options.setWarehouseDir(root.toString());
      Instant before = Instant.now();

      ReplayEntityTable.run(options).waitUntilFinish();

      List<ReceivedMessage> received =
          new ArrayList<>(emulator.pull(subscription, 3, Duration.ofSeconds(5)));
      received.sort(Comparator.comparing(m -> m.getMessage().getAttributesOrThrow("event_id")));
      assertThat(received).hasSize(2);
      assertThat(received.get(0).getMessage().getData().toByteArray())
          .isEqualTo(sale("s-1").toByteArray());
      assertThat(received.get(1).getMessage().getData().toByteArray())
          .isEqualTo(sale("s-2").toByteArray());
      assertThat(received.get(0).getMessage().getOrderingKey())
          .isEqualTo(SALE.orderingKeyOf(sale("s-1")));
      assertThat(received.get(1).getMessage().getOrderingKey())
          .isEqualTo(SALE.orderingKeyOf(sale("s-2")));
      Map<String, String> first =
          new java.util.HashMap<>(received.get(0).getMessage().getAttributesMap());
      Instant replayedAt = Instant.parse(first.remove("replayed_at"));
      assertThat(replayedAt).isBetween(before.minusSeconds(1), Instant.now());
      assertThat(first)
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "event_id", "e1",
                  "operation", "CREATED",
                  "occurred_at", "2026-11-23T10:00:00.000000Z",
                  "producer", "till",
                  "schema", "acme.retail.sale.v1.Sale",
                  "pii_encryption", "tink-aead-v1",
                  "schema_version", "1.0"));
      assertThat(received.get(1).getMessage().getAttributesMap())
          .containsEntry("operation", "DELETED")
          .containsEntry("occurred_at", "2026-11-23T11:30:00.250000Z");
    } finally {
      emulator.deleteSubscription(subscription);
      emulator.deleteTopic(topic);
    }
  }
}
