package io.entityflow.schema.compare;

import static io.entityflow.schema.ContractFixtures.ORDER;
import static io.entityflow.schema.ContractFixtures.changeOrder;
import static io.entityflow.schema.ContractFixtures.ruleAndLocation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Before/after pairs that keep the wire but break BigQuery tables or queries. */
class BigQueryRulesTest {
  private static final String AT = ORDER + ":";

  @Test
  void renamedFieldIsBigQueryBreakingAndSaysHowToFix() {
    CheckResult result = changeOrder("string note = 3;", "string remark = 3;");

    assertThat(result.findings())
        .extracting(Finding::text)
        .containsExactly(
            AT
                + "25: field-renamed [bigquery-breaking] field 3 of acme.shop.order.v1.Order was"
                + " renamed from 'note' to 'remark': the BigQuery column 'note' would vanish and"
                + " break every query using it. Fix: keep the name 'note' (document the new"
                + " meaning in its comment), or make the change in a new major package"
                + " acme.shop.order.v2 beside the untouched acme.shop.order.v1");
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void renamedFieldOfNestedMessageIsBigQueryBreaking() {
    CheckResult result = changeOrder("string city = 2;", "string town = 2;");

    assertThat(ruleAndLocation(result)).containsExactly("field-renamed " + AT + "54");
  }

  @Test
  void renamedEnumValueChangesColumnValues() {
    CheckResult result = changeOrder("SHIPPED = 2;", "DISPATCHED = 2;");

    assertThat(ruleAndLocation(result)).containsExactly("enum-value-renamed " + AT + "71");
    assertThat(result.findings().get(0).change())
        .isEqualTo(
            "value 2 of acme.shop.order.v1.Status was renamed from SHIPPED to DISPATCHED: the"
                + " column values change from 'SHIPPED' to 'DISPATCHED' and break queries.");
  }

  @Test
  void stringToBytesKeepsTheWireButNotTheColumn() {
    CheckResult result = changeOrder("string note = 3;", "bytes note = 3;");

    assertThat(ruleAndLocation(result)).containsExactly("column-type-changed " + AT + "25");
    assertThat(result.findings().get(0).change())
        .isEqualTo(
            "field 'note' (3) of acme.shop.order.v1.Order changed type from string to bytes: its"
                + " BigQuery column would change from STRING to BYTES, which BigQuery cannot apply"
                + " in place.");
  }

  @Test
  void int32ToEnumKeepsTheWireButTurnsNumbersIntoNames() {
    CheckResult result = changeOrder("int32 quantity = 2;", "Status quantity = 2;");

    assertThat(ruleAndLocation(result)).containsExactly("column-type-changed " + AT + "23");
  }

  @Test
  void boolToInt32KeepsTheWireButNotTheColumn() {
    CheckResult result = changeOrder("bool gift = 12;", "int32 gift = 12;");

    assertThat(ruleAndLocation(result)).containsExactly("column-type-changed " + AT + "46");
  }

  @Test
  void int64ToFixed64IsWireBreakingNotOnlyBigQuery() {
    CheckResult result = changeOrder("int64 total_cents = 11;", "fixed64 total_cents = 11;");

    assertThat(ruleAndLocation(result)).containsExactly("field-type-changed " + AT + "44");
  }

  @Test
  void nestedMessageSwappedForOneWithOtherColumnsIsANestedShapeChange() {
    CheckResult result =
        changeOrder(
            "Address shipping = 4;",
            "Location shipping = 4;",
            "// A coupon, not yet used by any entity.",
            "message Location { string street = 1; string zip = 2; }\n"
                + "// A coupon, not yet used by any entity.");

    assertThat(ruleAndLocation(result))
        .containsExactly("nested-shape-changed " + AT + "27", "message-added " + AT + "57");
  }

  @Test
  void nestedMessageSwappedForOneWithTheSameColumnsIsCompatible() {
    CheckResult result =
        changeOrder(
            "Address shipping = 4;",
            "Location shipping = 4;",
            "// A coupon, not yet used by any entity.",
            "message Location { string street = 1; string city = 2; }\n"
                + "// A coupon, not yet used by any entity.");

    assertThat(ruleAndLocation(result))
        .containsExactly("field-type-widened " + AT + "27", "message-added " + AT + "57");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void enumSwappedForOneWithOtherValuesIsANestedShapeChange() {
    CheckResult result = changeOrder("Status status = 5;", "Carrier status = 5;");

    assertThat(ruleAndLocation(result)).containsExactly("nested-shape-changed " + AT + "29");
  }

  @Test
  void renamedEntityChangesTopicAndTable() {
    CheckResult result = changeOrder("name: \"Order\"", "name: \"Purchase\"");

    assertThat(ruleAndLocation(result)).containsExactly("entity-renamed " + AT + "10");
    assertThat(result.findings().get(0).change())
        .contains("topic and table change from order_v1 to purchase_v1");
  }

  @Test
  void changedDomainMovesTheTableToAnotherDataset() {
    CheckResult result = changeOrder("domain: \"shop\"", "domain: \"sales\"");

    assertThat(ruleAndLocation(result)).containsExactly("entity-domain-changed " + AT + "10");
  }
}
