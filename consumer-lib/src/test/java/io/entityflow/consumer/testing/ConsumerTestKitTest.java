package io.entityflow.consumer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.retail.sale.v1.Sale;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import io.entityflow.consumer.DeadLetterKind;
import io.entityflow.consumer.DeliveryOutcome;
import io.entityflow.consumer.DeliveryOutcome.Kind;
import io.entityflow.consumer.EntityEvent;
import io.entityflow.consumer.EntityHandler;
import io.entityflow.consumer.EventMetadata;
import io.entityflow.consumer.PiiState;
import io.entityflow.consumer.RetryableException;
import io.entityflow.consumer.fixtures.RecordingHandler;
import io.entityflow.consumer.fixtures.Sales;
import io.entityflow.contract.Operation;
import io.entityflow.contract.OrderingKey;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsumerTestKitTest {
  private static final String EVENT_ID = "0d1f6f0e-7a43-4c1f-9a1e-3f0b2b7f9d11";

  private final Sale sale = Sales.sale("s-1001");

  @Test
  void handlerReceivesTheDecodedSaleWithExactMetadata() {
    RecordingHandler handler = new RecordingHandler("loyalty_accrual");
    DeliveryOutcome outcome =
        ConsumerTestKit.of(handler)
            .deliver(
                TestEvent.of(sale, Operation.UPDATED)
                    .withEventId(EVENT_ID)
                    .withOccurredAt(Instant.parse("2026-11-23T10:15:30.123Z"))
                    .withProducer("checkout")
                    .withAttribute("tenant", "nl"));

    assertThat(outcome)
        .isEqualTo(new DeliveryOutcome(Kind.HANDLED, EVENT_ID, 1, List.of(), null, null, null));
    EntityEvent<Sale> event = handler.calls().get(0);
    assertThat(event.entity()).isEqualTo(sale);
    assertThat(event.metadata())
        .isEqualTo(
            new EventMetadata(
                EVENT_ID,
                Operation.UPDATED,
                Instant.parse("2026-11-23T10:15:30.123Z"),
                "checkout",
                "acme.retail.sale.v1.Sale",
                "1.0",
                null,
                "",
                OrderingKey.bucketed("s-1001", 64),
                "sale_v1_loyalty_accrual",
                1,
                Map.of(
                    "event_id", EVENT_ID,
                    "operation", "UPDATED",
                    "occurred_at", "2026-11-23T10:15:30.123Z",
                    "producer", "checkout",
                    "schema", "acme.retail.sale.v1.Sale",
                    "schema_version", "1.0",
                    "pii_encryption", "tink-aead-v1",
                    "tenant", "nl"),
                PiiState.DECRYPTED));
    assertThat(event.replayed()).isFalse();
  }

  @Test
  void replayedEventCarriesTheReplayMarker() {
    RecordingHandler handler = new RecordingHandler("crm");
    ConsumerTestKit.of(handler)
        .deliver(
            TestEvent.of(sale, Operation.CREATED)
                .withReplayedAt(Instant.parse("2026-12-01T08:00:00.000001Z")));
    EventMetadata metadata = handler.calls().get(0).metadata();
    assertThat(metadata.replayed()).isTrue();
    assertThat(metadata.replayedAt()).isEqualTo(Instant.parse("2026-12-01T08:00:00.000001Z"));
  }

  @Test
  void retryableFailureIsRetriedWithExponentialBackoffThenHandled() {
    RecordingHandler handler =
        new RecordingHandler("loyalty_accrual")
            .failWith(
                new RetryableException("provider unavailable"),
                new RetryableException("provider unavailable"));
    DeliveryOutcome outcome =
        ConsumerTestKit.of(handler)
            .deliver(TestEvent.of(sale, Operation.CREATED).withEventId(EVENT_ID));

    assertThat(outcome.kind()).isEqualTo(Kind.HANDLED);
    assertThat(outcome.attempts()).isEqualTo(3);
    assertThat(outcome.retries()).isEqualTo(2);
    assertThat(outcome.backoffs()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(handler.calls().stream().map(e -> e.metadata().attempt())).containsExactly(1, 2, 3);
  }

  @Test
  void retryableFailureOnEveryAttemptIsDeadLetteredAfterMaxAttempts() {
    RetryableException down = new RetryableException("provider unavailable");
    RecordingHandler handler =
        new RecordingHandler("loyalty_accrual").failWith(down, down, down, down, down);
    ConsumerTestKit<Sale> kit = ConsumerTestKit.of(handler);
    DeliveryOutcome outcome =
        kit.deliver(TestEvent.of(sale, Operation.CREATED).withEventId(EVENT_ID));

    assertThat(outcome.kind()).isEqualTo(Kind.DEAD_LETTERED);
    assertThat(outcome.deadLetterKind()).isEqualTo(DeadLetterKind.RETRIES_EXHAUSTED);
    assertThat(outcome.attempts()).isEqualTo(5);
    assertThat(outcome.backoffs())
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8));
    assertThat(outcome.reason())
        .isEqualTo(
            "handler threw io.entityflow.consumer.RetryableException: provider unavailable"
                + " (attempt 5 of 5)");
    assertThat(kit.deadLetters()).containsExactly(outcome.deadLetter());
    assertThat(outcome.deadLetter().getAttributesMap())
        .containsEntry("dead_letter_kind", "RETRIES_EXHAUSTED")
        .containsEntry("dead_letter_attempts", "5");
  }

  @Test
  void nonRetryableFailureIsDeadLetteredAtOnceWithOriginalBytesAndAttributesPlusTheReason() {
    RecordingHandler handler =
        new RecordingHandler("loyalty_accrual")
            .failWith(new IllegalStateException("customer unknown"));
    ConsumerTestKit<Sale> kit = ConsumerTestKit.of(handler);
    TestEvent<Sale> event =
        TestEvent.of(sale, Operation.CREATED)
            .withEventId(EVENT_ID)
            .withOccurredAt(Instant.parse("2026-11-23T10:15:30.123Z"))
            .withProducer("checkout");
    DeliveryOutcome outcome = kit.deliver(event);

    assertThat(outcome.kind()).isEqualTo(Kind.DEAD_LETTERED);
    assertThat(outcome.attempts()).isEqualTo(1);
    assertThat(outcome.retries()).isZero();
    PubsubMessage deadLetter = kit.deadLetters().get(0);
    // the payload as it came (this Sale sets no PII value, so its encrypted form is the same bytes)
    assertThat(deadLetter.getData()).isEqualTo(sale.toByteString());
    assertThat(deadLetter.getOrderingKey()).isEmpty();
    assertThat(deadLetter.getAttributesMap())
        .isEqualTo(
            Map.ofEntries(
                Map.entry("event_id", EVENT_ID),
                Map.entry("operation", "CREATED"),
                Map.entry("occurred_at", "2026-11-23T10:15:30.123Z"),
                Map.entry("pii_encryption", "tink-aead-v1"),
                Map.entry("producer", "checkout"),
                Map.entry("schema", "acme.retail.sale.v1.Sale"),
                Map.entry("schema_version", "1.0"),
                Map.entry("dead_letter_kind", "NON_RETRYABLE"),
                Map.entry(
                    "dead_letter_reason",
                    "handler threw java.lang.IllegalStateException: customer unknown"),
                Map.entry("dead_letter_consumer", "loyalty_accrual"),
                Map.entry("dead_letter_subscription", "sale_v1_loyalty_accrual"),
                Map.entry("dead_letter_attempts", "1"),
                Map.entry("dead_letter_exception", "java.lang.IllegalStateException")));
  }

  @Test
  void exceptionWithARetryableCauseIsRetried() {
    RecordingHandler handler =
        new RecordingHandler("crm")
            .failWith(new IllegalStateException("wrapped", new RetryableException("timeout")));
    assertThat(ConsumerTestKit.of(handler).deliver(sale, Operation.CREATED).retries()).isEqualTo(1);
  }

  @Test
  void configuredExceptionClassIsRetryableAndOthersAreNot() {
    RecordingHandler handler =
        new RecordingHandler("crm").failWith(new java.net.ConnectException("refused"));
    ConsumerTestKit<Sale> kit =
        ConsumerTestKit.of(
            handler,
            io.entityflow.contract.registry.EntityRegistry.load(),
            new io.entityflow.consumer.retry.DefaultRetryPolicy(
                3, Duration.ofMillis(100), 3.0, Duration.ofMillis(500), List.of(IOException.class)),
            ConsumerTestKit.newDedupStore());
    assertThat(kit.deliver(sale, Operation.CREATED).backoffs())
        .containsExactly(Duration.ofMillis(100));
    handler.failWith(new IllegalArgumentException("bad"));
    assertThat(kit.deliver(sale, Operation.CREATED).deadLetterKind())
        .isEqualTo(DeadLetterKind.NON_RETRYABLE);
  }

  @Test
  void poisonPayloadIsDeadLetteredWithoutCallingTheHandler() {
    RecordingHandler handler = new RecordingHandler("loyalty_accrual");
    ConsumerTestKit<Sale> kit = ConsumerTestKit.of(handler);
    PubsubMessage valid =
        TestEvent.of(sale, Operation.CREATED)
            .withEventId(EVENT_ID)
            .toMessage(
                io.entityflow.contract.registry.EntityRegistry.load()
                    .forTopic("sale_v1")
                    .orElseThrow())
            .toBuilder()
            .putAttributes("pii_encryption", "tink-aead-v1")
            .build();
    PubsubMessage poison =
        valid.toBuilder()
            .setData(ByteString.copyFromUtf8("not a protobuf"))
            .setMessageId("m-9")
            .build();

    DeliveryOutcome outcome = kit.deliver(poison);

    assertThat(handler.calls()).isEmpty();
    assertThat(outcome.kind()).isEqualTo(Kind.DEAD_LETTERED);
    assertThat(outcome.deadLetterKind()).isEqualTo(DeadLetterKind.UNDECODABLE);
    assertThat(outcome.attempts()).isZero();
    assertThat(outcome.reason())
        .isEqualTo(
            "payload of 14 bytes does not decode as acme.retail.sale.v1.Sale: Protocol message"
                + " tag had invalid wire type.");
    Map<String, String> attributes = new HashMap<>(outcome.deadLetter().getAttributesMap());
    assertThat(attributes)
        .containsEntry("dead_letter_kind", "UNDECODABLE")
        .containsEntry("dead_letter_attempts", "0")
        .containsEntry("dead_letter_message_id", "m-9")
        .containsEntry(
            "dead_letter_exception",
            "com.google.protobuf.InvalidProtocolBufferException$InvalidWireTypeException");
    assertThat(outcome.deadLetter().getData().toStringUtf8()).isEqualTo("not a protobuf");
  }

  @Test
  void missingOrInvalidAttributesAreDeadLetteredWithTheAttributeNamed() {
    ConsumerTestKit<Sale> kit = ConsumerTestKit.of(new RecordingHandler("crm"));
    PubsubMessage clear =
        TestEvent.of(sale, Operation.CREATED)
            .toMessage(
                io.entityflow.contract.registry.EntityRegistry.load()
                    .forTopic("sale_v1")
                    .orElseThrow());
    PubsubMessage valid = clear.toBuilder().putAttributes("pii_encryption", "tink-aead-v1").build();

    assertThat(kit.deliver(clear).reason())
        .isEqualTo(
            "attribute 'pii_encryption' is missing; every event of acme.retail.sale.v1.Sale, which"
                + " has PII fields, carries pii_encryption=tink-aead-v1 (PII is never accepted in"
                + " clear)");

    assertThat(kit.deliver(valid.toBuilder().removeAttributes("event_id").build()).reason())
        .isEqualTo(
            "attribute 'event_id' is missing; every entity event carries [event_id, operation,"
                + " occurred_at, producer, schema, schema_version]");
    assertThat(kit.deliver(valid.toBuilder().putAttributes("operation", "MERGED").build()).reason())
        .isEqualTo(
            "attribute 'operation' has invalid value 'MERGED'; allowed: CREATED, UPDATED,"
                + " DELETED, SNAPSHOT");
    assertThat(
            kit.deliver(
                    valid.toBuilder()
                        .putAttributes("schema", "acme.retail.customer.v1.Customer")
                        .build())
                .reason())
        .isEqualTo(
            "attribute 'schema' is 'acme.retail.customer.v1.Customer'; consumer 'crm' reads"
                + " acme.retail.sale.v1.Sale only");
    assertThat(
            kit.deliver(valid.toBuilder().putAttributes("schema_version", "2.0").build()).reason())
        .isEqualTo(
            "attribute 'schema_version' is '2.0'; allowed: major version 1 (1.0 or another"
                + " revision of it)");
    assertThat(
            kit.deliver(valid.toBuilder().putAttributes("occurred_at", "yesterday").build())
                .reason())
        .isEqualTo(
            "attribute 'occurred_at' is 'yesterday'; allowed: an RFC 3339 time in UTC, e.g."
                + " 2026-11-23T10:15:30.123Z");
    assertThat(
            kit.deliver(
                    valid.toBuilder()
                        .setData(Sale.newBuilder().setStoreId("x").build().toByteString())
                        .build())
                .reason())
        .isEqualTo(
            "payload decodes as acme.retail.sale.v1.Sale but its id field 'sale_id' is not set");
    assertThat(kit.deadLetters()).hasSize(7);
  }

  @Test
  void sameEventIdIsHandledOnceThenSkippedAsDuplicate() {
    RecordingHandler handler = new RecordingHandler("crm");
    ConsumerTestKit<Sale> kit = ConsumerTestKit.of(handler);
    TestEvent<Sale> event = TestEvent.of(sale, Operation.CREATED).withEventId(EVENT_ID);

    assertThat(kit.deliver(event).kind()).isEqualTo(Kind.HANDLED);
    assertThat(kit.deliver(event))
        .isEqualTo(new DeliveryOutcome(Kind.DUPLICATE, EVENT_ID, 0, List.of(), null, null, null));
    assertThat(handler.calls()).hasSize(1);
  }

  @Test
  void deadLetteredEventIsNotMarkedSoARedeliveryIsHandled() {
    RecordingHandler handler = new RecordingHandler("crm").failWith(new IllegalStateException("x"));
    ConsumerTestKit<Sale> kit = ConsumerTestKit.of(handler);
    TestEvent<Sale> event = TestEvent.of(sale, Operation.CREATED).withEventId(EVENT_ID);
    assertThat(kit.deliver(event).kind()).isEqualTo(Kind.DEAD_LETTERED);
    assertThat(kit.deliver(event).kind()).isEqualTo(Kind.HANDLED);
  }

  @Test
  void operationTheHandlerDoesNotWantIsSkippedWithoutACall() {
    EntityHandler<Sale> createdOnly =
        new RecordingHandler("loyalty_accrual") {
          @Override
          public Set<Operation> operations() {
            return EnumSet.of(Operation.CREATED);
          }
        };
    ConsumerTestKit<Sale> kit = ConsumerTestKit.of(createdOnly);
    assertThat(kit.deliver(sale, Operation.UPDATED).kind()).isEqualTo(Kind.SKIPPED);
    assertThat(((RecordingHandler) createdOnly).calls()).isEmpty();
    assertThat(kit.deliver(sale, Operation.CREATED).kind()).isEqualTo(Kind.HANDLED);
  }

  @Test
  void staticDeliverHandsOneEventToAFreshKit() {
    RecordingHandler handler = new RecordingHandler("crm");
    assertThat(ConsumerTestKit.deliver(handler, sale, Operation.DELETED).kind())
        .isEqualTo(Kind.HANDLED);
    assertThat(handler.calls().get(0).operation()).isEqualTo(Operation.DELETED);
  }
}
