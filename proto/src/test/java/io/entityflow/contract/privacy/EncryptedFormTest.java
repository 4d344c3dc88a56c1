package io.entityflow.contract.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.retail.customer.v1.Customer;
import com.acme.retail.loyalty.v1.LoyaltyAccrual;
import com.acme.retail.sale.v1.CardPayment;
import com.acme.retail.sale.v1.Sale;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.testing.proto.AllTypes;
import io.entityflow.testing.proto.PiiTypes;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The encrypted form: PII fields become bytes fields with the same number and name. */
class EncryptedFormTest {
  private static final EntityRegistry ACME = EntityRegistry.load();
  private static final EntityRegistry TESTING =
      EntityRegistry.fromFiles(
          List.of(AllTypes.getDescriptor().getFile(), PiiTypes.getDescriptor().getFile()));

  private static List<String> fields(Descriptor message) {
    return message.getFields().stream()
        .map(f -> f.getNumber() + " " + f.getName() + " " + shape(f))
        .toList();
  }

  private static String shape(FieldDescriptor field) {
    String type =
        switch (field.getJavaType()) {
          case MESSAGE ->
              field.isMapField()
                  ? "map<"
                      + shape(field.getMessageType().findFieldByNumber(1))
                      + ", "
                      + shape(field.getMessageType().findFieldByNumber(2))
                      + ">"
                  : field.getMessageType().getFullName();
          case ENUM -> field.getEnumType().getFullName();
          default -> field.getType().name().toLowerCase(Locale.ROOT);
        };
    String oneof =
        field.getRealContainingOneof() == null
            ? ""
            : " in " + field.getRealContainingOneof().getName();
    return (field.isRepeated() && !field.isMapField() ? "repeated " : "") + type + oneof;
  }

  @Test
  void saleKeepsItsFieldsAndCardholderNameInsideTheOneofBecomesBytes() {
    Descriptor sale = EncryptedForm.of(ACME.require(Sale.getDescriptor()));

    assertThat(sale.getFullName()).isEqualTo("acme.retail.sale.v1.Sale");
    assertThat(sale).isNotSameAs(Sale.getDescriptor());
    assertThat(fields(sale))
        .containsExactly(
            "1 sale_id string",
            "2 customer_id string",
            "3 store_id string",
            "4 sold_at google.protobuf.Timestamp",
            "5 line_items repeated acme.retail.sale.v1.LineItem",
            "6 total acme.common.v1.Money",
            "7 card acme.retail.sale.v1.CardPayment in payment",
            "8 cash acme.retail.sale.v1.CashPayment in payment",
            "9 voucher_code string in payment",
            "10 channel acme.retail.sale.v1.Channel",
            "11 labels map<string, string>",
            "12 loyalty_points google.protobuf.Int64Value",
            "13 receipt_number string");
    assertThat(fields(sale.findFieldByName("card").getMessageType()))
        .containsExactly("1 scheme string", "2 last4 string", "3 cardholder_name bytes");
    assertThat(sale.findFieldByName("card").getMessageType())
        .isNotSameAs(CardPayment.getDescriptor());
    assertThat(sale.findFieldByName("receipt_number").hasPresence()).isTrue();
  }

  @Test
  void customerPhoneWrapperBecomesOneBytesField() {
    Descriptor customer = EncryptedForm.of(ACME.require(Customer.getDescriptor()));

    assertThat(fields(customer))
        .containsExactly(
            "1 customer_id string",
            "2 email bytes",
            "3 full_name bytes",
            "4 phone bytes",
            "5 marketing_opt_in bool",
            "6 signed_up_at google.protobuf.Timestamp",
            "7 segment acme.retail.customer.v1.Segment",
            "8 preferences google.protobuf.Struct",
            "9 country string");
    assertThat(customer.findFieldByName("preferences").getMessageType())
        .isSameAs(com.google.protobuf.Struct.getDescriptor());
  }

  @Test
  void allTypesOnlyRewritesItsPiiTextField() {
    Descriptor original = TESTING.require(AllTypes.getDescriptor()).descriptor();
    Descriptor allTypes = EncryptedForm.of(TESTING.require(AllTypes.getDescriptor()));

    List<String> expected =
        fields(original).stream()
            .map(f -> f.equals("44 pii_text string") ? "44 pii_text bytes" : f)
            .toList();
    assertThat(fields(allTypes)).containsExactlyElementsOf(expected).contains("44 pii_text bytes");
  }

