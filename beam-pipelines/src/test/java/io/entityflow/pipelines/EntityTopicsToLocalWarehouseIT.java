package io.entityflow.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.contract.source.ContractLoader;
import io.entityflow.contract.testing.OwnContract;
import io.entityflow.pipelines.events.SampleEvents;
import io.entityflow.pipelines.options.EntityTopicsToBigQueryOptions;
import io.entityflow.pipelines.options.WarehouseKind;
import io.entityflow.pipelines.testing.EmulatorTopics;
import io.entityflow.pipelines.testing.EmulatorTopics.Message;
import io.entityflow.testing.PubSubEmulator;
import io.entityflow.warehouse.local.LocalWarehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityTopicsToLocalWarehouseIT {
  static Map<String, String> attributes(String eventId, String schema) {
    Map<String, String> attributes = new HashMap<>();
    attributes.put("event_id", eventId);
    attributes.put("operation", "CREATED");
    attributes.put("occurred_at", "2026-11-23T10:00:00Z");
    attributes.put("pii_encryption", "tink-aead-v1");
    attributes.put("producer", "it");
    attributes.put("schema", schema);
    attributes.put("schema_version", "1.0");
    return attributes;
  }

  static List<String> poll(Path root, String query, int expectedRows) throws Exception {
    return poll(root, EntityRegistry.load(), query, expectedRows);
  }

  static List<String> poll(Path root, EntityRegistry registry, String query, int expectedRows)
      throws Exception {
    long deadline = System.currentTimeMillis() + 90_000;
    List<String> rows = new ArrayList<>();
    while (System.currentTimeMillis() < deadline) {
      rows.clear();
      try (Connection sql = LocalWarehouse.open(root, registry);
          Statement statement = sql.createStatement();
          ResultSet rs = statement.executeQuery(query)) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          StringBuilder row = new StringBuilder();
          for (int i = 1; i <= columns; i++) {
            row.append(i > 1 ? " | " : "").append(rs.getString(i));
          }
          rows.add(row.toString());
        }
      }
      if (rows.size() >= expectedRows) {
        return rows;
      }
      Thread.sleep(500);
    }
    return rows;
  }

  @Test
  void eventsFromTheEmulatorLandInTheLocalWarehouseWithDeadLettersAndHeartbeats(@TempDir Path root)
      throws Exception {
    PubSubEmulator emulator = PubSubEmulator.shared();
    try (EmulatorTopics topics = new EmulatorTopics(emulator, List.of("sale_v1", "customer_v1"))) {
      EntityTopicsToBigQueryOptions options = topics.options(List.of("Sale", "Customer"));
      options.setWarehouse(WarehouseKind.LOCAL);
      options.setWarehouseDir(root.toString());
      options.setFlushSeconds(1);
      options.setHeartbeatSeconds(1);
      options.setPipelineName("it-local");
      PipelineResult result = EntityTopicsToBigQuery.run(options);
      try {
        Map<String, String> bad = attributes("e-bad", "acme.retail.sale.v1.Sale");
        bad.remove("operation");
        byte[] salePayload = SampleEvents.sale("s-1").message().toByteArray();
        List<String> saleIds =
            topics.publish(
                "sale_v1",
                List.of(
                    new Message(salePayload, attributes("e-1", "acme.retail.sale.v1.Sale")),
                    new Message(salePayload, bad)));
        topics.publish(
            "customer_v1",
            List.of(
                new Message(
                    SampleEvents.all().get("customer_v1").message().toByteArray(),
                    attributes("e-2", "acme.retail.customer.v1.Customer"))));

        assertThat(
                poll(
                    root,
                    "SELECT event_id, sale_id, total.units, message_id, channel FROM retail.sale_v1",
                    1))
            .containsExactly("e-1 | s-1 | 7 | " + saleIds.get(0) + " | STORE");
        assertThat(poll(root, "SELECT customer_id, segment FROM retail.customer_v1", 1))
            .containsExactly("c-9 | VIP");
        assertThat(
                poll(
                    root,
                    "SELECT error_kind, error_message, source_topic, message_id,"
                        + " attributes->>'$.event_id', payload = from_base64('"
                        + java.util.Base64.getEncoder().encodeToString(salePayload)
                        + "') FROM entityflow.dead_letter",
                    1))
            .containsExactly(
                "MISSING_ATTRIBUTE | attribute 'operation' is missing on a message of topic"
                    + " 'sale_v1'; every event needs event_id, operation and occurred_at | sale_v1"
                    + " | "
                    + saleIds.get(1)
                    + " | e-bad | true");
        assertThat(
                poll(
                    root,
                    "SELECT DISTINCT pipeline, ingested_through < written_at"
                        + " FROM entityflow.pipeline_heartbeat",
                    1))
            .containsExactly("it-local | true");
      } finally {
        result.cancel();
      }
    }
  }

  @Test
  void entityOfTheContractOptionLandsInTheTableOfItsName(@TempDir Path dir) throws Exception {
    Path contract = OwnContract.writeDescriptorSet(dir.resolve("contract.desc"));
    Path root = dir.resolve("warehouse");
    EntityRegistry registry = ContractLoader.registry(contract.toString());
    Descriptor parcel = registry.find(OwnContract.FULL_NAME).orElseThrow().descriptor();
    byte[] payload =
        DynamicMessage.newBuilder(parcel)
            .setField(parcel.findFieldByName("parcel_id"), "p-1")
            .setField(parcel.findFieldByName("weight_grams"), 1250L)
            .setField(parcel.findFieldByName("destination"), "1 Depot Road")
            .build()
            .toByteArray();
    PubSubEmulator emulator = PubSubEmulator.shared();
    try (EmulatorTopics topics = new EmulatorTopics(emulator, List.of(OwnContract.TOPIC))) {
      // no --entities: every entity of the contract the option names, i.e. Parcel only
      EntityTopicsToBigQueryOptions options = topics.options(List.of());
      options.setContract(contract.toString());
      options.setWarehouse(WarehouseKind.LOCAL);
      options.setWarehouseDir(root.toString());
      options.setFlushSeconds(1);
      options.setHeartbeatSeconds(0);
      PipelineResult result = EntityTopicsToBigQuery.run(options);
      try {
        List<String> ids =
            topics.publish(
                OwnContract.TOPIC,
                List.of(new Message(payload, attributes("e-p1", OwnContract.FULL_NAME))));

        assertThat(
                poll(
                    root,
                    registry,
                    "SELECT event_id, operation, parcel_id, weight_grams, destination, message_id"
                        + " FROM logistics.parcel_v1",
                    1))
            .containsExactly("e-p1 | CREATED | p-1 | 1250 | 1 Depot Road | " + ids.get(0));
      } finally {
        result.cancel();
      }
    }
  }
}
