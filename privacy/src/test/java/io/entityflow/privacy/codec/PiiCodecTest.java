package io.entityflow.privacy.codec;

import static io.entityflow.privacy.codec.PiiFixtures.ACME;
import static io.entityflow.privacy.codec.PiiFixtures.PII_TYPES;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.retail.customer.v1.Customer;
import com.acme.retail.loyalty.v1.LoyaltyAccrual;
import com.acme.retail.sale.v1.CardPayment;
import com.acme.retail.sale.v1.Sale;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.StringValue;
import com.google.protobuf.UnknownFieldSet;
import io.entityflow.contract.privacy.EncryptedForm;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.testing.proto.PiiContact;
import io.entityflow.testing.proto.PiiTypes;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Encrypting and decrypting whole events: round trips, the ciphertext format, forgetting. */
class PiiCodecTest {
  private static final EntityDefinition SALE = ACME.require(Sale.getDescriptor());
  private static final EntityDefinition CUSTOMER = ACME.require(Customer.getDescriptor());

  private final InMemorySubjectKeysets keysets = new InMemorySubjectKeysets();
  private final PiiEncryptor encryptor = new PiiEncryptor(keysets);
  private final PiiDecryptor decryptor = new PiiDecryptor(keysets);

  private static Sale sale() {
    return Sale.newBuilder()
        .setSaleId("s-1001")
        .setCustomerId("c-42")
        .setStoreId("store-7")
        .setCard(
            CardPayment.newBuilder()
                .setScheme("VISA")
                .setLast4("4242")
                .setCardholderName("Ada Lovelace"))
        .putLabels("campaign", "spring")
        .build();
  }

  private static DynamicMessage wire(EntityDefinition entity, byte[] payload) throws Exception {
    return DynamicMessage.parseFrom(EncryptedForm.of(entity), payload);
  }

