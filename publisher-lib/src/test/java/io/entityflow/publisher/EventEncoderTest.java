package io.entityflow.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.retail.sale.v1.Sale;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import io.entityflow.contract.Operation;
import io.entityflow.contract.OrderingKey;
import io.entityflow.contract.privacy.EncryptedForm;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.publisher.fixtures.Sales;
import io.entityflow.publisher.fixtures.TestKeys;
import io.entityflow.publisher.privacy.PayloadEncryption;
import io.entityflow.publisher.testing.RecordedEvent;
import io.entityflow.publisher.testing.RecordingEntityPublisher;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class EventEncoderTest {
  private static final String EVENT_ID = "0d1f6f0e-7a43-4c1f-9a1e-3f0b2b7f9d11";
  private static final Instant OCCURRED = Instant.parse("2026-11-23T10:15:30.123Z");

  private static final EntityRegistry REGISTRY = EntityRegistry.load();
  private static final EntityDefinition SALE = REGISTRY.require(Sale.getDescriptor());

  private final TestKeys keys = TestKeys.create();
  private final EventEncoder encoder =
      new EventEncoder(REGISTRY, "checkout", PayloadEncryption.encrypting(keys.keysets()));

  /** The clear Sale of an encrypted payload or of a restored entity (the encrypted form). */
  private Sale clear(ByteString encrypted) {
    return keys.decrypt(SALE, encrypted.toByteArray(), Sale.getDefaultInstance());
  }

  private EncodedEvent saleEvent() {
    return encoder.encode(
        PublishRequest.of(Sales.sale("s-1001"), Operation.UPDATED)
            .withOccurredAt(OCCURRED)
            .withEventId(EVENT_ID)
            .withAttributes(Map.of("tenant", "nl")));
  }

  @Test
  void encodedEventCarriesTheContractMessage() {
    EncodedEvent event = saleEvent();

    assertThat(event.eventId()).isEqualTo(EVENT_ID);
    assertThat(event.topic()).isEqualTo("sale_v1");
    assertThat(event.orderingKey()).isEqualTo(OrderingKey.bucketed("s-1001", 64));
    assertThat(event.payload()).isNotEqualTo(Sales.sale("s-1001").toByteString());
    assertThat(clear(event.payload())).isEqualTo(Sales.sale("s-1001"));
    assertThat(event.occurredAt()).isEqualTo(OCCURRED);
    assertThat(event.operation()).isEqualTo(Operation.UPDATED);
    assertThat(event.entity()).isEqualTo(Sales.sale("s-1001"));
    assertThat(event.attributes())
        .isEqualTo(
            Map.of(
                "event_id", EVENT_ID,
                "operation", "UPDATED",
                "occurred_at", "2026-11-23T10:15:30.123Z",
                "producer", "checkout",
                "schema", "acme.retail.sale.v1.Sale",
                "schema_version", "1.0",
                "pii_encryption", "tink-aead-v1",
                "tenant", "nl"));
    assertThat(event.toMessage(false).getOrderingKey()).isEmpty();
    assertThat(event.toMessage(true).getOrderingKey()).isEqualTo(event.orderingKey());
    assertThat(event.toString())
        .isEqualTo(
            "event "
                + EVENT_ID
                + " (UPDATED) to sale_v1 key "
                + OrderingKey.bucketed("s-1001", 64));
  }

  @Test
  void encodingAnInvalidEventThrowsThePublishersException() {
    assertThatThrownBy(
            () -> encoder.encode(PublishRequest.of(Sale.newBuilder().build(), Operation.CREATED)))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage(
            "invalid Sale event: sale_id: the id must be set: a non-empty string or a number other"
                + " than 0; nothing was published");
  }

  @Test
  void encodeAllValidatesEveryRequestBeforeEncodingAny() {
    assertThatThrownBy(
            () ->
                encoder.encodeAll(
                    List.of(
                        PublishRequest.of(Sales.sale("s-1"), Operation.CREATED),
                        PublishRequest.of(Sales.sale("s-2"), null))))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage(
            "invalid Sale event: operation: an operation is required (CREATED, UPDATED, DELETED,"
                + " SNAPSHOT); nothing was published");
    List<EncodedEvent> two =
        encoder.encodeAll(
            List.of(
                PublishRequest.of(Sales.sale("s-1"), Operation.CREATED),
                PublishRequest.of(Sales.sale("s-2"), Operation.CREATED)));
    assertThat(two)
        .extracting(e -> e.entity())
        .containsExactly(Sales.sale("s-1"), Sales.sale("s-2"));
  }

  @Test
  void restoredEventEqualsTheEncodedOne() {
    EncodedEvent event = saleEvent();
    EncodedEvent restored = restore(event, event.attributes(), event.payload().toByteArray());
    assertThat(restored).isEqualTo(event).hasSameHashCodeAs(event);
    assertThat(restored.toMessage(true)).isEqualTo(event.toMessage(true));
    assertThat(restored.occurredAt()).isEqualTo(OCCURRED);
    assertThat(restored.operation()).isEqualTo(Operation.UPDATED);
    assertThat(restored.entity().getDescriptorForType())
        .isSameAs(EncryptedForm.of(SALE)); // no keys in the encoder: the encrypted form
    assertThat(clear(restored.entity().toByteString())).isEqualTo(Sales.sale("s-1001"));
  }

  @Test
  void restoringAnUnknownEntityNamesItAndTheKnownOnes() {
    EncodedEvent event = saleEvent();
    Map<String, String> attributes = new HashMap<>(event.attributes());
    attributes.put("schema", "acme.retail.sale.v1.Gone");
    assertThatThrownBy(() -> restore(event, attributes, event.payload().toByteArray()))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageStartingWith(
            "invalid acme.retail.sale.v1.Gone event: message type: is not an entity of the"
                + " contract; entities: ")
        .hasMessageContaining("acme.retail.sale.v1.Sale");
  }

  @Test
  void restoringChecksTopicAttributesPayloadAndOrderingKey() {
    EncodedEvent event = saleEvent();
    byte[] payload = event.payload().toByteArray();
    assertThatThrownBy(
            () ->
                encoder.restore(
                    EVENT_ID, "sale_v2", event.orderingKey(), event.attributes(), payload))
        .hasMessage(
            "invalid Sale event: topic: stored topic 'sale_v2' is not the entity's topic sale_v1;"
                + " nothing was published");
    Map<String, String> noProducer = new HashMap<>(event.attributes());
    noProducer.remove("producer");
    assertThatThrownBy(() -> restore(event, noProducer, payload))
        .hasMessage(
            "invalid Sale event: attribute 'producer': a contract attribute is missing; nothing"
                + " was published");
    Map<String, String> badOperation = new HashMap<>(event.attributes());
    badOperation.put("operation", "MERGED");
    assertThatThrownBy(() -> restore(event, badOperation, payload))
        .hasMessage(
            "invalid Sale event: attribute 'operation': 'MERGED' is not one of CREATED, UPDATED,"
                + " DELETED, SNAPSHOT; nothing was published");
    Map<String, String> otherId = new HashMap<>(event.attributes());
    otherId.put("event_id", "11111111-1111-1111-1111-111111111111");
    assertThatThrownBy(() -> restore(event, otherId, payload))
        .hasMessage(
            "invalid Sale event: attribute 'event_id': '11111111-1111-1111-1111-111111111111'"
                + " differs from the stored "
                + EVENT_ID
                + "; nothing was published");
    assertThatThrownBy(() -> restore(event, event.attributes(), new byte[] {(byte) 0xff}))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageStartingWith(
            "invalid Sale event: payload: does not parse as acme.retail.sale.v1.Sale: ");
    assertThatThrownBy(
            () -> encoder.restore(EVENT_ID, "sale_v1", "wrong-key", event.attributes(), payload))
        .hasMessage(
            "invalid Sale event: ordering key: stored 'wrong-key' is not the contract's key '"
                + event.orderingKey()
                + "' of its id; nothing was published");
    byte[] noId = Sales.sale("s-1001").toBuilder().clearSaleId().build().toByteArray();
    assertThatThrownBy(() -> restore(event, event.attributes(), noId))
        .hasMessage(
            "invalid Sale event: sale_id: the id must be set: a non-empty string or a number other"
                + " than 0; nothing was published");
  }

  @Test
  void recordedEventIsRestoredAsStoredAndParsedOnlyWhenAsked() {
    EncodedEvent event = saleEvent();
    EncodedEvent restored =
        encoder.restoreRecorded(
            EVENT_ID,
            "sale_v1",
            event.orderingKey(),
            event.attributes(),
            event.payload().toByteArray());
    assertThat(restored).isEqualTo(event).hasSameHashCodeAs(event);
    assertThat(restored.toMessage(true)).isEqualTo(event.toMessage(true));
    assertThat(restored.toMessage(false)).isEqualTo(event.toMessage(false));
    assertThat(restored.operation()).isEqualTo(Operation.UPDATED);
    assertThat(restored.occurredAt()).isEqualTo(OCCURRED);
    assertThat(clear(restored.entity().toByteString())).isEqualTo(Sales.sale("s-1001"));

    // the payload is not parsed: bytes that are no Sale are published as stored
    EncodedEvent unparsed =
        encoder.restoreRecorded(
            EVENT_ID, "sale_v1", event.orderingKey(), event.attributes(), new byte[] {(byte) 0xff});
    assertThat(unparsed.payload().toByteArray()).containsExactly((byte) 0xff);
    assertThatThrownBy(unparsed::entity)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "event "
                + EVENT_ID
                + " (UPDATED) to sale_v1 key "
                + event.orderingKey()
                + ": payload does not parse as acme.retail.sale.v1.Sale: ");
  }

  @Test
  void recordedEventIsCheckedForWhatCanChangeWhileItWaits() {
    EncodedEvent event = saleEvent();
    byte[] payload = event.payload().toByteArray();
    String key = event.orderingKey();
    Map<String, String> gone = new HashMap<>(event.attributes());
    gone.put("schema", "acme.retail.sale.v1.Gone");
    assertThatThrownBy(() -> encoder.restoreRecorded(EVENT_ID, "sale_v1", key, gone, payload))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageStartingWith(
            "invalid acme.retail.sale.v1.Gone event: message type: is not an entity of the"
                + " contract; entities: ");
    assertThatThrownBy(
            () -> encoder.restoreRecorded(EVENT_ID, "sale_v2", key, event.attributes(), payload))
        .hasMessage(
            "invalid Sale event: topic: stored topic 'sale_v2' is not the entity's topic sale_v1;"
                + " nothing was published");
    Map<String, String> noSchemaVersion = new HashMap<>(event.attributes());
    noSchemaVersion.remove("schema_version");
    assertThatThrownBy(
            () -> encoder.restoreRecorded(EVENT_ID, "sale_v1", key, noSchemaVersion, payload))
        .hasMessage(
            "invalid Sale event: attribute 'schema_version': a contract attribute is missing;"
                + " nothing was published");
    assertThatThrownBy(
            () ->
                encoder.restoreRecorded(
                    "not-a-uuid",
                    "sale_v1",
                    key,
                    Map.of(
                        "event_id", "not-a-uuid",
                        "operation", "UPDATED",
                        "occurred_at", "2026-11-23T10:15:30.123Z",
                        "producer", "checkout",
                        "schema", "acme.retail.sale.v1.Sale",
                        "schema_version", "1.0"),
                    payload))
        .hasMessage(
            "invalid Sale event: event id: stored 'not-a-uuid' is not a UUID like"
                + " 123e4567-e89b-12d3-a456-426614174000; nothing was published");
    assertThatThrownBy(
            () ->
                encoder.restoreRecorded(
                    "11111111-1111-1111-1111-111111111111",
                    "sale_v1",
                    key,
                    event.attributes(),
                    payload))
        .hasMessage(
            "invalid Sale event: attribute 'event_id': '"
                + EVENT_ID
                + "' differs from the stored 11111111-1111-1111-1111-111111111111; nothing was"
                + " published");
    for (String badKey : List.of("64", "07", "-1", "wrong-key", "")) {
      assertThatThrownBy(
              () ->
                  encoder.restoreRecorded(EVENT_ID, "sale_v1", badKey, event.attributes(), payload))
          .as(badKey)
          .hasMessage(
              "invalid Sale event: ordering key: stored '"
                  + badKey
                  + "' is not a bucket of the contract (0..63); nothing was published");
    }
    Map<String, String> badOperation = new HashMap<>(event.attributes());
    badOperation.put("operation", "MERGED");
    assertThatThrownBy(
            () -> encoder.restoreRecorded(EVENT_ID, "sale_v1", key, badOperation, payload))
        .hasMessage(
            "invalid Sale event: attribute 'operation': 'MERGED' is not one of CREATED, UPDATED,"
                + " DELETED, SNAPSHOT; nothing was published");
  }

  private EncodedEvent restore(EncodedEvent event, Map<String, String> attributes, byte[] data) {
    return encoder.restore(event.eventId(), event.topic(), event.orderingKey(), attributes, data);
  }

  @Test
  void producerFallsBackToRecordingOnlyForTheRecordingPublisher() {
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of("spec.name", "EventEncoderTest", "entityflow.publisher.recording", true))) {
      assertThat(context.getBean(EventEncoder.class).producer()).isEqualTo("recording");
    }
    try (ApplicationContext context =
        ApplicationContext.run(Map.of("spec.name", "EventEncoderTest"))) {
      assertThatThrownBy(() -> context.getBean(EventEncoder.class))
          .hasStackTraceContaining(
              "entityflow.publisher.producer is not set and micronaut.application.name is empty");
    }
  }

  @Test
  void recordingPublisherRecordsTheEncodedEventExactly() {
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "spec.name", "EventEncoderTest",
                "entityflow.publisher.recording", true,
                "micronaut.application.name", "checkout"))) {
      EncodedEvent event =
          context
              .getBean(EventEncoder.class)
              .encode(
                  PublishRequest.of(Sales.sale("s-5"), Operation.CREATED).withEventId(EVENT_ID));
      EntityPublisher publisher = context.getBean(EntityPublisher.class);
      PublishReceipt receipt = publisher.publishAllEncoded(List.of(event)).get(0).join();

      RecordingEntityPublisher recording = context.getBean(RecordingEntityPublisher.class);
      // the first event is the SubjectKey CREATED of the sale's customer, made by the encoding
      assertThat(recording.events().get(0).topic()).isEqualTo("subject_key_v1");
      assertThat(receipt).isEqualTo(new PublishReceipt(EVENT_ID, "recorded-2", "sale_v1"));
      RecordedEvent recorded = recording.events().get(1);
      PubsubMessage expected = event.toMessage(true);
      assertThat(recorded.message()).isEqualTo(expected);
      assertThat(recorded.message().getAttributesOrThrow("producer")).isEqualTo("checkout");
      recording.assertPublished(Sales.sale("s-5"), Operation.CREATED);
    }
  }

  @Test
  void disabledPublisherFailsEncodedEventsNamingTheKey() {
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "spec.name", "EventEncoderTest",
                "entityflow.publisher.enabled", false,
                "micronaut.application.name", "checkout"))) {
      EncodedEvent event = saleEvent();
      assertThatThrownBy(() -> context.getBean(EntityPublisher.class).publishEncoded(event).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(PublishFailedException.class)
          .hasMessageStartingWith("event " + EVENT_ID + " was not published to topic sale_v1: ")
          .cause()
          .isInstanceOf(PublisherDisabledException.class);
    }
  }
}
