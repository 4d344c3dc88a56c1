package io.entityflow.schema.compare;

import static io.entityflow.schema.ContractFixtures.baseFiles;
import static io.entityflow.schema.ContractFixtures.compare;
import static io.entityflow.schema.ContractFixtures.edit;
import static io.entityflow.schema.ContractFixtures.ruleAndLocation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ignoreUnstablePackages}: breaking changes in {@code v1beta1}-like packages. */
class UnstablePackagesTest {
  private static final String DRAFT = "acme/shop/draft/v1beta1/draft.proto";

  private static Map<String, String> withDraft() {
    Map<String, String> files = baseFiles();
    files.put(
        DRAFT,
        """
        // Drafts still being designed.
        syntax = "proto3";

        package acme.shop.draft.v1beta1;

        // A draft.
        message Draft {
          // Id.
          string id = 1;
          // Title.
          string title = 2;
        }
        """);
    return files;
  }

  private static CheckResult deleteTitle() {
    return compare(withDraft(), edit(withDraft(), DRAFT, "  // Title.\n  string title = 2;\n", ""));
  }

  @Test
  void breakingChangeInAnUnstablePackageBlocksByDefault() {
    CheckResult result = deleteTitle();

    assertThat(ruleAndLocation(result)).containsExactly("field-deleted " + DRAFT + ":7");
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void breakingChangeInAnUnstablePackageIsReportedButDoesNotBlockWhenIgnored() {
    CheckResult result = deleteTitle().withPolicy(new CheckPolicy(Category.BIGQUERY, true));

    assertThat(ruleAndLocation(result)).containsExactly("field-deleted " + DRAFT + ":7");
    assertThat(result.inUnstablePackage(result.findings().get(0))).isTrue();
    assertThat(result.blockingFindings()).isEmpty();
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void breakingChangeInAStablePackageStillBlocksWhenUnstableOnesAreIgnored() {
    CheckResult result =
        compare(
                withDraft(),
                edit(withDraft(), "acme/shop/order/v1/order.proto", "  string note = 3;\n", "\n"))
            .withPolicy(new CheckPolicy(Category.BIGQUERY, true));

    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void unstablePackagesFollowBufsVersionSuffixes() {
    assertThat(CheckPolicy.isUnstable("acme.shop.draft.v1beta1")).isTrue();
    assertThat(CheckPolicy.isUnstable("acme.shop.draft.v1alpha")).isTrue();
    assertThat(CheckPolicy.isUnstable("acme.shop.draft.v1p1beta2")).isTrue();
    assertThat(CheckPolicy.isUnstable("acme.shop.draft.v2test")).isTrue();
    assertThat(CheckPolicy.isUnstable("acme.shop.draft.v2testfoo")).isTrue();
    assertThat(CheckPolicy.isUnstable("acme.shop.order.v1")).isFalse();
    assertThat(CheckPolicy.isUnstable("acme.shop.beta.v1")).isFalse();
    assertThat(CheckPolicy.isUnstable("acme.shop.v1beta1x")).isFalse();
  }
}