  /** The message with every PII field, at any depth, cleared. */
  private static Message withoutPii(Message message) {
    Message.Builder builder = message.toBuilder();
    for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
      FieldDescriptor field =
          builder.getDescriptorForType().findFieldByNumber(entry.getKey().getNumber());
      if (EncryptedForm.isEncrypted(entry.getKey())) {
        builder.clearField(field);
      } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        builder.clearField(field);
        List<?> values =
            field.isRepeated() ? (List<?>) entry.getValue() : List.of(entry.getValue());
        for (Object value : values) {
          Message cleared = withoutPii((Message) value);
          if (field.isRepeated()) {
            builder.addRepeatedField(field, cleared);
          } else {
            builder.setField(field, cleared);
          }
        }
      }
    }
    return builder.build();
  }

  @Test
  void everyMappedTypeRoundTripsIncludingNestedRepeatedMapOneofAndWrappers() throws Exception {
    PiiTypes original = PiiFixtures.everyField();

    byte[] payload = encryptor.encrypt(PII_TYPES, original);
    DecryptedEvent<PiiTypes> read =
        decryptor.decrypt(PII_TYPES, payload, PiiTypes.getDefaultInstance());

    assertThat(read.message()).isEqualTo(original);
    assertThat(read.subjectId()).isEqualTo("42");
    assertThat(read.forgotten()).isFalse();
    assertThat(keysets.created()).containsExactly("42");
  }

  @Test
  void everyPiiValueTravelsAsCiphertextNeverInClear() throws Exception {
    byte[] payload = encryptor.encrypt(PII_TYPES, PiiFixtures.everyField());

    String asText = new String(payload, UTF_8);
    for (String secret :
        List.of("Ada Lovelace", "secret choice", "+43 1 234", "Ring 1", "Hauptplatz 3", "Maria")) {
      assertThat(asText).doesNotContain(secret);
    }
    assertThat(asText).contains("clear note", "Linz", "Innsbruck", "home");
  }

  @Test
  void decryptingIntoADynamicMessageGivesTheSameFields() throws Exception {
    PiiTypes original = PiiFixtures.everyField();

    DecryptedEvent<DynamicMessage> read =
        decryptor.decrypt(PII_TYPES, encryptor.encrypt(PII_TYPES, original));

    assertThat(read.message().toByteString()).isEqualTo(original.toByteString());
  }

  @Test
  void ciphertextIsTinkAeadOfTheTextFormWithTheSubjectIdAsAssociatedData() throws Exception {
    byte[] payload = encryptor.encrypt(PII_TYPES, PiiFixtures.everyField());
    DynamicMessage wire = wire(PII_TYPES, payload);
    Aead aead =
        TinkProtoKeysetFormat.parseKeyset(
                keysets.serializedKeyset("42"), InsecureSecretKeyAccess.get())
            .getPrimitive(RegistryConfiguration.get(), Aead.class);
    byte[] associatedData = "42".getBytes(UTF_8);

    byte[] name =
        ((ByteString) wire.getField(wire.getDescriptorForType().findFieldByName("a_string")))
            .toByteArray();
    byte[] uint64 =
        ((ByteString) wire.getField(wire.getDescriptorForType().findFieldByName("a_uint64")))
            .toByteArray();
    byte[] timestamp =
        ((ByteString) wire.getField(wire.getDescriptorForType().findFieldByName("a_timestamp")))
            .toByteArray();

    assertThat(new String(aead.decrypt(name, associatedData), UTF_8)).isEqualTo("Ada Lovelace");
    assertThat(new String(aead.decrypt(uint64, associatedData), UTF_8))
        .isEqualTo("18446744073709551615");
    assertThat(new String(aead.decrypt(timestamp, associatedData), UTF_8))
        .isEqualTo("2026-12-06T11:00:00.123456Z");
    // Tink output prefix (0x01 + 4-byte key id), 12-byte IV, plaintext, 16-byte tag.
    assertThat(name[0]).isEqualTo((byte) 1);
    assertThat(name).hasSize(5 + 12 + "Ada Lovelace".length() + 16);
    assertThatThrownBy(() -> aead.decrypt(name, "43".getBytes(UTF_8)))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void eachRepeatedElementAndMapValueIsItsOwnCiphertextWithKeysInClear() throws Exception {
    DynamicMessage wire = wire(PII_TYPES, encryptor.encrypt(PII_TYPES, PiiFixtures.everyField()));
    Aead aead = keysets.existingAeadFor("42").orElseThrow();
    FieldDescriptor strings = wire.getDescriptorForType().findFieldByName("repeated_strings");
    FieldDescriptor map = wire.getDescriptorForType().findFieldByName("a_map");

    assertThat(wire.getRepeatedFieldCount(strings)).isEqualTo(2);
    assertThat(
            aead.decrypt(
                ((ByteString) wire.getRepeatedField(strings, 1)).toByteArray(),
                "42".getBytes(UTF_8)))
        .isEmpty();
    Message entry = (Message) wire.getRepeatedField(map, 0);
    assertThat(entry.getField(entry.getDescriptorForType().findFieldByName("key")))
        .isEqualTo("nick");
    assertThat(
            new String(
                aead.decrypt(
                    ((ByteString)
                            entry.getField(entry.getDescriptorForType().findFieldByName("value")))
                        .toByteArray(),
                    "42".getBytes(UTF_8)),
                UTF_8))
        .isEqualTo("Ada");
  }

  @Test
  void nonPiiFieldsAreByteIdentical() throws Exception {
    PiiTypes original = PiiFixtures.everyField();
    byte[] payload = encryptor.encrypt(PII_TYPES, original);

    UnknownFieldSet clear = UnknownFieldSet.parseFrom(original.toByteArray());
    UnknownFieldSet onTheWire = UnknownFieldSet.parseFrom(payload);
    for (int number : List.of(1, 2, 45, 46, 47, 48)) {
      assertThat(onTheWire.getField(number))
          .as("field %s", number)
          .isEqualTo(clear.getField(number));
    }
    assertThat(withoutPii(wire(PII_TYPES, payload)).toByteString())
        .isEqualTo(withoutPii(original).toByteString());
  }

  @Test
  void saleRoundTripsWithTheCardholderNameInsideTheOneofEncrypted() throws Exception {
    byte[] payload = encryptor.encrypt(SALE, sale());

    DynamicMessage wire = wire(SALE, payload);
    Message card = (Message) wire.getField(wire.getDescriptorForType().findFieldByName("card"));
    assertThat(card.getField(card.getDescriptorForType().findFieldByName("cardholder_name")))
        .isInstanceOf(ByteString.class);
    assertThat(card.getField(card.getDescriptorForType().findFieldByName("last4")))
        .isEqualTo("4242");
    assertThat(decryptor.decrypt(SALE, payload, Sale.getDefaultInstance()))
        .isEqualTo(new DecryptedEvent<>(sale(), "c-42", false));
  }

  @Test
  void customerPhoneWrapperRoundTrips() throws Exception {
    Customer customer =
        Customer.newBuilder()
            .setCustomerId("c-7")
            .setEmail("ada@example.com")
            .setFullName("Ada Lovelace")
            .setPhone(StringValue.of("+43 664 1234567"))
            .setCountry("AT")
            .build();

    byte[] payload = encryptor.encrypt(CUSTOMER, customer);

    DynamicMessage wire = wire(CUSTOMER, payload);
    byte[] phone =
        ((ByteString) wire.getField(wire.getDescriptorForType().findFieldByName("phone")))
            .toByteArray();
    assertThat(
            new String(
                keysets.existingAeadFor("c-7").orElseThrow().decrypt(phone, "c-7".getBytes(UTF_8)),
                UTF_8))
        .isEqualTo("+43 664 1234567");
    assertThat(decryptor.decrypt(CUSTOMER, payload, Customer.getDefaultInstance()).message())
        .isEqualTo(customer);
  }

  @Test
  void forgottenSubjectReadsWithPiiClearedAndFlagged() throws Exception {
    byte[] payload = encryptor.encrypt(SALE, sale());
    keysets.forget("c-42");

    DecryptedEvent<Sale> read = decryptor.decrypt(SALE, payload, Sale.getDefaultInstance());

    Sale cleared =
        sale().toBuilder().setCard(sale().getCard().toBuilder().clearCardholderName()).build();
    assertThat(read).isEqualTo(new DecryptedEvent<>(cleared, "c-42", true));
  }

  @Test
  void forgottenSubjectOfEveryShapeReadsAsTheClearFieldsOnly() throws Exception {
    PiiTypes original = PiiFixtures.everyField();
    byte[] payload = encryptor.encrypt(PII_TYPES, original);
    keysets.forget("42");

    DecryptedEvent<PiiTypes> read =
        decryptor.decrypt(PII_TYPES, payload, PiiTypes.getDefaultInstance());

    assertThat(read.forgotten()).isTrue();
    assertThat(read.message()).isEqualTo(withoutPii(original));
    assertThat(read.message().getContact())
        .isEqualTo(
            PiiContact.newBuilder()
                .setKind("home")
                .setAddress(original.getContact().getAddress().toBuilder().clearStreet())
                .build());
  }

  @Test
  void piiValueWithAnEmptySubjectIsRefusedNamingEntityAndFields() {
    Sale anonymous = sale().toBuilder().clearCustomerId().build();

    assertThatThrownBy(() -> encryptor.encrypt(SALE, anonymous))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "entity Sale: PII field 'card.cardholder_name' has a value but the PII subject field"
                + " 'customer_id' is empty; allowed: a non-empty subject id (a string, or a number"
                + " other than 0) whenever a PII field has a value, else leave the PII fields unset");
    assertThat(keysets.created()).isEmpty();
  }

  @Test
  void eventWithoutPiiValuesIsUnchangedAndCreatesNoKey() throws Exception {
    Sale cash = Sale.newBuilder().setSaleId("s-2").setStoreId("store-7").build();
    PiiTypes bare = PiiTypes.newBuilder().setId("p-2").setPersonId(7).setNote("n").build();

    assertThat(encryptor.encrypt(SALE, cash)).isEqualTo(cash.toByteArray());
    assertThat(encryptor.encrypt(PII_TYPES, bare)).isEqualTo(bare.toByteArray());
    assertThat(keysets.created()).isEmpty();
    assertThat(decryptor.decrypt(SALE, cash.toByteArray(), Sale.getDefaultInstance()))
        .isEqualTo(new DecryptedEvent<>(cash, "", false));
  }

  @Test
  void entityWithoutPiiIsSerializedAsItIs() throws Exception {
    EntityDefinition accrual = ACME.require(LoyaltyAccrual.getDescriptor());
    LoyaltyAccrual event = LoyaltyAccrual.newBuilder().setAccrualId("a-1").setPoints(5).build();

    assertThat(encryptor.encrypt(accrual, event)).isEqualTo(event.toByteArray());
    assertThat(decryptor.decrypt(accrual, event.toByteArray(), LoyaltyAccrual.getDefaultInstance()))
        .isEqualTo(new DecryptedEvent<>(event, "", false));
  }

  @Test
  void tamperedCiphertextIsRefusedNamingTheField() throws Exception {
    DynamicMessage wire = wire(SALE, encryptor.encrypt(SALE, sale()));
    FieldDescriptor cardField = wire.getDescriptorForType().findFieldByName("card");
    Message card = (Message) wire.getField(cardField);
    FieldDescriptor name = card.getDescriptorForType().findFieldByName("cardholder_name");
    byte[] ciphertext = ((ByteString) card.getField(name)).toByteArray();
    ciphertext[ciphertext.length - 1] ^= 1;
    byte[] tampered =
        wire.toBuilder()
            .setField(
                cardField, card.toBuilder().setField(name, ByteString.copyFrom(ciphertext)).build())
            .build()
            .toByteArray();

    assertThatThrownBy(() -> decryptor.decrypt(SALE, tampered, Sale.getDefaultInstance()))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessageStartingWith(
            "entity Sale: PII field 'card.cardholder_name' does not decrypt with the key of subject"
                + " 'c-42' (tampered, or encrypted for another subject): ");
  }

  @Test
  void eventOfAnotherTypeIsRefused() {
    assertThatThrownBy(() -> encryptor.encrypt(SALE, PiiFixtures.everyField()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "entity Sale expects a acme.retail.sale.v1.Sale message, got"
                + " entityflow.testing.v1.PiiTypes");
    assertThatThrownBy(() -> decryptor.decrypt(SALE, new byte[0], Customer.getDefaultInstance()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "entity Sale decrypts into a acme.retail.sale.v1.Sale message, got a prototype of"
                + " acme.retail.customer.v1.Customer");
  }
}
