package io.entityflow.schema.compare;

import static io.entityflow.schema.ContractFixtures.ORDER;
import static io.entityflow.schema.ContractFixtures.baseFiles;
import static io.entityflow.schema.ContractFixtures.changeOrder;
import static io.entityflow.schema.ContractFixtures.compare;
import static io.entityflow.schema.ContractFixtures.edit;
import static io.entityflow.schema.ContractFixtures.ruleAndLocation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Before/after pairs that keep the binary form but break readers of the proto JSON form. */
class JsonRulesTest {
  private static final String AT = ORDER + ":";

  @Test
  void changedJsonNameIsJsonBreakingAndSaysWhichToKeep() {
    CheckResult result =
        changeOrder("string note = 3;", "string note = 3 [json_name = \"remark\"];");

    assertThat(result.findings())
        .extracting(Finding::text)
        .containsExactly(
            AT
                + "25: field-json-name-changed [json-breaking] field 'note' (3) of"
                + " acme.shop.order.v1.Order changed its JSON name from 'note' to 'remark':"
                + " readers of the proto JSON form (Pub/Sub BigQuery subscriptions, many non-Java"
                + " clients) no longer find it. Fix: keep the JSON name 'note' (json_name ="
                + " \"note\"), or make the change in a new major package acme.shop.order.v2"
                + " beside the untouched acme.shop.order.v1");
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void removedJsonNameThatDifferedFromTheDefaultIsJsonBreaking() {
    CheckResult result =
        compare(
            edit(
                baseFiles(),
                ORDER,
                "int64 total_cents = 11;",
                "int64 total_cents = 11 [json_name = \"total\"];"),
            baseFiles());

    assertThat(ruleAndLocation(result)).containsExactly("field-json-name-changed " + AT + "44");
    assertThat(result.findings().get(0).change())
        .contains("changed its JSON name from 'total' to 'totalCents'");
  }

  @Test
  void jsonNameEqualToTheDefaultIsNoChange() {
    CheckResult result =
        changeOrder(
            "int64 total_cents = 11;", "int64 total_cents = 11 [json_name = \"totalCents\"];");

    assertThat(result.findings()).isEmpty();
  }

  @Test
  void renameThatKeepsTheJsonNameIsStillARename() {
    CheckResult result =
        changeOrder("string note = 3;", "string remark = 3 [json_name = \"note\"];");

    assertThat(ruleAndLocation(result)).containsExactly("field-renamed " + AT + "25");
  }

  @Test
  void renamedFieldBlocksFromTheWireJsonCategoryOn() {
    CheckResult result = changeOrder("string note = 3;", "string remark = 3;");

    assertThat(result.withPolicy(new CheckPolicy(Category.WIRE, false)).exitCode()).isZero();
    assertThat(result.withPolicy(new CheckPolicy(Category.WIRE_JSON, false)).exitCode())
        .isEqualTo(1);
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void jsonNameChangeDoesNotBlockUnderWireOnly() {
    CheckResult result =
        changeOrder("string note = 3;", "string note = 3 [json_name = \"remark\"];")
            .withPolicy(new CheckPolicy(Category.WIRE, false));

    assertThat(result.breakingFindings()).hasSize(1);
    assertThat(result.blockingFindings()).isEmpty();
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void columnTypeChangeBlocksOnlyUnderTheBigQueryCategory() {
    CheckResult result = changeOrder("string note = 3;", "bytes note = 3;");

    assertThat(ruleAndLocation(result)).containsExactly("column-type-changed " + AT + "25");
    assertThat(result.withPolicy(new CheckPolicy(Category.WIRE_JSON, false)).exitCode()).isZero();
    assertThat(result.withPolicy(new CheckPolicy(Category.BIGQUERY, false)).exitCode())
        .isEqualTo(1);
  }

  @Test
  void wireBreakingChangeBlocksUnderEveryCategory() {
    CheckResult result = changeOrder("int32 quantity = 2;", "string quantity = 2;");

    for (Category category : Category.values()) {
      assertThat(result.withPolicy(new CheckPolicy(category, false)).exitCode())
          .as(category.id())
          .isEqualTo(1);
    }
  }
}
