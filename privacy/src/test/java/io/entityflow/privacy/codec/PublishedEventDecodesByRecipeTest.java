package io.entityflow.privacy.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.retail.customer.v1.Customer;
import com.acme.retail.sale.v1.CardPayment;
import com.acme.retail.sale.v1.Sale;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.StringValue;
import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A published payload read by the recipe of "PII on the wire" in {@code proto/README.md} alone: the
 * Protobuf wire format (here {@link CodedInputStream} and {@link UnknownFieldSet}, no contract or
 * privacy class) and a Tink AEAD built from the subject's keyset, with the subject id as associated
 * data. Only the payloads are made with the codec.
 */
class PublishedEventDecodesByRecipeTest {
  private final InMemorySubjectKeysets keysets = new InMemorySubjectKeysets();
  private final PiiEncryptor encryptor = new PiiEncryptor(keysets);

  // ---- the recipe: nothing below this line knows Entityflow's classes ----

  /** Step 3: the subject's AEAD from its Tink keyset (binary keyset format). */
  private static Aead aead(byte[] keyset) throws GeneralSecurityException {
    AeadConfig.register();
    return TinkProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get())
        .getPrimitive(RegistryConfiguration.get(), Aead.class);
  }

  /** Step 4: one PII value = AEAD decrypt(ciphertext, UTF-8 subject id), a UTF-8 text. */
  private static String plaintext(Aead aead, ByteString ciphertext, String subjectId)
      throws GeneralSecurityException {
    return new String(aead.decrypt(ciphertext.toByteArray(), subjectId.getBytes(UTF_8)), UTF_8);
  }

  /** The length-delimited values of field {@code number}, in wire order (one per element). */
  private static List<ByteString> lengthDelimited(ByteString message, int number)
      throws IOException {
    List<ByteString> values = new ArrayList<>();
    CodedInputStream in = message.newCodedInput();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (WireFormat.getTagFieldNumber(tag) == number
          && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        values.add(in.readBytes());
      } else {
        in.skipField(tag);
      }
    }
    return values;
  }

  private static ByteString only(ByteString message, int number) throws IOException {
    List<ByteString> values = lengthDelimited(message, number);
    assertThat(values).hasSize(1);
    return values.get(0);
  }

  // ---- the payloads, made by the publisher side ----

  @Test
  void customerPayloadDecodesByTheRecipe() throws Exception {
    Customer customer =
        Customer.newBuilder()
            .setCustomerId("c-7")
            .setEmail("ada@example.com")
            .setFullName("Ada Lovelace")
            .setPhone(StringValue.of("+43 664 1234567"))
            .setMarketingOptIn(true)
            .setCountry("AT")
            .build();
    ByteString payload =
        ByteString.copyFrom(
            encryptor.encrypt(PiiFixtures.ACME.require(Customer.getDescriptor()), customer));

    // Step 1: the subject id, in clear: Customer's subject is its id_field customer_id (1).
    String subject = only(payload, 1).toStringUtf8();
    // Step 2-3: the subject's keyset, from the key store.
    Aead aead = aead(keysets.serializedKeyset(subject));

    assertThat(subject).isEqualTo("c-7");
    assertThat(plaintext(aead, only(payload, 2), subject)).isEqualTo("ada@example.com");
    assertThat(plaintext(aead, only(payload, 3), subject)).isEqualTo("Ada Lovelace");
    // A wrapper (StringValue phone = 4) is one ciphertext of its inner value's text.
    assertThat(plaintext(aead, only(payload, 4), subject)).isEqualTo("+43 664 1234567");
    // Non-PII fields read as usual.
    UnknownFieldSet fields = UnknownFieldSet.parseFrom(payload);
    assertThat(fields.getField(5).getVarintList()).containsExactly(1L);
    assertThat(fields.getField(9).getLengthDelimitedList())
        .containsExactly(ByteString.copyFromUtf8("AT"));
  }

  @Test
  void salePayloadWithCardholderNameInsideTheOneofDecodesByTheRecipe() throws Exception {
    Sale sale =
        Sale.newBuilder()
            .setSaleId("s-1001")
            .setCustomerId("c-42")
            .setStoreId("store-7")
            .setCard(
                CardPayment.newBuilder()
                    .setScheme("VISA")
                    .setLast4("4242")
                    .setCardholderName("Ada Lovelace"))
            .build();
    ByteString payload =
        ByteString.copyFrom(
            encryptor.encrypt(PiiFixtures.ACME.require(Sale.getDescriptor()), sale));

    // Sale's pii_subject_field is customer_id (2).
    String subject = only(payload, 2).toStringUtf8();
    Aead aead = aead(keysets.serializedKeyset(subject));
    // card (7) is a clear CardPayment; its cardholder_name (3) is the ciphertext.
    ByteString card = only(payload, 7);

    assertThat(subject).isEqualTo("c-42");
    assertThat(plaintext(aead, only(card, 3), subject)).isEqualTo("Ada Lovelace");
    assertThat(only(card, 2).toStringUtf8()).isEqualTo("4242");
    assertThat(only(payload, 3).toStringUtf8()).isEqualTo("store-7");
  }

  @Test
  void integerSubjectRepeatedMapAndTimestampValuesDecodeByTheRecipe() throws Exception {
    ByteString payload =
        ByteString.copyFrom(encryptor.encrypt(PiiFixtures.PII_TYPES, PiiFixtures.everyField()));

    // person_id (2) is an int64 subject: its id is the decimal number.
    UnknownFieldSet fields = UnknownFieldSet.parseFrom(payload);
    String subject = Long.toString(fields.getField(2).getVarintList().get(0));
    Aead aead = aead(keysets.serializedKeyset(subject));

    assertThat(subject).isEqualTo("42");
    // uint64 a_uint64 (8): unsigned decimal.
    assertThat(plaintext(aead, only(payload, 8), subject)).isEqualTo("18446744073709551615");
    // repeated string repeated_strings (20): one ciphertext per element.
    List<String> elements = new ArrayList<>();
    for (ByteString element : lengthDelimited(payload, 20)) {
      elements.add(plaintext(aead, element, subject));
    }
    assertThat(elements).containsExactly("a", "");
    // map<string, string> a_map (23): entries with the key (1) in clear, the value (2) encrypted.
    List<String> entries = new ArrayList<>();
    for (ByteString entry : lengthDelimited(payload, 23)) {
      entries.add(only(entry, 1).toStringUtf8() + "=" + plaintext(aead, only(entry, 2), subject));
    }
    assertThat(entries).containsExactly("nick=Ada", "empty=");
    // Timestamp a_timestamp (28): RFC 3339 UTC with six fraction digits.
    assertThat(plaintext(aead, only(payload, 28), subject))
        .isEqualTo("2026-12-06T11:00:00.123456Z");
    // A user message a_message (19): compact proto3 JSON.
    assertThat(plaintext(aead, only(payload, 19), subject))
        .isEqualTo(
            "{\"kind\":\"home\",\"phone\":\"+43 1 234\",\"address\":{\"city\":\"Wien\","
                + "\"street\":\"Ring 1\"}}");
  }
}
