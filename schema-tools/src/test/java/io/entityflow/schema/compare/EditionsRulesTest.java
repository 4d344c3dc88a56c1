package io.entityflow.schema.compare;

import static io.entityflow.schema.ContractFixtures.ORDER;
import static io.entityflow.schema.ContractFixtures.baseFiles;
import static io.entityflow.schema.ContractFixtures.compare;
import static io.entityflow.schema.ContractFixtures.edit;
import static io.entityflow.schema.ContractFixtures.resource;
import static io.entityflow.schema.ContractFixtures.ruleAndLocation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Protobuf Editions: the proto3 base migrated to {@code pairs/order_editions.proto} (edition 2023
 * with {@code features.field_presence = IMPLICIT}, i.e. proto3's behaviour), and editions feature
 * changes on the wire (delimited encoding, LEGACY_REQUIRED, closed enums) and in BigQuery
 * (presence).
 */
class EditionsRulesTest {
  private static final String AT = ORDER + ":";

  /** The base contract with the order file migrated to edition 2023. */
  private static Map<String, String> editions() {
    Map<String, String> files = baseFiles();
    files.put(ORDER, resource("pairs/order_editions.proto"));
    return files;
  }

  /** The migrated contract with {@code from} in the order file replaced by {@code to}. */
  private static Map<String, String> editions(String from, String to) {
    return edit(editions(), ORDER, from, to);
  }

  @Test
  void proto3MigratedToEditionsWithProto3FeaturesIsNoChange() {
    CheckResult result = compare(baseFiles(), editions());

    assertThat(result.findings()).extracting(Finding::text).isEmpty();
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void proto3OptionalMigratedToExplicitPresenceIsNoChange() {
    CheckResult result =
        compare(
            edit(baseFiles(), ORDER, "string note = 3;", "optional string note = 3;"),
            editions("string note = 3;", "string note = 3 [features.field_presence = EXPLICIT];"));

    assertThat(result.findings()).extracting(Finding::text).isEmpty();
  }

  @Test
  void editions2024IsReadLikeEditions2023() {
    CheckResult result =
        compare(editions(), editions("edition = \"2023\";", "edition = \"2024\";"));

    assertThat(result.findings()).extracting(Finding::text).isEmpty();
  }

  @Test
  void migrationThatMakesAMessageFieldDelimitedIsWireBreaking() {
    CheckResult result =
        compare(
            baseFiles(),
            editions(
                "Address shipping = 4;",
                "Address shipping = 4 [features.message_encoding = DELIMITED];"));

    assertThat(result.findings())
        .extracting(Finding::text)
        .containsExactly(
            AT
                + "29: field-type-changed [wire-breaking] field 'shipping' (4) of"
                + " acme.shop.order.v1.Order changed its message encoding from length-prefixed to"
                + " delimited (group) (features.message_encoding), which is not wire-compatible."
                + " Fix: keep it length-prefixed, or make the change in a new major package"
                + " acme.shop.order.v2 beside the untouched acme.shop.order.v1");
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void migrationThatClosesAnEnumIsWireBreaking() {
    CheckResult result =
        compare(
            baseFiles(),
            editions(
                "enum Carrier {\n", "enum Carrier {\n  option features.enum_type = CLOSED;\n"));

    assertThat(ruleAndLocation(result)).containsExactly("enum-type-changed " + AT + "77");
    assertThat(result.findings().get(0).change())
        .startsWith(
            "acme.shop.order.v1.Carrier changed from open to closed: readers of the closed");
    assertThat(result.findings().get(0).fix())
        .startsWith("keep it open (features.enum_type = OPEN), or make the change");
  }

  @Test
  void legacyRequiredFieldIsWireBreaking() {
    CheckResult result =
        compare(
            editions(),
            editions(
                "int32 quantity = 2;",
                "int32 quantity = 2 [features.field_presence = LEGACY_REQUIRED];"));

    assertThat(result.findings())
        .extracting(Finding::text)
        .containsExactly(
            AT
                + "25: field-cardinality-changed [wire-breaking] field 'quantity' (2) of"
                + " acme.shop.order.v1.Order changed from optional to required: readers of the"
                + " required version reject every payload without it. Fix: keep it optional, or"
                + " make the change in a new major package acme.shop.order.v2 beside the"
                + " untouched acme.shop.order.v1");
  }

  @Test
  void implicitToExplicitPresenceIsCompatibleAndSaysUnsetBecomesNull() {
    CheckResult result =
        compare(
            editions(),
            editions("string note = 3;", "string note = 3 [features.field_presence = EXPLICIT];"));

    assertThat(result.findings())
        .extracting(Finding::text)
        .containsExactly(
            AT
                + "27: field-presence-changed [compatible] field 'note' (3) of"
                + " acme.shop.order.v1.Order changed from implicit to explicit presence; the wire"
                + " and JSON forms stay, but an unset value is NULL in its BigQuery column from"
                + " now on, where it was the zero value.");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void fileDefaultPresenceDroppedMakesEveryImplicitScalarExplicit() {
    CheckResult result =
        compare(editions(), editions("option features.field_presence = IMPLICIT;\n", "\n"));

    assertThat(ruleAndLocation(result))
        .containsExactly(
            "field-presence-changed " + AT + "23",
            "field-presence-changed " + AT + "25",
            "field-presence-changed " + AT + "27",
            "field-presence-changed " + AT + "31",
            "field-presence-changed " + AT + "46",
            "field-presence-changed " + AT + "48",
            "field-presence-changed " + AT + "54",
            "field-presence-changed " + AT + "56",
            "field-presence-changed " + AT + "62");
  }
}
