package io.entityflow.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.retail.customer.v1.Customer;
import com.acme.retail.sale.v1.Sale;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.ReceivedMessage;
import io.entityflow.contract.Operation;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.outbox.fixtures.Await;
import io.entityflow.outbox.fixtures.OutboxDatabaseFixture;
import io.entityflow.outbox.metrics.OutboxHealthIndicator;
import io.entityflow.outbox.metrics.OutboxMetrics;
import io.entityflow.outbox.metrics.OutboxMonitor;
import io.entityflow.outbox.store.AttributesJson;
import io.entityflow.privacy.codec.PiiDecryptor;
import io.entityflow.privacy.keys.SubjectKeysets;
import io.entityflow.publisher.EntityPublisher;
import io.entityflow.publisher.PublishRequest;
import io.entityflow.publisher.fixtures.EmulatorProject;
import io.entityflow.publisher.fixtures.Sales;
import io.entityflow.testing.PubSubEmulator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboxRelayIT {
  private static final Duration QUIET = Duration.ofSeconds(3);
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String EVENT_ID = "0d1f6f0e-7a43-4c1f-9a1e-3f0b2b7f9d11";

  private final PubSubEmulator emulator = PubSubEmulator.shared();
  private final EmulatorProject project = new EmulatorProject(emulator);
  private final OutboxDatabaseFixture database = new OutboxDatabaseFixture("relay");
  private final List<ApplicationContext> contexts = new ArrayList<>();

  private ApplicationContext start(Object... extra) {
    Map<String, Object> properties = database.properties("OutboxRelayIT");
    properties.put("entityflow.publisher.project-id", project.projectId());
    properties.put("entityflow.publisher.emulator-host", emulator.hostPort());
    properties.put("entityflow.publisher.retry.total-timeout", "10s");
    properties.put("entityflow.outbox.relay.initial-backoff", "200ms");
    properties.put("entityflow.outbox.relay.max-backoff", "1s");
    for (int i = 0; i < extra.length; i += 2) {
      properties.put((String) extra[i], extra[i + 1]);
    }
    ApplicationContext context = ApplicationContext.run(properties);
    contexts.add(context);
    return context;
  }

  @AfterEach
  void stop() {
    contexts.forEach(ApplicationContext::close);
    project.delete("sale_v1");
    project.delete("customer_v1");
  }

  private static void record(ApplicationContext context, PublishRequest... requests)
      throws Exception {
    try (Connection connection =
        context
            .getBean(io.entityflow.outbox.config.OutboxDatabase.class)
            .dataSource()
            .getConnection()) {
      connection.setAutoCommit(false);
      context.getBean(Outbox.class).recordAll(connection, List.of(requests));
      connection.commit();
    }
  }

  private long rows() throws Exception {
    return database.count("SELECT count(*) FROM entityflow_outbox");
  }

  @Test
  void relayedEventIsIdenticalToADirectPublishAndItsRowIsDeleted() throws Exception {
    String subscription = project.createTopicWithSubscription("sale_v1");
    ApplicationContext context = start();
    PublishRequest request =
        PublishRequest.of(Sales.sale("s-1001"), Operation.UPDATED)
            .withEventId(EVENT_ID)
            .withOccurredAt(Instant.parse("2026-11-23T10:15:30.123Z"))
            .withAttributes(Map.of("tenant", "nl"));

    record(context, request);
    List<ReceivedMessage> relayed = project.pull(subscription, 1, QUIET);
    context.getBean(EntityPublisher.class).publish(request).join();
    List<ReceivedMessage> direct = project.pull(subscription, 1, QUIET);

    assertThat(relayed).hasSize(1);
    assertThat(direct).hasSize(1);
    PubsubMessage fromOutbox = relayed.get(0).getMessage();
    PubsubMessage published = direct.get(0).getMessage();
    // the card holder name is encrypted in both, each time with a fresh nonce: same clear Sale
    PiiDecryptor decryptor = new PiiDecryptor(context.getBean(SubjectKeysets.class));
    EntityDefinition sale = context.getBean(EntityRegistry.class).require(Sale.getDescriptor());
    for (PubsubMessage message : List.of(fromOutbox, published)) {
      assertThat(
              decryptor
                  .decrypt(sale, message.getData().toByteArray(), Sale.getDefaultInstance())
                  .message())
          .isEqualTo(Sales.sale("s-1001"));
    }
    assertThat(fromOutbox.getAttributesMap()).isEqualTo(published.getAttributesMap());
    assertThat(fromOutbox.getAttributesOrThrow("event_id")).isEqualTo(EVENT_ID);
    assertThat(fromOutbox.getOrderingKey()).isEqualTo(published.getOrderingKey()).isNotEmpty();
    Await.until("the relayed row is deleted", PATIENCE, () -> rows() == 0);
    OutboxMetrics metrics = context.getBean(OutboxMetrics.class);
    assertThat(metrics.published()).isEqualTo(1);
    assertThat(metrics.failed()).isZero();
    MeterRegistry registry = context.getBean(MeterRegistry.class);
    assertThat(
            registry.get("entityflow.outbox.published").tag("topic", "sale_v1").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void failedPublishKeepsTheRowRetriesItOnceTheTopicExistsAndNeverBlocksOtherTopics()
      throws Exception {
    String customers = project.createTopicWithSubscription("customer_v1");
    ApplicationContext context = start();
    OutboxMetrics metrics = context.getBean(OutboxMetrics.class);

    record(context, PublishRequest.of(Sales.sale("s-1"), Operation.CREATED).withEventId(EVENT_ID));
    // the metric counts the failure before the row's update commits: wait for both
    Await.until(
        "a failed attempt",
        PATIENCE,
        () ->
            metrics.failed() >= 1
                && database.count("SELECT count(*) FROM entityflow_outbox WHERE attempts > 0")
                    == 1);
    Map<String, Object> kept =
        database.row("SELECT event_id::text AS id, attempts, last_error FROM entityflow_outbox");
    assertThat(kept.get("id")).isEqualTo(EVENT_ID);
    assertThat((Integer) kept.get("attempts")).isPositive();
    assertThat((String) kept.get("last_error"))
        .startsWith("event " + EVENT_ID + " was not published to topic sale_v1: ")
        .contains("NOT_FOUND");

    // another topic goes through while sale_v1 keeps failing
    Customer customer = Customer.newBuilder().setCustomerId("c-1").build();
    record(context, PublishRequest.of(customer, Operation.CREATED));
    List<ReceivedMessage> customerEvents = project.pull(customers, 1, QUIET);
    assertThat(customerEvents).hasSize(1);
    assertThat(customerEvents.get(0).getMessage().getData()).isEqualTo(customer.toByteString());
    assertThat(database.strings("SELECT event_id::text FROM entityflow_outbox"))
        .containsExactly(EVENT_ID);

    String sales = project.createTopicWithSubscription("sale_v1");
    List<ReceivedMessage> retried = project.pull(sales, 1, Duration.ofSeconds(15));
    assertThat(retried).hasSize(1);
    assertThat(retried.get(0).getMessage().getAttributesOrThrow("event_id")).isEqualTo(EVENT_ID);
    Await.until("the retried row is deleted", PATIENCE, () -> rows() == 0);
    MeterRegistry registry = context.getBean(MeterRegistry.class);
    assertThat(registry.get("entityflow.outbox.failed").tag("topic", "sale_v1").counter().count())
        .isEqualTo(metrics.failed())
        .isPositive();
    assertThat(metrics.published()).isEqualTo(2);
  }

  @Test
  void rowThatNoLongerValidatesIsParkedReportedAndDoesNotBlockItsKey() throws Exception {
    String subscription = project.createTopicWithSubscription("sale_v1");
    ApplicationContext context = start("entityflow.outbox.relay.enabled", false);
    String key = io.entityflow.contract.OrderingKey.bucketed("s-1", 64);
    String gone = "11111111-2222-3333-4444-555555555555";
    try (Connection connection = database.connect();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO entityflow_outbox (event_id, topic, ordering_key, attributes, payload)"
                    + " VALUES (?::uuid, 'sale_v1', ?, ?::jsonb, ?)")) {
      insert.setString(1, gone);
      insert.setString(2, key);
      insert.setString(
          3,
          AttributesJson.write(
              Map.of(
                  "event_id", gone,
                  "operation", "CREATED",
                  "occurred_at", "2026-11-23T10:15:30Z",
                  "producer", "checkout",
                  "schema", "acme.retail.sale.v1.Retired",
                  "schema_version", "1.0")));
      insert.setBytes(4, Sales.sale("s-1").toByteArray());
      insert.executeUpdate();
    }
    record(context, PublishRequest.of(Sales.sale("s-1"), Operation.UPDATED).withEventId(EVENT_ID));

    ApplicationContext relay = start();
    List<ReceivedMessage> received = project.pull(subscription, 1, QUIET);
    assertThat(received).hasSize(1);
    assertThat(received.get(0).getMessage().getAttributesOrThrow("event_id")).isEqualTo(EVENT_ID);
    Await.until("only the parked row is left", PATIENCE, () -> rows() == 1);
    Map<String, Object> parked =
        database.row("SELECT event_id::text AS id, invalid_reason FROM entityflow_outbox");
    assertThat(parked.get("id")).isEqualTo(gone);
    assertThat((String) parked.get("invalid_reason"))
        .startsWith(
            "invalid acme.retail.sale.v1.Retired event: message type: is not an entity of the"
                + " contract; entities: ");
    assertThat(relay.getBean(OutboxMetrics.class).parked()).isEqualTo(1);
    assertThat(
            relay
                .getBean(MeterRegistry.class)
                .get("entityflow.outbox.parked")
                .tag("topic", "sale_v1")
                .counter()
                .count())
        .isEqualTo(1.0);
    HealthResult health = relay.getBean(OutboxHealthIndicator.class).result();
    assertThat(health.getStatus()).isEqualTo(HealthStatus.DOWN);
    Map<?, ?> details = (Map<?, ?>) health.getDetails();
    assertThat(details.get("invalid")).isEqualTo(1L);
    assertThat(details.get("depth")).isEqualTo(0L);
    assertThat(details.get("reason"))
        .isEqualTo(
            "1 row(s) parked as invalid (entityflow_outbox.invalid_reason); fix and reset them or"
                + " delete them");
    assertThat(relay.getBean(MeterRegistry.class).get("entityflow.outbox.invalid").gauge().value())
        .isEqualTo(1.0);
  }

  @Test
  void healthIsDownWhileTheOldestRowIsTooOldAndUpOnceTheRelayDrainedIt() throws Exception {
    String subscription = project.createTopicWithSubscription("sale_v1");
    ApplicationContext recorder =
        start("entityflow.outbox.relay.enabled", false, "entityflow.outbox.health.max-age", "10m");
    record(
        recorder,
        PublishRequest.of(Sales.sale("s-1"), Operation.CREATED),
        PublishRequest.of(Sales.sale("s-2"), Operation.CREATED),
        PublishRequest.of(Sales.sale("s-3"), Operation.CREATED));
    database.execute(
        "UPDATE entityflow_outbox SET created_at = clock_timestamp() - interval '1 hour'");

    HealthResult down = recorder.getBean(OutboxHealthIndicator.class).result();
    assertThat(down.getStatus()).isEqualTo(HealthStatus.DOWN);
    Map<?, ?> details = (Map<?, ?>) down.getDetails();
    assertThat(details.get("depth")).isEqualTo(3L);
    assertThat((Long) details.get("oldestAgeMillis")).isBetween(3_600_000L, 3_660_000L);
    assertThat(details.get("reason"))
        .isEqualTo("the oldest waiting row is older than max-age PT10M");
    assertThat(details.get("relay")).isEqualTo(false);
    MeterRegistry registry = recorder.getBean(MeterRegistry.class);
    assertThat(registry.get("entityflow.outbox.depth").gauge().value()).isEqualTo(3.0);
    assertThat(registry.get("entityflow.outbox.oldest.age").gauge().value())
        .isBetween(3600.0, 3660.0);

    ApplicationContext relay = start();
    assertThat(project.pull(subscription, 3, QUIET)).hasSize(3);
    Await.until("the outbox is drained", PATIENCE, () -> rows() == 0);
    HealthResult up = recorder.getBean(OutboxHealthIndicator.class).result();
    assertThat(up.getStatus()).isEqualTo(HealthStatus.UP);
    assertThat(((Map<?, ?>) up.getDetails()).get("depth")).isEqualTo(0L);
    recorder.getBean(OutboxMonitor.class).refresh();
    assertThat(registry.get("entityflow.outbox.depth").gauge().value()).isZero();
    assertThat(registry.get("entityflow.outbox.oldest.age").gauge().value()).isZero();
    assertThat(relay.getBean(OutboxMetrics.class).published()).isEqualTo(3);
  }
}
