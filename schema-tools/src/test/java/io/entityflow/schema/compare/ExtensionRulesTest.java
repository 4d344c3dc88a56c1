package io.entityflow.schema.compare;

import static io.entityflow.schema.ContractFixtures.baseFiles;
import static io.entityflow.schema.ContractFixtures.compare;
import static io.entityflow.schema.ContractFixtures.edit;
import static io.entityflow.schema.ContractFixtures.ruleAndLocation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Extensions ({@code extend}) and other proto2 rules: a proto2 file beside the base contract, its
 * extensions changed in cardinality and type, required fields, and its migration to editions.
 */
class ExtensionRulesTest {
  private static final String LEGACY = "acme/shop/legacy/v1/legacy.proto";
  private static final String AT = LEGACY + ":";

  private static final String PROTO2 =
      """
      // Legacy messages with extensions.
      syntax = "proto2";

      package acme.shop.legacy.v1;

      // A message others extend.
      message Envelope {
        extensions 100 to 199;
        // Id.
        optional string id = 1;
      }

      extend Envelope {
        // Tracking code.
        optional string tracking = 100;
        // Weights.
        repeated int32 weights = 101;
      }

      // Extensions nested in a message.
      message Parcel {
        extend Envelope {
          // Parcel size.
          optional int64 size = 102;
        }
      }

      // Parcel kinds.
      enum Kind {
        // Unknown.
        KIND_UNSPECIFIED = 0;
        // Box.
        BOX = 1;
      }
      """;

  /** The base contract plus the legacy file. */
  private static Map<String, String> legacy() {
    Map<String, String> files = baseFiles();
    files.put(LEGACY, PROTO2);
    return files;
  }

  /** Compares the legacy contract with a copy where {@code from} became {@code to}. */
  private static CheckResult change(String from, String to) {
    return compare(legacy(), edit(legacy(), LEGACY, from, to));
  }

  @Test
  void extensionMadeRepeatedIsWireBreaking() {
    CheckResult result =
        change("optional string tracking = 100;", "repeated string tracking = 100;");

    assertThat(result.findings())
        .extracting(Finding::text)
        .containsExactly(
            AT
                + "15: extension-cardinality-changed [wire-breaking] extension"
                + " acme.shop.legacy.v1.tracking (100, repeated string) of"
                + " acme.shop.legacy.v1.Envelope changed from optional to repeated. Fix: keep it"
                + " optional, or make the change in a new major package acme.shop.legacy.v2 beside"
                + " the untouched acme.shop.legacy.v1");
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void nestedExtensionWithAnotherWireTypeIsWireBreaking() {
    CheckResult result = change("optional int64 size = 102;", "optional string size = 102;");

    assertThat(ruleAndLocation(result)).containsExactly("extension-type-changed " + AT + "24");
    assertThat(result.findings().get(0).change())
        .isEqualTo(
            "extension acme.shop.legacy.v1.Parcel.size (102, string) of"
                + " acme.shop.legacy.v1.Envelope changed type from int64 to string, which is not"
                + " wire-compatible.");
  }

  @Test
  void extensionWidenedOnTheWireIsNoFinding() {
    CheckResult result = change("repeated int32 weights = 101;", "repeated int64 weights = 101;");

    assertThat(result.findings()).isEmpty();
  }

  @Test
  void deletedExtensionIsWireBreakingAtItsBaseLine() {
    CheckResult result = change("  // Weights.\n  repeated int32 weights = 101;\n", "");

    assertThat(ruleAndLocation(result)).containsExactly("extension-deleted " + AT + "17");
  }

  @Test
  void addedExtensionIsCompatible() {
    CheckResult result =
        change(
            "repeated int32 weights = 101;\n",
            "repeated int32 weights = 101;\n  // Note.\n  optional string note = 103;\n");

    assertThat(ruleAndLocation(result)).containsExactly("extension-added " + AT + "19");
  }

  @Test
  void proto2FieldMadeRequiredIsWireBreaking() {
    CheckResult result = change("optional string id = 1;", "required string id = 1;");

    assertThat(ruleAndLocation(result)).containsExactly("field-cardinality-changed " + AT + "10");
    assertThat(result.findings().get(0).change())
        .isEqualTo(
            "field 'id' (1) of acme.shop.legacy.v1.Envelope changed from optional to required:"
                + " readers of the required version reject every payload without it.");
  }

  @Test
  void proto2MigratedToEditionsWithClosedEnumsIsNoChange() {
    CheckResult result =
        compare(legacy(), toEditions("edition = \"2023\";\noption features.enum_type = CLOSED;\n"));

    assertThat(result.findings()).extracting(Finding::text).isEmpty();
  }

  @Test
  void proto2MigratedToEditionsWithDefaultOpenEnumsChangesTheEnum() {
    CheckResult result = compare(legacy(), toEditions("edition = \"2023\";\n"));

    assertThat(ruleAndLocation(result)).containsExactly("enum-type-changed " + AT + "29");
  }

  /** The legacy file with its syntax line replaced and the proto2 {@code optional} labels gone. */
  private static Map<String, String> toEditions(String header) {
    return edit(edit(legacy(), LEGACY, "syntax = \"proto2\";\n", header), LEGACY, "optional ", "");
  }
}
