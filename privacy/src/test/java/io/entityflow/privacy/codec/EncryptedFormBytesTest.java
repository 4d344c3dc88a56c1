package io.entityflow.privacy.codec;

import static io.entityflow.privacy.codec.PiiFixtures.ACME;
import static io.entityflow.privacy.codec.PiiFixtures.PII_TYPES;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.retail.customer.v1.Customer;
import com.acme.retail.sale.v1.CardPayment;
import com.acme.retail.sale.v1.Sale;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.StringValue;
import io.entityflow.contract.privacy.EncryptedForm;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.testing.proto.PiiTypes;
import org.junit.jupiter.api.Test;

/**
 * The bytes the encryptor writes are exactly the serialization of their encrypted form: parsing
 * them as the encrypted form's message and serializing that again gives the same bytes (fields in
 * number order, each ciphertext once, nothing left over).
 */
class EncryptedFormBytesTest {
  private final PiiEncryptor encryptor = new PiiEncryptor(new InMemorySubjectKeysets());

  private static byte[] reserialized(EntityDefinition entity, byte[] payload) throws Exception {
    return DynamicMessage.parseFrom(EncryptedForm.of(entity), payload).toByteArray();
  }

  @Test
  void everyShapeIsWrittenAsTheCanonicalBytesOfItsEncryptedForm() throws Exception {
    PiiTypes original = PiiFixtures.everyField();

    byte[] payload = encryptor.encrypt(PII_TYPES, original);

    assertThat(reserialized(PII_TYPES, payload)).isEqualTo(payload);
  }

  @Test
  void customerAndSaleAreWrittenAsTheCanonicalBytesOfTheirEncryptedForm() throws Exception {
    EntityDefinition customer = ACME.require(Customer.getDescriptor());
    EntityDefinition sale = ACME.require(Sale.getDescriptor());
    Customer ada =
        Customer.newBuilder()
            .setCustomerId("c-42")
            .setEmail("ada@example.com")
            .setFullName("Ada Lovelace")
            .setPhone(StringValue.of("+43 1 234"))
            .setCountry("AT")
            .build();
    Sale bought =
        Sale.newBuilder()
            .setSaleId("s-1")
            .setCustomerId("c-42")
            .setCard(CardPayment.newBuilder().setScheme("VISA").setCardholderName("Ada Lovelace"))
            .putLabels("campaign", "spring")
            .build();

    byte[] customerPayload = encryptor.encrypt(customer, ada);
    byte[] salePayload = encryptor.encrypt(sale, bought);

    assertThat(reserialized(customer, customerPayload)).isEqualTo(customerPayload);
    assertThat(reserialized(sale, salePayload)).isEqualTo(salePayload);
  }

  @Test
  void encryptToByteStringHoldsTheSameFieldsAsEncrypt() throws Exception {
    EntityDefinition customer = ACME.require(Customer.getDescriptor());
    Customer ada = Customer.newBuilder().setCustomerId("c-42").setEmail("ada@example.com").build();

    byte[] payload = encryptor.encrypt(customer, ada);
    byte[] viaByteString = encryptor.encryptToByteString(customer, ada).toByteArray();

    // the ciphertexts differ (random IVs), their sizes and every other byte's place do not
    assertThat(viaByteString).hasSameSizeAs(payload);
    DynamicMessage first = DynamicMessage.parseFrom(EncryptedForm.of(customer), payload);
    DynamicMessage second = DynamicMessage.parseFrom(EncryptedForm.of(customer), viaByteString);
    assertThat(second.getAllFields().keySet()).isEqualTo(first.getAllFields().keySet());
  }
}
