package io.entityflow.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.retail.sale.v1.Sale;
import com.google.api.gax.rpc.NotFoundException;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.ReceivedMessage;
import io.entityflow.contract.Operation;
import io.entityflow.contract.OrderingKey;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.privacy.codec.PiiDecryptor;
import io.entityflow.privacy.keys.SubjectKeysets;
import io.entityflow.publisher.fixtures.EmulatorProject;
import io.entityflow.publisher.fixtures.Sales;
import io.entityflow.publisher.metrics.PublisherMetrics;
import io.entityflow.publisher.metrics.TopicMetrics;
import io.entityflow.testing.PubSubEmulator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EntityPublisherIT {
  private static final Duration QUIET = Duration.ofSeconds(3);

  private final PubSubEmulator emulator = PubSubEmulator.shared();
  private final EmulatorProject project = new EmulatorProject(emulator);
  private ApplicationContext context;

  private EntityPublisher start(Object... extra) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("spec.name", "EntityPublisherIT");
    properties.put("micronaut.application.name", "checkout");
    properties.put("entityflow.publisher.project-id", project.projectId());
    properties.put("entityflow.publisher.emulator-host", emulator.hostPort());
    for (int i = 0; i < extra.length; i += 2) {
      properties.put((String) extra[i], extra[i + 1]);
    }
    context = ApplicationContext.run(properties);
    return context.getBean(EntityPublisher.class);
  }

  /** A received Sale payload decrypted with the service's subject keys. */
  private Sale clear(ByteString payload) throws Exception {
    EntityDefinition sale = context.getBean(EntityRegistry.class).require(Sale.getDescriptor());
    return new PiiDecryptor(context.getBean(SubjectKeysets.class))
        .decrypt(sale, payload.toByteArray(), Sale.getDefaultInstance())
        .message();
  }

  @AfterEach
  void cleanUp() {
    if (context != null) {
      context.close();
    }
    project.delete("sale_v1");
  }

  @Test
  void publishedSaleArrivesWithExactPayloadAndAttributes() throws Exception {
    String subscription = project.createTopicWithSubscription("sale_v1");
    EntityPublisher publisher = start();
    Sale sale = Sales.sale("s-1001");

    PublishReceipt receipt =
        publisher
            .publish(
                PublishRequest.of(sale, Operation.UPDATED)
                    .withOccurredAt(Instant.parse("2026-11-23T10:15:30.123Z"))
                    .withEventId("0d1f6f0e-7a43-4c1f-9a1e-3f0b2b7f9d11")
                    .withAttributes(Map.of("tenant", "nl")))
            .join();

    List<ReceivedMessage> received = project.pull(subscription, 1, QUIET);
    assertThat(received).hasSize(1);
    PubsubMessage message = received.get(0).getMessage();
    assertThat(receipt)
        .isEqualTo(
            new PublishReceipt(
                "0d1f6f0e-7a43-4c1f-9a1e-3f0b2b7f9d11", message.getMessageId(), "sale_v1"));
    // the PII field travels as a ciphertext of the subject's key: never the clear value
    assertThat(message.getData()).isNotEqualTo(sale.toByteString());
    assertThat(message.getData().toStringUtf8())
        .doesNotContain(sale.getCard().getCardholderName())
        .contains("s-1001");
    assertThat(clear(message.getData())).isEqualTo(sale);
    assertThat(message.getAttributesMap())
        .isEqualTo(
            Map.of(
                "event_id", "0d1f6f0e-7a43-4c1f-9a1e-3f0b2b7f9d11",
                "operation", "UPDATED",
                "occurred_at", "2026-11-23T10:15:30.123Z",
                "producer", "checkout",
                "schema", "acme.retail.sale.v1.Sale",
                "schema_version", "1.0",
                "pii_encryption", "tink-aead-v1",
                "tenant", "nl"));
    assertThat(message.getOrderingKey()).isEqualTo(OrderingKey.bucketed("s-1001", 64));
  }

  @Test
  void batchOfEventsArrivesInPublishOrderPerEntityWithOneReceiptEach() throws Exception {
    String subscription = project.createTopicWithSubscription("sale_v1");
    EntityPublisher publisher = start();
    List<PublishRequest> requests = new ArrayList<>();
    for (int version = 0; version < 50; version++) {
      for (String id : List.of("s-1", "s-2", "s-3")) {
        Sale sale = Sales.sale(id).toBuilder().setReceiptNumber(id + "#" + version).build();
        requests.add(PublishRequest.of(sale, version == 0 ? Operation.CREATED : Operation.UPDATED));
      }
    }
    List<CompletableFuture<PublishReceipt>> futures = publisher.publishAll(requests);
    List<PublishReceipt> receipts = futures.stream().map(CompletableFuture::join).toList();

    List<ReceivedMessage> received = project.pull(subscription, 150, QUIET);
    assertThat(received).hasSize(150);
    Map<String, List<String>> receiptNumbersById = new HashMap<>();
    for (ReceivedMessage m : received) {
      Sale sale = clear(m.getMessage().getData());
      receiptNumbersById
          .computeIfAbsent(sale.getSaleId(), k -> new ArrayList<>())
          .add(sale.getReceiptNumber());
    }
    for (String id : List.of("s-1", "s-2", "s-3")) {
      List<String> expected = new ArrayList<>();
      for (int version = 0; version < 50; version++) {
        expected.add(id + "#" + version);
      }
      assertThat(receiptNumbersById.get(id)).containsExactlyElementsOf(expected);
    }
    assertThat(
            received.stream().map(m -> m.getMessage().getMessageId()).collect(Collectors.toSet()))
        .isEqualTo(receipts.stream().map(PublishReceipt::messageId).collect(Collectors.toSet()));
  }

  @Test
  void missingTopicIsCreatedWhenConfigured() {
    EntityPublisher publisher = start("entityflow.publisher.create-missing-topics", true);
    assertThat(project.topicExists("sale_v1")).isFalse();
    PublishReceipt receipt = publisher.publish(Sales.sale("s-1"), Operation.CREATED).join();
    assertThat(receipt.topic()).isEqualTo("sale_v1");
    assertThat(project.topicExists("sale_v1")).isTrue();
  }

  @Test
  void failedOrderingKeyIsResumedSoLaterEventsOfTheSameIdGoThrough() throws Exception {
    EntityPublisher publisher = start();
    // the topic does not exist yet: the first event fails with NOT_FOUND and pauses its key
    assertThatThrownBy(() -> publisher.publish(Sales.sale("s-9"), Operation.CREATED).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(PublishFailedException.class)
        .hasMessageContaining("was not published to topic sale_v1: ")
        .cause()
        .isInstanceOf(NotFoundException.class);

    String subscription = project.createTopicWithSubscription("sale_v1");
    Sale again = Sales.sale("s-9").toBuilder().setReceiptNumber("second try").build();
    PublishReceipt receipt = publisher.publish(again, Operation.CREATED).join();

    List<ReceivedMessage> received = project.pull(subscription, 1, QUIET);
    assertThat(received).hasSize(1);
    assertThat(received.get(0).getMessage().getMessageId()).isEqualTo(receipt.messageId());
    assertThat(clear(received.get(0).getMessage().getData())).isEqualTo(again);

    TopicMetrics metrics = context.getBean(PublisherMetrics.class).forTopic("sale_v1");
    assertThat(metrics.published()).isEqualTo(1);
    assertThat(metrics.failed()).isEqualTo(1);
    assertThat(metrics.outstanding()).isZero();
    MeterRegistry registry = context.getBean(MeterRegistry.class);
    assertThat(
            registry
                .get("entityflow.publisher.published")
                .tag("topic", "sale_v1")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(
            registry.get("entityflow.publisher.failed").tag("topic", "sale_v1").counter().count())
        .isEqualTo(1.0);
    assertThat(registry.get("entityflow.publisher.latency").tag("topic", "sale_v1").timer().count())
        .isEqualTo(2);
    assertThat(
            registry
                .get("entityflow.publisher.outstanding")
                .tag("topic", "sale_v1")
                .gauge()
                .value())
        .isEqualTo(0.0);
  }

  @Test
  void closingTheContextFlushesBatchedEvents() {
    String subscription = project.createTopicWithSubscription("sale_v1");
    // a long batching delay: without the flush on close the events would still wait
    EntityPublisher publisher = start("entityflow.publisher.batching.delay", "10m");
    List<CompletableFuture<PublishReceipt>> futures = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      futures.add(publisher.publish(Sales.sale("s-" + i), Operation.SNAPSHOT));
    }
    assertThat(futures).noneMatch(CompletableFuture::isDone);
    context.close();
    context = null;
    assertThat(futures).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
    assertThat(project.pull(subscription, 20, QUIET)).hasSize(20);
  }
}
