package io.entityflow.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.retail.sale.v1.Sale;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.ReceivedMessage;
import io.entityflow.consumer.fixtures.Await;
import io.entityflow.consumer.fixtures.EmulatorTopics;
import io.entityflow.consumer.fixtures.ItSaleHandler;
import io.entityflow.consumer.fixtures.Sales;
import io.entityflow.consumer.internal.ResourceSetup;
import io.entityflow.consumer.testing.TestEvent;
import io.entityflow.contract.Operation;
import io.entityflow.contract.OrderingKey;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.privacy.codec.PiiEncryptor;
import io.entityflow.privacy.keys.SubjectKeysets;
import io.entityflow.publisher.connection.PubSubConnection;
import io.entityflow.testing.PubSubEmulator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EntityConsumersIT {
  private static final Duration LIMIT = Duration.ofSeconds(30);
  private static final EntityDefinition SALE =
      EntityRegistry.load().forTopic("sale_v1").orElseThrow();

  private final EmulatorTopics topics = new EmulatorTopics(PubSubEmulator.shared());
  private ApplicationContext context;
  private SubjectKeysets keysets;

  private ItSaleHandler start(Object... extra) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("spec.name", "EntityConsumersIT");
    properties.put("entityflow.consumer.project-id", topics.projectId());
    properties.put("entityflow.consumer.emulator-host", topics.emulator().hostPort());
    properties.put("entityflow.consumer.retry.initial-backoff", "50ms");
    properties.put("entityflow.consumer.retry.max-backoff", "200ms");
    properties.put("entityflow.consumer.retry.max-attempts", 3);
    for (int i = 0; i < extra.length; i += 2) {
      properties.put((String) extra[i], extra[i + 1]);
    }
    context = ApplicationContext.run(properties);
    keysets = context.getBean(SubjectKeysets.class);
    return context.getBean(ItSaleHandler.class);
  }

  @AfterEach
  void stop() {
    if (context != null && context.isRunning()) {
      context.close();
    }
  }

  /** The event as a producer publishes it: the PII fields encrypted with the service's keys. */
  private PubsubMessage event(Sale sale, Operation operation, String eventId) {
    PubsubMessage clear =
        TestEvent.of(sale, operation)
            .withEventId(eventId)
            .withOccurredAt(Instant.parse("2026-11-23T10:15:30.123Z"))
            .withProducer("checkout")
            .toMessage(SALE);
    try {
      byte[] encrypted = new PiiEncryptor(keysets).encrypt(SALE, sale);
      return clear.toBuilder()
          .setData(ByteString.copyFrom(encrypted))
          .putAttributes("pii_encryption", "tink-aead-v1")
          .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private double count(String meter) {
    return context
        .getBean(MeterRegistry.class)
        .counter(meter, "consumer", "it_consumer", "topic", "sale_v1")
        .count();
  }

  @Test
  void saleArrivesDecodedWithExactMetadata() throws Exception {
    ItSaleHandler handler = start();
    assertThat(context.getBean(EntityConsumers.class).subscriptions())
        .containsExactly("sale_v1_it_consumer");
    Sale sale = Sales.sale("s-1001");
    PubsubMessage message =
        event(sale, Operation.CREATED, "e-1").toBuilder().putAttributes("tenant", "nl").build();

    String messageId = topics.publish("sale_v1", List.of(message)).get(0);

    Await.until(() -> handler.completed().size() == 1, LIMIT, () -> "one handled event");
    EntityEvent<Sale> event = handler.completed().get(0);
    assertThat(event.entity()).isEqualTo(sale);
    assertThat(event.metadata())
        .isEqualTo(
            new EventMetadata(
                "e-1",
                Operation.CREATED,
                Instant.parse("2026-11-23T10:15:30.123Z"),
                "checkout",
                "acme.retail.sale.v1.Sale",
                "1.0",
                null,
                messageId,
                OrderingKey.bucketed("s-1001", 64),
                "sale_v1_it_consumer",
                1,
                message.getAttributesMap(),
                PiiState.DECRYPTED));
    assertThat(event.metadata().piiEncrypted()).isTrue();
    assertThat(event.metadata().piiForgotten()).isFalse();
    Await.until(() -> count("entityflow.consumer.handled") == 1.0, LIMIT, () -> "handled meter");
  }

  @Test
  void eventsOfOneSaleAreHandledInPublishOrder() throws Exception {
    handledInPublishOrder(start("entityflow.consumer.executor-threads", 4));
  }

  @Test
  void eventsOfOneSaleAreHandledInPublishOrderWithTheStreamingPull() throws Exception {
    handledInPublishOrder(
        start("entityflow.consumer.executor-threads", 4, "entityflow.consumer.pull", "streaming"));
  }

  private void handledInPublishOrder(ItSaleHandler handler) throws Exception {
    List<PubsubMessage> messages = new ArrayList<>();
    Map<String, List<String>> published = new LinkedHashMap<>();
    for (int version = 0; version < 40; version++) {
      for (String id : List.of("s-1", "s-2", "s-3", "s-4")) {
        String receipt = id + "#" + version;
        published.computeIfAbsent(id, k -> new ArrayList<>()).add(receipt);
        messages.add(
            event(
                Sales.sale(id, receipt),
                version == 0 ? Operation.CREATED : Operation.UPDATED,
                receipt));
      }
    }
    // one retryable failure in the middle of s-2: order must hold through the retry
    handler.failFor("s-2#17", new RetryableException("flaky"));

    topics.publish("sale_v1", messages);

    Await.until(() -> handler.completed().size() == 160, LIMIT, () -> "160 handled events");
    Map<String, List<String>> handled =
        handler.completed().stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.entity().getSaleId(),
                    LinkedHashMap::new,
                    Collectors.mapping(e -> e.entity().getReceiptNumber(), Collectors.toList())));
    for (String id : published.keySet()) {
      assertThat(handled.get(id)).as(id).isEqualTo(published.get(id));
    }
  }

  @Test
  void retryableFailureIsRetriedWithBackoffThenHandled() throws Exception {
    ItSaleHandler handler = start();
    handler.failFor(
        "e-flaky", new RetryableException("provider down"), new RetryableException("again"));

    topics.publish("sale_v1", List.of(event(Sales.sale("s-7"), Operation.CREATED, "e-flaky")));

    Await.until(() -> handler.completed().size() == 1, LIMIT, () -> "the event handled");
    assertThat(handler.calls().stream().map(e -> e.metadata().attempt())).containsExactly(1, 2, 3);
    assertThat(count("entityflow.consumer.retried")).isEqualTo(2.0);
    Await.until(() -> count("entityflow.consumer.handled") == 1.0, LIMIT, () -> "handled meter");
    assertThat(topics.pull("sale_v1_it_consumer_dead_letter_hold", 1, Duration.ofSeconds(2)))
        .isEmpty();
  }

  @Test
  void nonRetryableFailureGoesToTheDeadLetterTopicWithExactBytesAndAttributes() throws Exception {
    ItSaleHandler handler = start();
    handler.failFor("e-bad", new IllegalStateException("customer unknown"));
    Sale sale = Sales.sale("s-8");
    PubsubMessage message = event(sale, Operation.CREATED, "e-bad");

    String messageId = topics.publish("sale_v1", List.of(message)).get(0);

    List<ReceivedMessage> deadLetters =
        topics.pull("sale_v1_it_consumer_dead_letter_hold", 1, LIMIT);
    assertThat(deadLetters).hasSize(1);
    PubsubMessage deadLetter = deadLetters.get(0).getMessage();
    assertThat(deadLetter.getData().toByteArray()).isEqualTo(sale.toByteArray());
    Map<String, String> expected = new HashMap<>(message.getAttributesMap());
    expected.put("dead_letter_kind", "NON_RETRYABLE");
    expected.put(
        "dead_letter_reason", "handler threw java.lang.IllegalStateException: customer unknown");
    expected.put("dead_letter_consumer", "it_consumer");
    expected.put("dead_letter_subscription", "sale_v1_it_consumer");
    expected.put("dead_letter_attempts", "1");
    expected.put("dead_letter_exception", "java.lang.IllegalStateException");
    expected.put("dead_letter_message_id", messageId);
    assertThat(deadLetter.getAttributesMap()).isEqualTo(expected);
    assertThat(handler.calls()).hasSize(1);
    Await.until(
        () ->
            context
                    .getBean(MeterRegistry.class)
                    .counter(
                        "entityflow.consumer.dead_lettered",
                        "consumer",
                        "it_consumer",
                        "topic",
                        "sale_v1",
                        "kind",
                        "NON_RETRYABLE")
                    .count()
                == 1.0,
        LIMIT,
        () -> "dead-letter meter");
  }

  @Test
  void retriesExhaustedGoToTheDeadLetterTopicWithTheAttemptCount() throws Exception {
    ItSaleHandler handler = start();
    RetryableException down = new RetryableException("provider down");
    handler.failFor("e-down", down, down, down);

    topics.publish("sale_v1", List.of(event(Sales.sale("s-9"), Operation.CREATED, "e-down")));

    List<ReceivedMessage> deadLetters =
        topics.pull("sale_v1_it_consumer_dead_letter_hold", 1, LIMIT);
    assertThat(deadLetters).hasSize(1);
    assertThat(deadLetters.get(0).getMessage().getAttributesMap())
        .containsEntry("dead_letter_kind", "RETRIES_EXHAUSTED")
        .containsEntry("dead_letter_attempts", "3")
        .containsEntry(
            "dead_letter_reason",
            "handler threw io.entityflow.consumer.RetryableException: provider down (attempt 3"
                + " of 3)");
    assertThat(handler.calls()).hasSize(3);
  }

  @Test
  void poisonMessageGoesToTheDeadLetterTopicAtOnceWithoutReachingTheHandler() throws Exception {
    ItSaleHandler handler = start();
    PubsubMessage poison =
        event(Sales.sale("s-10"), Operation.CREATED, "e-poison").toBuilder()
            .setData(ByteString.copyFromUtf8("not a protobuf"))
            .build();

    topics.publish("sale_v1", List.of(poison));

    List<ReceivedMessage> deadLetters =
        topics.pull("sale_v1_it_consumer_dead_letter_hold", 1, LIMIT);
    assertThat(deadLetters).hasSize(1);
    PubsubMessage deadLetter = deadLetters.get(0).getMessage();
    assertThat(deadLetter.getData().toStringUtf8()).isEqualTo("not a protobuf");
    assertThat(deadLetter.getAttributesMap())
        .containsEntry("dead_letter_kind", "UNDECODABLE")
        .containsEntry("dead_letter_attempts", "0")
        .containsEntry(
            "dead_letter_reason",
            "payload of 14 bytes does not decode as acme.retail.sale.v1.Sale: Protocol message"
                + " tag had invalid wire type.")
        .containsEntry("event_id", "e-poison");
    assertThat(handler.calls()).isEmpty();
  }

  @Test
  void duplicateEventIdIsHandledOnce() throws Exception {
    ItSaleHandler handler = start();
    PubsubMessage message = event(Sales.sale("s-11"), Operation.CREATED, "e-dup");
    PubsubMessage after = event(Sales.sale("s-11"), Operation.UPDATED, "e-after");

    topics.publish("sale_v1", List.of(message, message, after));

    Await.until(() -> handler.completed().size() == 2, LIMIT, () -> "two handled events");
    assertThat(handler.completed().stream().map(EntityEvent::eventId))
        .containsExactly("e-dup", "e-after");
    Await.until(
        () -> count("entityflow.consumer.duplicates") == 1.0, LIMIT, () -> "duplicates meter");
  }

  @Test
  void shutdownLetsTheRunningHandlerFinishAndLeavesTheRetryingEventUnacknowledged()
      throws Exception {
    ItSaleHandler handler =
        start(
            "entityflow.consumer.retry.initial-backoff",
            "30s",
            "entityflow.consumer.retry.max-backoff",
            "30s",
            "entityflow.consumer.shutdown-timeout",
            "20s");
    CountDownLatch release = new CountDownLatch(1);
    handler.blockUntil("e-running", release);
    handler.failFor("e-waiting", new RetryableException("provider down"));

    topics.publish(
        "sale_v1",
        List.of(
            event(Sales.sale("s-20"), Operation.CREATED, "e-running"),
            event(Sales.sale("s-21"), Operation.CREATED, "e-waiting")));
    Await.until(() -> handler.calls().size() == 2, LIMIT, () -> "both events in the handler");

    CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
    Thread.sleep(500); // let close begin while e-running is still in the handler
    assertThat(closing).isNotDone();
    release.countDown();
    closing.join();

    assertThat(handler.completed().stream().map(EntityEvent::eventId)).containsExactly("e-running");
    // e-marker has e-running's ordering key: had e-running not been acknowledged, Pub/Sub would
    // deliver it again before e-marker. The retrying e-waiting was nacked and comes back.
    topics.publish("sale_v1", List.of(event(Sales.sale("s-20"), Operation.UPDATED, "e-marker")));
    ItSaleHandler restarted = start();
    Await.until(() -> restarted.completed().size() >= 2, LIMIT, () -> "two events");
    assertThat(restarted.completed().stream().map(EntityEvent::eventId))
        .containsExactlyInAnyOrder("e-waiting", "e-marker");
    assertThat(topics.pull("sale_v1_it_consumer_dead_letter_hold", 1, Duration.ofSeconds(1)))
        .isEmpty();
  }

  @Test
  void missingSubscriptionOutsideLocalModeIsAStartUpErrorNamingIt() {
    try (PubSubConnection connection = PubSubConnection.to(topics.emulator().hostPort())) {
      assertThatThrownBy(
              () ->
                  ResourceSetup.prepare(
                      connection,
                      topics.projectId(),
                      PhysicalLayout.of(EntityRegistry.load()).consumer(SALE, "crm"),
                      false,
                      false))
          .isInstanceOf(MissingSubscriptionException.class)
          .hasMessage(
              "subscription projects/"
                  + topics.projectId()
                  + "/subscriptions/sale_v1_crm of consumer 'crm' (entity Sale) does not exist;"
                  + " create it with the consumer's Terraform (or gcloud) before starting the"
                  + " service. Only in local mode (entityflow.consumer.emulator-host or"
                  + " PUBSUB_EMULATOR_HOST set) does the library create missing topics and"
                  + " subscriptions.");
    }
  }

  @Test
  void localModeCreatesTheConsumersResources() {
    start("entityflow.consumer.read-replay", true);
    assertThat(context.getBean(EntityConsumers.class).subscriptions())
        .containsExactly("sale_v1_it_consumer", "sale_v1_it_consumer_replay");
    try (PubSubConnection connection = PubSubConnection.to(topics.emulator().hostPort())) {
      ResourceSetup.prepare(
          connection,
          topics.projectId(),
          PhysicalLayout.of(EntityRegistry.load()).consumer(SALE, "it_consumer"),
          true,
          false);
    }
  }
}
