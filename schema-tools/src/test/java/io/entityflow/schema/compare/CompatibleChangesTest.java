package io.entityflow.schema.compare;

import static io.entityflow.schema.ContractFixtures.ORDER;
import static io.entityflow.schema.ContractFixtures.baseFiles;
import static io.entityflow.schema.ContractFixtures.changeOrder;
import static io.entityflow.schema.ContractFixtures.compare;
import static io.entityflow.schema.ContractFixtures.delete;
import static io.entityflow.schema.ContractFixtures.ruleAndLocation;
import static io.entityflow.schema.ContractFixtures.tempDir;
import static io.entityflow.schema.ContractFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import io.entityflow.contract.compiler.ProtoCompiler;
import io.entityflow.contract.source.ContractLoader;
import io.entityflow.contract.source.ContractSnapshot;
import io.entityflow.schema.ContractFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Before/after pairs that are compatible: exact findings and no false alarms (exit 0). */
class CompatibleChangesTest {
  private static final String AT = ORDER + ":";

  @Test
  void identicalContractsHaveNoFindings() {
    CheckResult result = compare(baseFiles(), baseFiles());

    assertThat(result.findings()).isEmpty();
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void baseWithoutSourceInfoReportsNoCommentChanges() throws Exception {
    Path dir = tempDir("entityflow-nosource-");
    try {
      FileDescriptorSet.Builder set =
          ProtoCompiler.locate().compile(write(baseFiles(), dir)).toBuilder();
      set.getFileBuilderList().forEach(file -> file.clearSourceCodeInfo());
      ContractSnapshot stripped = ContractLoader.fromDescriptorSet("stripped", set.build());

      CheckResult result = ContractComparator.compare(stripped, ContractFixtures.base());

      assertThat(result.findings()).isEmpty();
    } finally {
      delete(dir);
    }
  }

  @Test
  void addedFieldIsCompatible() {
    CheckResult result = changeOrder("bool gift = 12;", "bool gift = 12; string coupon = 14;");

    assertThat(result.findings())
        .extracting(Finding::text)
        .containsExactly(
            AT
                + "46: field-added [compatible] field 'coupon' (14, string) of"
                + " acme.shop.order.v1.Order was added.");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void addedOptionalFieldIsCompatible() {
    CheckResult result =
        changeOrder("bool gift = 12;", "bool gift = 12; optional string coupon = 14;");

    assertThat(ruleAndLocation(result)).containsExactly("field-added " + AT + "46");
  }

  @Test
  void addedFieldInNestedMessageIsCompatible() {
    CheckResult result = changeOrder("string city = 2;", "string city = 2; string zip = 3;");

    assertThat(ruleAndLocation(result)).containsExactly("field-added " + AT + "54");
  }

  @Test
  void deletedFieldWithNumberAndNameReservedIsRetired() {
    CheckResult result = changeOrder("  string note = 3;\n", "  reserved 3; reserved \"note\";\n");

    assertThat(ruleAndLocation(result)).containsExactly("field-retired " + AT + "10");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void addedEnumValueIsCompatible() {
    CheckResult result = changeOrder("SHIPPED = 2;", "SHIPPED = 2; RETURNED = 3;");

    assertThat(ruleAndLocation(result)).containsExactly("enum-value-added " + AT + "71");
  }

  @Test
  void deletedEnumValueWithReservationIsRetired() {
    CheckResult result = changeOrder("  SHIPPED = 2;\n", "  reserved 2; reserved \"SHIPPED\";\n");

    assertThat(ruleAndLocation(result)).containsExactly("enum-value-retired " + AT + "64");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void addedMessageIsCompatible() {
    CheckResult result =
        changeOrder(
            "// A coupon, not yet used by any entity.",
            "message Gift { string text = 1; }\n// A coupon, not yet used by any entity.");

    assertThat(ruleAndLocation(result)).containsExactly("message-added " + AT + "57");
  }

  @Test
  void addedEnumIsCompatible() {
    CheckResult result =
        changeOrder(
            "// Parcel carriers.", "enum Size { SIZE_UNSPECIFIED = 0; }\n// Parcel carriers.");

    assertThat(ruleAndLocation(result)).containsExactly("enum-added " + AT + "74");
  }

  @Test
  void commentOnlyChangeIsCompatible() {
    CheckResult result = changeOrder("// Free-text note.", "// Free-text note of the customer.");

    assertThat(ruleAndLocation(result)).containsExactly("comment-changed " + AT + "25");
  }

  @Test
  void entityCommentChangeIsOneFindingEvenThoughItIsTheTableDescription() {
    CheckResult result =
        changeOrder("// An order placed in the shop.", "// An order placed in the web shop.");

    assertThat(ruleAndLocation(result)).containsExactly("comment-changed " + AT + "10");
  }

  @Test
  void messageCommentChangeIsCompatible() {
    CheckResult result = changeOrder("// A postal address.", "// A postal address in Europe.");

    assertThat(ruleAndLocation(result)).containsExactly("comment-changed " + AT + "50");
  }

  @Test
  void sensitivityOptionChangeIsCompatible() {
    CheckResult result =
        changeOrder("string note = 3;", "string note = 3 [(entityflow.sensitivity) = PII];");

    assertThat(ruleAndLocation(result)).containsExactly("option-changed " + AT + "25");
    assertThat(result.findings().get(0).change())
        .isEqualTo(
            "the options of field 'note' (3) of acme.shop.order.v1.Order changed from [] to"
                + " [[entityflow.sensitivity]: PII].");
  }

  @Test
  void ownerAndRevisionChangeIsCompatible() {
    CheckResult result = changeOrder("owner: \"team-orders\"", "owner: \"team-sales\" revision: 1");

    assertThat(result.findings())
        .extracting(Finding::text)
        .containsExactly(
            AT
                + "10: option-changed [compatible] entity options of Order changed: owner"
                + " 'team-orders' -> 'team-sales', revision '0' -> '1'.");
  }

  @Test
  void addedReservationIsCompatible() {
    CheckResult result = changeOrder("reserved 20;", "reserved 20, 30 to 32;");

    assertThat(ruleAndLocation(result)).containsExactly("reserved-added " + AT + "10");
    assertThat(result.findings().get(0).change())
        .isEqualTo("acme.shop.order.v1.Order newly reserves 30 to 32.");
  }

  @Test
  void int32ToInt64KeepsTheColumn() {
    CheckResult result = changeOrder("int32 quantity = 2;", "int64 quantity = 2;");

    assertThat(ruleAndLocation(result)).containsExactly("field-type-widened " + AT + "23");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void int64ToUint64WidensTheColumnInPlace() {
    CheckResult result = changeOrder("int64 total_cents = 11;", "uint64 total_cents = 11;");

    assertThat(ruleAndLocation(result)).containsExactly("field-type-widened " + AT + "44");
    assertThat(result.findings().get(0).change())
        .endsWith(
            "its column widens from INT64 to NUMERIC (ALTER COLUMN total_cents SET DATA TYPE"
                + " NUMERIC).");
  }

  @Test
  void addingOptionalKeywordToAFieldOnlyChangesItsPresence() {
    CheckResult result = changeOrder("string note = 3;", "optional string note = 3;");

    assertThat(ruleAndLocation(result)).containsExactly("field-presence-changed " + AT + "25");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void reorderedDeclarationsAreNoChange() {
    CheckResult result =
        changeOrder(
            "  // Unique id of the order.\n  string order_id = 1;\n  // Number of items.\n"
                + "  int32 quantity = 2;\n",
            "  // Number of items.\n  int32 quantity = 2;\n  // Unique id of the order.\n"
                + "  string order_id = 1;\n");

    assertThat(result.findings()).isEmpty();
  }
}
