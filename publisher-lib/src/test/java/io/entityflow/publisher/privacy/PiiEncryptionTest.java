package io.entityflow.publisher.privacy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.energy.meter.v1.MeterReading;
import com.acme.retail.customer.v1.Customer;
import com.google.protobuf.ByteString;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.StringValue;
import com.google.protobuf.UnknownFieldSet;
import io.entityflow.contract.Operation;
import io.entityflow.contract.privacy.EncryptedForm;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.publisher.EncodedEvent;
import io.entityflow.publisher.EventEncoder;
import io.entityflow.publisher.InvalidEventException;
import io.entityflow.publisher.PublishRequest;
import io.entityflow.publisher.fixtures.TestKeys;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PiiEncryptionTest {
  private static final EntityRegistry REGISTRY = EntityRegistry.load();
  private static final EntityDefinition CUSTOMER = REGISTRY.require(Customer.getDescriptor());
  private static final Customer ALICE =
      Customer.newBuilder()
          .setCustomerId("c-42")
          .setEmail("alice@example.com")
          .setFullName("Alice Example")
          .setPhone(StringValue.of("+31 6 1234 5678"))
          .setMarketingOptIn(true)
          .setCountry("NL")
          .build();

  private final TestKeys keys = TestKeys.create();
  private final EventEncoder encoder =
      new EventEncoder(REGISTRY, "crm", PayloadEncryption.encrypting(keys.keysets()));

  @Test
  void customerEmailTravelsAsTinkCiphertextOfTheSubjectKeyWithTheSubjectIdAsAssociatedData()
      throws Exception {
    EncodedEvent event = encoder.encode(PublishRequest.of(ALICE, Operation.CREATED));

    DynamicMessage wire =
        DynamicMessage.parseFrom(EncryptedForm.of(CUSTOMER), event.payload().toByteArray());
    ByteString email =
        (ByteString) wire.getField(wire.getDescriptorForType().findFieldByName("email"));
    // Tink output prefix: version byte 0x01 and the 4-byte key id, then 12-byte nonce and 16-byte
    // tag
    assertThat(email.byteAt(0)).isEqualTo((byte) 0x01);
    assertThat(email.size()).isEqualTo(5 + 12 + "alice@example.com".length() + 16);
    byte[] plaintext =
        keys.keysets()
            .existingAeadFor("c-42")
            .orElseThrow()
            .decrypt(email.toByteArray(), "c-42".getBytes(UTF_8));
    assertThat(new String(plaintext, UTF_8)).isEqualTo("alice@example.com");
    assertThat(event.payload().toStringUtf8()).doesNotContain("alice@example.com");
    assertThat(event.payload().toStringUtf8()).doesNotContain("Alice Example");
    assertThat(event.attributes()).containsEntry("pii_encryption", "tink-aead-v1");
    assertThat(keys.decrypt(CUSTOMER, event.payload().toByteArray(), Customer.getDefaultInstance()))
        .isEqualTo(ALICE);
  }

  @Test
  void nonPiiFieldsOrderingKeyAndAttributesStayAsInClear() throws Exception {
    EncodedEvent encrypted = encoder.encode(PublishRequest.of(ALICE, Operation.CREATED));

    UnknownFieldSet wire = UnknownFieldSet.parseFrom(encrypted.payload());
    UnknownFieldSet clear = UnknownFieldSet.parseFrom(ALICE.toByteString());
    for (int number : new int[] {1, 5, 9}) { // customer_id, marketing_opt_in, country
      assertThat(wire.getField(number)).as("field %s", number).isEqualTo(clear.getField(number));
    }
    for (int number : new int[] {2, 3, 4}) { // email, full_name, phone
      assertThat(wire.getField(number)).as("field %s", number).isNotEqualTo(clear.getField(number));
    }
    assertThat(encrypted.orderingKey()).isEqualTo(CUSTOMER.orderingKeyOf(ALICE));
    assertThat(encrypted.attributes())
        .containsEntry("operation", "CREATED")
        .containsEntry("schema", "acme.retail.customer.v1.Customer")
        .containsEntry("event_id", encrypted.eventId());
  }

  @Test
  void entityWithoutPiiIsEncodedUnchangedWithoutTheAttribute() {
    MeterReading reading = MeterReading.newBuilder().setReadingId("r-1").setMeterId("m-1").build();
    EncodedEvent event = encoder.encode(PublishRequest.of(reading, Operation.CREATED));

    assertThat(event.payload()).isEqualTo(reading.toByteString());
    assertThat(event.attributes()).doesNotContainKey("pii_encryption");
    assertThat(keys.keysets().cachedSubjects()).isZero();
  }

  @Test
  void encoderWithoutEncryptionRefusesAnEntityWithPiiNamingItsFieldsAndTheKey() {
    EventEncoder refusing = new EventEncoder(REGISTRY, "crm");

    assertThatThrownBy(() -> refusing.encode(PublishRequest.of(ALICE, Operation.CREATED)))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage(
            "invalid Customer event: PII fields email, full_name, phone: are never published in"
                + " clear and entityflow.privacy.enabled is false; set it to true (the default)"
                + " with entityflow.privacy.kek-uri to publish them encrypted; nothing was"
                + " published");
  }

  @Test
  void restoredEncryptedEventWithoutItsAttributeIsRefused() {
    EncodedEvent event = encoder.encode(PublishRequest.of(ALICE, Operation.CREATED));
    Map<String, String> attributes = new java.util.HashMap<>(event.attributes());
    attributes.remove("pii_encryption");

    assertThatThrownBy(
            () ->
                encoder.restore(
                    event.eventId(),
                    event.topic(),
                    event.orderingKey(),
                    attributes,
                    event.payload().toByteArray()))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage(
            "invalid Customer event: attribute 'pii_encryption': is missing: events of an entity"
                + " with PII carry tink-aead-v1 and their PII fields encrypted, never in clear;"
                + " nothing was published");
    EncodedEvent restored =
        encoder.restoreRecorded(
            event.eventId(),
            event.topic(),
            event.orderingKey(),
            event.attributes(),
            event.payload().toByteArray());
    assertThat(restored).isEqualTo(event);
    assertThat(
            keys.decrypt(CUSTOMER, restored.entity().toByteArray(), Customer.getDefaultInstance()))
        .isEqualTo(ALICE);
  }
}