  @Test
  void everyPiiShapeOfTheTestContractIsRewritten() {
    Descriptor pii = EncryptedForm.of(TESTING.require(PiiTypes.getDescriptor()));

    assertThat(fields(pii))
        .containsExactly(
            "1 id string",
            "2 person_id int64",
            "3 a_double bytes",
            "4 a_float bytes",
            "5 an_int32 bytes",
            "6 an_int64 bytes",
            "7 a_uint32 bytes",
            "8 a_uint64 bytes",
            "9 a_sint32 bytes",
            "10 a_sint64 bytes",
            "11 a_fixed32 bytes",
            "12 a_fixed64 bytes",
            "13 an_sfixed32 bytes",
            "14 an_sfixed64 bytes",
            "15 a_bool bytes",
            "16 a_string bytes",
            "17 a_bytes bytes",
            "18 an_enum bytes",
            "19 a_message bytes",
            "20 repeated_strings repeated bytes",
            "21 repeated_int64s repeated bytes",
            "22 repeated_messages repeated bytes",
            "23 a_map map<string, bytes>",
            "24 a_message_map map<int32, bytes>",
            "25 choice_text bytes in choice",
            "26 choice_message entityflow.testing.v1.PiiContact in choice",
            "27 optional_string bytes",
            "28 a_timestamp bytes",
            "29 a_duration bytes",
            "30 a_double_value bytes",
            "31 a_float_value bytes",
            "32 an_int64_value bytes",
            "33 a_uint64_value bytes",
            "34 an_int32_value bytes",
            "35 a_uint32_value bytes",
            "36 a_bool_value bytes",
            "37 a_string_value bytes",
            "38 a_bytes_value bytes",
            "39 a_struct bytes",
            "40 a_value bytes",
            "41 a_list_value bytes",
            "42 contact entityflow.testing.v1.PiiContact",
            "43 contacts repeated entityflow.testing.v1.PiiContact",
            "44 contacts_by_kind map<string, entityflow.testing.v1.PiiContact>",
            "45 note string",
            "46 clear_numbers repeated int32",
            "47 clear_enum entityflow.testing.v1.PiiColor",
            "48 clear_timestamp google.protobuf.Timestamp");
    Descriptor contact = pii.findFieldByName("contact").getMessageType();
    assertThat(fields(contact))
        .containsExactly(
            "1 kind string", "2 phone bytes", "3 address entityflow.testing.v1.PiiAddress");
    assertThat(fields(contact.findFieldByName("address").getMessageType()))
        .containsExactly("1 city string", "2 street bytes");
    assertThat(pii.findFieldByName("optional_string").hasPresence()).isTrue();
    assertThat(pii.findFieldByName("repeated_int64s").isPacked()).isFalse();
    assertThat(pii.findFieldByName("a_message_map").isMapField()).isTrue();
  }

  @Test
  void entityWithoutPiiIsItsOwnEncryptedForm() {
    EntityDefinition accrual = ACME.require(LoyaltyAccrual.getDescriptor());

    assertThat(accrual.hasPii()).isFalse();
    assertThat(EncryptedForm.of(accrual)).isSameAs(accrual.descriptor());
  }

  @Test
  void encryptedFormIsCachedPerEntity() {
    EntityDefinition sale = ACME.require(Sale.getDescriptor());

    assertThat(EncryptedForm.of(sale)).isSameAs(EncryptedForm.of(sale));
  }

  @Test
  void clearFieldsOfAnEventWithoutPiiValuesReadTheSameInTheEncryptedForm() throws Exception {
    Sale sale =
        Sale.newBuilder()
            .setSaleId("s-1")
            .setCustomerId("c-42")
            .setCard(CardPayment.newBuilder().setScheme("VISA").setLast4("4242"))
            .putLabels("campaign", "spring")
            .build();

    DynamicMessage read =
        DynamicMessage.parseFrom(EncryptedForm.of(ACME.require(sale)), sale.toByteString());

    assertThat(read.toByteString()).isEqualTo(sale.toByteString());
    assertThat(read.getUnknownFields().asMap()).isEmpty();
  }
}
