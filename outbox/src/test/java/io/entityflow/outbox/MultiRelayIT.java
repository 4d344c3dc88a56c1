package io.entityflow.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.retail.sale.v1.Sale;
import com.google.protobuf.DynamicMessage;
import com.google.pubsub.v1.ReceivedMessage;
import io.entityflow.contract.Operation;
import io.entityflow.contract.privacy.EncryptedForm;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.outbox.config.OutboxDatabase;
import io.entityflow.outbox.fixtures.Await;
import io.entityflow.outbox.fixtures.OutboxDatabaseFixture;
import io.entityflow.outbox.metrics.OutboxMetrics;
import io.entityflow.publisher.PublishRequest;
import io.entityflow.publisher.fixtures.EmulatorProject;
import io.entityflow.publisher.fixtures.Sales;
import io.entityflow.testing.PubSubEmulator;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three relays (separate contexts, each with its own connection pool and two workers) on one outbox
 * table while a service records 2,000 events of 200 sales over all 64 ordering keys: every event is
 * published exactly once, and per ordering key the subscription gets the events in insert order.
 */
class MultiRelayIT {
  private static final int SALES = 200;
  private static final int VERSIONS = 10;

  private final PubSubEmulator emulator = PubSubEmulator.shared();
  private final EmulatorProject project = new EmulatorProject(emulator);
  private final OutboxDatabaseFixture database = new OutboxDatabaseFixture("multi");
  private final List<ApplicationContext> contexts = new ArrayList<>();

  private ApplicationContext start(boolean relay) {
    Map<String, Object> properties = database.properties("MultiRelayIT");
    properties.put("entityflow.publisher.project-id", project.projectId());
    properties.put("entityflow.publisher.emulator-host", emulator.hostPort());
    properties.put("entityflow.outbox.relay.enabled", relay);
    properties.put("entityflow.outbox.relay.workers", 2);
    properties.put("entityflow.outbox.relay.batch-size", 50);
    properties.put("entityflow.outbox.relay.keys-per-batch", 4);
    ApplicationContext context = ApplicationContext.run(properties);
    contexts.add(context);
    return context;
  }

  @AfterEach
  void stop() {
    contexts.forEach(ApplicationContext::close);
    project.delete("sale_v1");
  }

  @Test
  void everyEventIsPublishedOnceAndInInsertOrderPerKeyWithThreeRelays() throws Exception {
    String subscription = project.createTopicWithSubscription("sale_v1");
    ApplicationContext recorder = start(false);
    List<ApplicationContext> relays = List.of(start(true), start(true), start(true));

    List<String> recorded = new ArrayList<>();
    Map<String, String> keyOf = new LinkedHashMap<>();
    Random random = new Random(42);
    Outbox outbox = recorder.getBean(Outbox.class);
    for (int version = 0; version < VERSIONS; version++) {
      List<Integer> ids = new ArrayList<>();
      for (int i = 0; i < SALES; i++) {
        ids.add(i);
      }
      Collections.shuffle(ids, random);
      for (int from = 0; from < SALES; from += 20) {
        List<PublishRequest> requests = new ArrayList<>();
        for (int id : ids.subList(from, from + 20)) {
          Sale sale = Sales.sale("s-" + id).toBuilder().setReceiptNumber("v" + version).build();
          requests.add(
              PublishRequest.of(sale, version == 0 ? Operation.CREATED : Operation.UPDATED));
        }
        try (Connection connection =
            recorder.getBean(OutboxDatabase.class).dataSource().getConnection()) {
          connection.setAutoCommit(false);
          List<String> eventIds = outbox.recordAll(connection, requests);
          connection.commit();
          recorded.addAll(eventIds);
        }
      }
    }

    List<ReceivedMessage> received =
        project.pull(subscription, SALES * VERSIONS + 100, Duration.ofSeconds(5));
    Await.until(
        "the outbox is drained",
        Duration.ofSeconds(60),
        () -> database.count("SELECT count(*) FROM entityflow_outbox") == 0);
    received.addAll(project.pull(subscription, 100, Duration.ofSeconds(2)));

    List<String> receivedIds = new ArrayList<>();
    Map<String, List<String>> receivedByKey = new LinkedHashMap<>();
    Map<String, List<String>> versionsBySale = new LinkedHashMap<>();
    for (ReceivedMessage message : received) {
      String eventId = message.getMessage().getAttributesOrThrow("event_id");
      receivedIds.add(eventId);
      keyOf.put(eventId, message.getMessage().getOrderingKey());
      receivedByKey
          .computeIfAbsent(message.getMessage().getOrderingKey(), k -> new ArrayList<>())
          .add(eventId);
      // the card holder name travels encrypted; sale id and receipt number are in clear
      DynamicMessage sale =
          DynamicMessage.parseFrom(
              EncryptedForm.of(EntityRegistry.load().require(Sale.getDescriptor())),
              message.getMessage().getData());
      versionsBySale
          .computeIfAbsent(
              (String) sale.getField(sale.getDescriptorForType().findFieldByName("sale_id")),
              k -> new ArrayList<>())
          .add(
              (String)
                  sale.getField(sale.getDescriptorForType().findFieldByName("receipt_number")));
    }
    assertThat(receivedIds).containsExactlyInAnyOrderElementsOf(recorded);
    assertThat(receivedByKey).hasSize(64);
    Map<String, List<String>> recordedByKey = new LinkedHashMap<>();
    for (String eventId : recorded) {
      recordedByKey.computeIfAbsent(keyOf.get(eventId), k -> new ArrayList<>()).add(eventId);
    }
    assertThat(receivedByKey).isEqualTo(recordedByKey);
    List<String> inOrder = new ArrayList<>();
    for (int version = 0; version < VERSIONS; version++) {
      inOrder.add("v" + version);
    }
    assertThat(versionsBySale)
        .hasSize(SALES)
        .allSatisfy((sale, versions) -> assertThat(versions).isEqualTo(inOrder));
    long[] shares =
        relays.stream().mapToLong(r -> r.getBean(OutboxMetrics.class).published()).toArray();
    System.out.printf("published per relay: %d, %d, %d%n", shares[0], shares[1], shares[2]);
    assertThat(shares[0] + shares[1] + shares[2]).isEqualTo(SALES * VERSIONS);
  }
}
