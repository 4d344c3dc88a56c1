package io.entityflow.schema.compare;

import static io.entityflow.schema.ContractFixtures.ORDER;
import static io.entityflow.schema.ContractFixtures.changeOrder;
import static io.entityflow.schema.ContractFixtures.ruleAndLocation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Before/after pairs that break the wire: each asserts the exact rule id and location. */
class WireRulesTest {
  private static final String AT = ORDER + ":";

  @Test
  void deletedFieldWithoutReservationIsWireBreakingAndSaysWhatToReserve() {
    CheckResult result = changeOrder("  string note = 3;\n", "\n");

    assertThat(result.findings())
        .extracting(Finding::text)
        .containsExactly(
            AT
                + "10: field-deleted [wire-breaking] field 'note' (3, string) of"
                + " acme.shop.order.v1.Order was deleted without reserving its number and name."
                + " Fix: reserve field 3 and name 'note' in acme.shop.order.v1.Order (reserved 3;"
                + " reserved \"note\";) so that neither is reused with another meaning");
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void deletedFieldWithOnlyItsNumberReservedAsksToReserveTheName() {
    CheckResult result = changeOrder("  string note = 3;\n", "  reserved 3;\n");

    assertThat(ruleAndLocation(result)).containsExactly("field-deleted " + AT + "10");
    assertThat(result.findings().get(0).fix())
        .startsWith("also reserve name 'note' in acme.shop.order.v1.Order (reserved \"note\";)");
  }

  @Test
  void deletedFieldOfNestedMessageIsCheckedLikeEntityFields() {
    CheckResult result = changeOrder("  string city = 2;\n", "\n");

    assertThat(ruleAndLocation(result)).containsExactly("field-deleted " + AT + "50");
    assertThat(result.findings().get(0).scope()).isEqualTo("acme.shop.order.v1.Address");
  }

  @Test
  void numberReusedByFieldOfOtherNameAndTypeIsWireBreaking() {
    CheckResult result = changeOrder("string note = 3;", "int64 priority = 3;");

    assertThat(ruleAndLocation(result)).containsExactly("field-number-reused " + AT + "25");
    assertThat(result.findings().get(0).fix())
        .isEqualTo(
            "give 'priority' an unused number and reserve field 3 and name 'note' (reserved 3;"
                + " reserved \"note\";)");
  }

  @Test
  void reservedNumberUsedAgainIsWireBreaking() {
    CheckResult result =
        changeOrder("reserved 20;", "", "bool gift = 12;", "bool gift = 12; int32 slot = 20;");

    assertThat(ruleAndLocation(result)).containsExactly("field-number-reused " + AT + "46");
  }

  @Test
  void reservedNameUsedAgainIsWireBreaking() {
    CheckResult result =
        changeOrder(
            "reserved \"legacy_code\";",
            "",
            "bool gift = 12;",
            "bool gift = 12; string legacy_code = 13;");

    assertThat(ruleAndLocation(result)).containsExactly("field-number-reused " + AT + "46");
    assertThat(result.findings().get(0).change()).contains("uses the name 'legacy_code'");
  }

  @Test
  void fieldMovedToAnotherNumberIsOneFinding() {
    CheckResult result = changeOrder("string note = 3;", "string note = 13;");

    assertThat(ruleAndLocation(result)).containsExactly("field-number-changed " + AT + "25");
  }

  @Test
  void int32ToStringIsWireIncompatible() {
    CheckResult result = changeOrder("int32 quantity = 2;", "string quantity = 2;");

    assertThat(ruleAndLocation(result)).containsExactly("field-type-changed " + AT + "23");
    assertThat(result.findings().get(0).change())
        .isEqualTo(
            "field 'quantity' (2) of acme.shop.order.v1.Order changed type from int32 to string,"
                + " which is not wire-compatible.");
  }

  @Test
  void int32ToSint32IsWireIncompatible() {
    CheckResult result = changeOrder("int32 quantity = 2;", "sint32 quantity = 2;");

    assertThat(ruleAndLocation(result)).containsExactly("field-type-changed " + AT + "23");
  }

  @Test
  void int64ToDoubleIsWireIncompatible() {
    CheckResult result = changeOrder("int64 total_cents = 11;", "double total_cents = 11;");

    assertThat(ruleAndLocation(result)).containsExactly("field-type-changed " + AT + "44");
  }

  @Test
  void messageToStringIsWireIncompatible() {
    CheckResult result = changeOrder("Address shipping = 4;", "string shipping = 4;");

    assertThat(ruleAndLocation(result)).containsExactly("field-type-changed " + AT + "27");
  }

  @Test
  void timestampToWrapperIsWireIncompatible() {
    CheckResult result =
        changeOrder(
            "import \"google/protobuf/timestamp.proto\";",
            "import \"google/protobuf/timestamp.proto\"; import \"google/protobuf/wrappers.proto\";",
            "google.protobuf.Timestamp placed_at = 10;",
            "google.protobuf.Int64Value placed_at = 10;");

    assertThat(ruleAndLocation(result)).containsExactly("field-type-changed " + AT + "42");
  }

  @Test
  void singularToRepeatedChangesCardinality() {
    CheckResult result = changeOrder("string note = 3;", "repeated string note = 3;");

    assertThat(ruleAndLocation(result)).containsExactly("field-cardinality-changed " + AT + "25");
  }

  @Test
  void repeatedToSingularChangesCardinality() {
    CheckResult result = changeOrder("repeated string tags = 6;", "string tags = 6;");

    assertThat(ruleAndLocation(result)).containsExactly("field-cardinality-changed " + AT + "31");
  }

  @Test
  void fieldMovedIntoAOneofIsWireBreaking() {
    CheckResult result = changeOrder("string note = 3;", "oneof remark { string note = 3; }");

    assertThat(ruleAndLocation(result)).containsExactly("field-oneof-changed " + AT + "25");
    assertThat(result.findings().get(0).change())
        .contains("from outside any oneof to oneof 'remark'");
  }

  @Test
  void fieldMovedOutOfAOneofIsWireBreaking() {
    CheckResult result =
        changeOrder(
            "    // Voucher code.\n    string voucher = 9;\n  }\n",
            "  }\n  // Voucher code.\n  string voucher = 9;\n");

    assertThat(ruleAndLocation(result)).containsExactly("field-oneof-changed " + AT + "40");
  }

  @Test
  void mapToRepeatedIsWireBreaking() {
    CheckResult result =
        changeOrder("map<string, string> attributes = 7;", "repeated string attributes = 7;");

    assertThat(ruleAndLocation(result)).containsExactly("field-map-changed " + AT + "33");
  }

  @Test
  void mapValueTypeChangeIsWireBreaking() {
    CheckResult result =
        changeOrder("map<string, string> attributes = 7;", "map<string, int64> attributes = 7;");

    assertThat(ruleAndLocation(result)).containsExactly("field-type-changed " + AT + "33");
  }

  @Test
  void deletedEnumValueWithoutReservationIsWireBreaking() {
    CheckResult result = changeOrder("  SHIPPED = 2;\n", "\n");

    assertThat(ruleAndLocation(result)).containsExactly("enum-value-deleted " + AT + "64");
    assertThat(result.findings().get(0).fix())
        .isEqualTo(
            "reserve 2 and \"SHIPPED\" in acme.shop.order.v1.Status (reserved 2; reserved"
                + " \"SHIPPED\";)");
  }

  @Test
  void enumValueOnReservedNumberIsWireBreaking() {
    CheckResult result =
        changeOrder("  reserved 9;\n", "\n", "SHIPPED = 2;", "SHIPPED = 2; LOST = 9;");

    assertThat(ruleAndLocation(result)).containsExactly("enum-value-number-reused " + AT + "71");
  }

  @Test
  void deletedMessageIsWireBreaking() {
    CheckResult result =
        changeOrder(
            "// A coupon, not yet used by any entity.\nmessage Coupon {\n  // The code.\n"
                + "  string code = 1;\n}\n",
            "");

    assertThat(ruleAndLocation(result)).containsExactly("message-deleted " + AT + "58");
    assertThat(result.findings().get(0).fix())
        .isEqualTo(
            "keep acme.shop.order.v1.Coupon (old payloads and readers use it), or make the change"
                + " in a new major package acme.shop.order.v2 beside the untouched"
                + " acme.shop.order.v1");
  }

  @Test
  void deletedEnumIsWireBreaking() {
    CheckResult result =
        changeOrder(
            "// Parcel carriers.\nenum Carrier {\n  // Unknown.\n  CARRIER_UNSPECIFIED = 0;\n"
                + "  // Post.\n  POST = 1;\n}\n",
            "");

    assertThat(ruleAndLocation(result)).containsExactly("enum-deleted " + AT + "75");
  }

  @Test
  void changedIdFieldIsWireBreaking() {
    CheckResult result = changeOrder("id_field: \"order_id\"", "id_field: \"note\"");

    assertThat(ruleAndLocation(result)).containsExactly("id-field-changed " + AT + "10");
  }
}
