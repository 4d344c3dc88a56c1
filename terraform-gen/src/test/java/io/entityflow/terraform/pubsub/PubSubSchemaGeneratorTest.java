package io.entityflow.terraform.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.common.v1.Money;
import com.acme.retail.sale.v1.CardPayment;
import com.acme.retail.sale.v1.CashPayment;
import com.acme.retail.sale.v1.Channel;
import com.acme.retail.sale.v1.LineItem;
import com.acme.retail.sale.v1.Sale;
import com.acme.telco.cdr.v1.CallRecord;
import com.acme.telco.cdr.v1.CallResult;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Duration;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.FloatValue;
import com.google.protobuf.Int64Value;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.protobuf.UInt64Value;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PubSubSchemaGeneratorTest {
  private static final EntityRegistry REGISTRY = EntityRegistry.load();

  @TempDir Path tmp;

  @Test
  void saleWithCardPaymentDecodesFieldForFieldWithTheGeneratedSchema() throws Exception {
    Sale sale =
        baseSale()
            .setCard(
                CardPayment.newBuilder()
                    .setScheme("VISA")
                    .setLast4("4242")
                    .setCardholderName("Ada Lovelace"))
            .build();
    assertEveryNonOneofFieldSet(sale);

    DynamicMessage decoded = roundTrip(sale, schemaOf(Sale.getDescriptor()));

    Message card = (Message) decoded.getField(fieldOf(decoded, "card"));
    assertThat(card.getField(fieldOf(card, "cardholder_name")))
        .isEqualTo(ByteString.copyFromUtf8("Ada Lovelace"));
    assertThat(fieldOf(card, "cardholder_name").getType()).isEqualTo(FieldDescriptor.Type.BYTES);
    assertThat(fieldOf(card, "last4").getType()).isEqualTo(FieldDescriptor.Type.STRING);
    assertThat(decoded.getDescriptorForType().getFullName()).isEqualTo("acme.retail.sale.v1.Sale");
  }

  @Test
  void saleWithCashPaymentAndVoucherBranchesDecodeWithTheGeneratedSchema() throws Exception {
    Descriptor schema = schemaOf(Sale.getDescriptor());
    roundTrip(
        baseSale()
            .setCash(
                CashPayment.newBuilder()
                    .setTendered(money("EUR", 50, 0))
                    .setChange(money("EUR", 7, 10)))
            .build(),
        schema);
    roundTrip(baseSale().setVoucherCode("GIFT-2024-XYZ").build(), schema);
  }

  @Test
  void callRecordWithEveryFieldSetDecodesFieldForFieldWithTheGeneratedSchema() throws Exception {
    Descriptor schema = schemaOf(CallRecord.getDescriptor());
    CallRecord.Builder record =
        CallRecord.newBuilder()
            .setRecordId("cdr-1")
            .setCallerMsisdn("+4915112345678")
            .setCalleeMsisdn("+4930123456")
            .setStartedAt(Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(5))
            .setDuration(Duration.newBuilder().setSeconds(3_723).setNanos(-1))
            .setBytesUp(-1L)
            .setBytesDown(0x8000_0000_0000_0001L)
            .addCellIds(0xFFFF_FFFF)
            .addCellIds(42)
            .setResult(CallResult.NO_ANSWER)
            .setRoaming(true)
            .setImsiHash(ByteString.copyFrom(new byte[] {0, (byte) 0xff, 7}))
            .setMosScore(FloatValue.of(4.25f))
            .setZeroRatedBytes(UInt64Value.of(Long.MIN_VALUE))
            .putSignallingCodes("msc-1", -3)
            .putSignallingCodes("hlr", 17);
    CallRecord postpaid = record.setPostpaidAmount(money("EUR", 1, 990_000_000)).build();
    assertEveryNonOneofFieldSet(postpaid);

    roundTrip(postpaid, schema);
    roundTrip(record.setPrepaidUnits(-123_456_789_012L).build(), schema);
  }

  @Test
  void everyEntityOfTheContractRoundTripsWithEveryFieldAndEveryOneofBranch() throws Exception {
    for (EntityDefinition entity : REGISTRY.entities()) {
      Descriptor schema = schemaOf(entity.descriptor());
      for (int branch = 0; branch < 3; branch++) {
        DynamicMessage original = SampleMessages.everyField(entity.descriptor(), branch);
        roundTrip(original, schema);
      }
    }
  }

  @Test
  void wellKnownAndSharedTypesAreInlinedAsNestedMessagesWithTheirFieldNumbers() {
    // The registry's descriptor carries the contract's comments (the generated class's does not).
    Descriptor sale = REGISTRY.find("acme.retail.sale.v1.Sale").orElseThrow().descriptor();

    String schema = PubSubSchemaGenerator.generate(sale);

    assertThat(schema)
        .startsWith(
            "// Pub/Sub schema of acme.retail.sale.v1.Sale, generated from"
                + " acme/retail/sale/v1/sale.proto by `entityflow terraform`. Do not edit.\n"
                + "// Self-contained: imported types are inlined as nested messages with the same"
                + " field numbers.\n"
                + "syntax = \"proto3\";\n\n"
                + "package acme.retail.sale.v1;\n\n"
                + "// A sale: the basket a customer paid for, with its line items and payment.\n"
                + "message Sale {\n")
        .contains(
            "  // Inlined from google.protobuf.Timestamp (google/protobuf/timestamp.proto).\n"
                + "  message Timestamp {\n"
                + "    int64 seconds = 1;\n"
                + "    int32 nanos = 2;\n"
                + "  }\n")
        .contains(
            "  // Inlined from google.protobuf.Int64Value (google/protobuf/wrappers.proto).\n"
                + "  message Int64Value {\n"
                + "    int64 value = 1;\n"
                + "  }\n")
        .contains("  map<string, string> labels = 11;\n")
        .contains("  optional string receipt_number = 13;\n")
        .contains("  oneof payment {\n    // Paid by card.\n    Sale.CardPayment card = 7;\n")
        .doesNotContain("import ")
        .doesNotContain("entityflow.sensitivity")
        .endsWith("}\n");
    assertThat(schema.lines().filter(l -> l.startsWith("message ")).toList())
        .containsExactly("message Sale {");
  }

  @Test
  void structValueAndListValueAreInlinedWithTheirRecursiveReferences() {
    Descriptor customer =
        REGISTRY.find("acme.retail.customer.v1.Customer").orElseThrow().descriptor();

    String schema = PubSubSchemaGenerator.generate(customer);

    assertThat(schema)
        .contains("  Customer.Struct preferences = 8;\n")
        .contains("  message Struct {\n    map<string, Customer.Value> fields = 1;\n  }\n")
        .contains("    Customer.NullValue null_value = 1;\n")
        .contains("    Customer.ListValue list_value = 6;\n")
        .contains("  message ListValue {\n    repeated Customer.Value values = 1;\n  }\n")
        .contains("  enum NullValue {\n    NULL_VALUE = 0;\n  }\n");
  }

  @Test
  void generationIsDeterministic() {
    assertThat(PubSubSchemaGenerator.generate(CallRecord.getDescriptor()))
        .isEqualTo(PubSubSchemaGenerator.generate(CallRecord.getDescriptor()));
  }

  @Test
  void nestedMessageIsRefusedNamingItAndWhatIsAllowed() {
    Descriptor nested = com.google.protobuf.Struct.getDescriptor().getNestedTypes().get(0);

    assertThatThrownBy(() -> PubSubSchemaGenerator.generate(nested))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "message 'google.protobuf.Struct.FieldsEntry' is nested; allowed: a top-level message"
                + " (an entity)");
  }

  private Descriptor schemaOf(Descriptor entity) throws IOException {
    Path dir = Files.createTempDirectory(tmp, entity.getName());
    return CompiledSchema.compile(PubSubSchemaGenerator.generate(entity), entity.getName(), dir);
  }

  /**
   * Encodes with the contract's type, decodes with the generated schema and asserts every field
   * equal, the bytes identical when re-encoded (the decoder keeps field order), and the reverse
   * decode equal to the original.
   */
  private static DynamicMessage roundTrip(Message original, Descriptor schema) throws IOException {
    byte[] bytes = original.toByteArray();
    DynamicMessage decoded = DynamicMessage.parseFrom(schema, bytes);

    assertThat(SampleMessages.canonical(decoded))
        .as("decoded %s", original.getDescriptorForType().getFullName())
        .isEqualTo(SampleMessages.canonical(original))
        .doesNotContainKey("unknown");
    assertThat(decoded.toByteArray()).isEqualTo(bytes);
    Message back = original.getParserForType().parseFrom(decoded.toByteArray());
    assertThat(back).isEqualTo(original);
    return decoded;
  }

  private static void assertEveryNonOneofFieldSet(Message message) {
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      if (field.getRealContainingOneof() != null) {
        continue;
      }
      boolean set =
          field.isRepeated() ? message.getRepeatedFieldCount(field) > 0 : message.hasField(field);
      assertThat(set).as("field %s is set", field.getName()).isTrue();
    }
  }

  private static FieldDescriptor fieldOf(Object message, String name) {
    return ((Message) message).getDescriptorForType().findFieldByName(name);
  }

  private static Sale.Builder baseSale() {
    return Sale.newBuilder()
        .setSaleId("s-1001")
        .setCustomerId("c-7")
        .setStoreId("store-berlin-1")
        .setSoldAt(Timestamp.newBuilder().setSeconds(1_700_000_123L).setNanos(456_000_000))
        .addLineItems(
            LineItem.newBuilder()
                .setSku("SKU-1")
                .setQuantity(2)
                .setUnitPrice(money("EUR", 9, 990_000_000))
                .setDiscount(money("EUR", 1, 0)))
        .addLineItems(LineItem.newBuilder().setSku("SKU-2").setQuantity(-1))
        .setTotal(money("EUR", 18, 980_000_000))
        .setChannel(Channel.WEB)
        .putLabels("campaign", "spring")
        .putLabels("till", "7")
        .setLoyaltyPoints(Int64Value.of(-5))
        .setReceiptNumber("R-0001");
  }

  private static Money money(String currency, long units, int nanos) {
    return Money.newBuilder().setCurrencyCode(currency).setUnits(units).setNanos(nanos).build();
  }
}
