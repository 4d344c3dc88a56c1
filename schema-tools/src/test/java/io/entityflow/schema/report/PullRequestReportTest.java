package io.entityflow.schema.report;

import static io.entityflow.schema.ContractFixtures.ORDER;
import static io.entityflow.schema.ContractFixtures.REFUND;
import static io.entityflow.schema.ContractFixtures.baseFiles;
import static io.entityflow.schema.ContractFixtures.compare;
import static io.entityflow.schema.ContractFixtures.edit;
import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.schema.compare.CheckResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Markdown report: exact sections for added columns, DDL, new tables and findings. */
class PullRequestReportTest {
  @Test
  void compatibleChangeShowsColumnsDdlRevisionAndFindings() {
    Map<String, String> after =
        edit(
            baseFiles(), ORDER, "bool gift = 12;", "bool gift = 12; repeated string coupons = 14;");
    after = edit(after, ORDER, "string city = 2;", "string city = 2; string zip = 3;");
    after = edit(after, ORDER, "int64 total_cents = 11;", "uint64 total_cents = 11;");
    after = edit(after, ORDER, "owner: \"team-orders\"", "owner: \"team-orders\" revision: 3");

    String report = PullRequestReport.markdown(compare(baseFiles(), after));

    assertThat(report)
        .isEqualTo(
            """
            # Contract change report

            Base: test \s
            Current: test

            **Compatible**: 4 compatible change(s), nothing breaks.

            ## Order v1 (`shop.order_v1`, owner team-orders)

            - Pub/Sub schema of topic `order_v1`: commit a new revision of \
            `acme.shop.order.v1.Order`; `schema_version` goes from 1.0 to 1.3.

            Columns added:

            | Column | Type | Description |
            |---|---|---|
            | `coupons` | `ARRAY<STRING>` |  |

            Sub-columns added to existing RECORD columns (apply the updated table schema, e.g. \
            `bq update` or Terraform; DDL cannot add them):

            | Column | Type | Description |
            |---|---|---|
            | `shipping.zip` | `STRING` |  |

            Columns widened in place:

            - `total_cents`: INT64 -> NUMERIC

            BigQuery DDL:

            ```sql
            ALTER TABLE `shop.order_v1` ADD COLUMN `coupons` ARRAY<STRING>;
            ALTER TABLE `shop.order_v1` ALTER COLUMN `total_cents` SET DATA TYPE NUMERIC;
            ```

            Findings:

            - `acme/shop/order/v1/order.proto:10` **option-changed** (compatible): entity options \
            of Order changed: revision '0' -> '3'.
            - `acme/shop/order/v1/order.proto:44` **field-type-widened** (compatible): field \
            'total_cents' (11) of acme.shop.order.v1.Order changed type from int64 to uint64 \
            (wire-compatible); its column widens from INT64 to NUMERIC (ALTER COLUMN total_cents \
            SET DATA TYPE NUMERIC).
            - `acme/shop/order/v1/order.proto:46` **field-added** (compatible): field 'coupons' \
            (14, repeated string) of acme.shop.order.v1.Order was added.
            - `acme/shop/order/v1/order.proto:54` **field-added** (compatible): field 'zip' (3, \
            string) of acme.shop.order.v1.Address was added.

            ## LookML

            Regenerate with `entityflow lookml --out DIR`; files that change:

            - changed `explores/order_v1.explore.lkml`
            - changed `views/order_v1.view.lkml`
            - changed `views/order_v1_latest.view.lkml`
            """);
  }

  @Test
  void changeOfASharedTypeIsListedUnderEveryEntityUsingIt() {
    Map<String, String> before =
        edit(
            baseFiles(),
            REFUND,
            "import \"entityflow/options.proto\";",
            "import \"entityflow/options.proto\"; import \"acme/shop/order/v1/order.proto\";");
    before =
        edit(
            before,
            REFUND,
            "string order_id = 2;",
            "string order_id = 2; acme.shop.order.v1.Address refund_to = 3;");
    Map<String, String> after = edit(before, ORDER, "string city = 2;", "string town = 2;");

    String report = PullRequestReport.markdown(compare(before, after));

    String finding =
        "- `acme/shop/order/v1/order.proto:54` **field-renamed** (bigquery-breaking): field 2 of"
            + " acme.shop.order.v1.Address was renamed from 'city' to 'town'";
    assertThat(report)
        .contains("## Order v1 (`shop.order_v1`", "## Refund v1 (`shop.refund_v1`")
        .doesNotContain("## Other changes");
    assertThat(report.split(java.util.regex.Pattern.quote(finding), -1)).hasSize(3);
  }

  @Test
  void deletedEntityGetsARemovedSectionWithItsFinding() {
    Map<String, String> after = baseFiles();
    after.remove(REFUND);

    String report = PullRequestReport.markdown(compare(baseFiles(), after));

    assertThat(report)
        .contains(
            "\n## Removed: Refund v1 (`shop.refund_v1`)\n\nFindings:\n\n-"
                + " `acme/shop/refund/v1/refund.proto:9` **entity-deleted** (wire-breaking): entity"
                + " Refund v1 acme.shop.refund.v1.Refund (topic refund_v1, table shop.refund_v1)"
                + " was deleted.");
  }

  @Test
  void newEntityAndBreakingChangesAreReported() {
    Map<String, String> after = edit(baseFiles(), ORDER, "string note = 3;", "string remark = 3;");
    after.put(
        "acme/shop/cart/v1/cart.proto",
        """
        syntax = "proto3";
        package acme.shop.cart.v1;
        import "entityflow/options.proto";
        // A shopping cart.
        message Cart {
          option (entityflow.entity) = {
            name: "Cart" id_field: "cart_id" domain: "shop" owner: "team-orders"
          };
          // Id of the cart.
          string cart_id = 1;
          // Items.
          map<string, int32> quantities = 2;
        }
        """);
    after =
        edit(
            after,
            ORDER,
            "// A coupon, not yet used by any entity.\nmessage Coupon {\n  // The code.\n"
                + "  string code = 1;\n}\n",
            "");

    CheckResult result = compare(baseFiles(), after);
    String report = PullRequestReport.markdown(result);

    assertThat(report)
        .contains(
            "**Breaking**: 1 wire-breaking, 1 BigQuery-breaking and 1 compatible change(s). A"
                + " breaking change is allowed only as a new major package (`.v2`) beside the"
                + " untouched `.v1`.\n",
            "## New: Cart v1 (`shop.cart_v1`, owner team-orders)\n\n- New Pub/Sub topic `cart_v1`"
                + " with schema `acme.shop.cart.v1.Cart` (first revision); events carry"
                + " `schema_version` 1.0.\n",
            """
            ```sql
            CREATE TABLE `shop.cart_v1` (
              `event_id` STRING NOT NULL,
              `operation` STRING NOT NULL,
              `occurred_at` TIMESTAMP NOT NULL,
              `publish_time` TIMESTAMP,
              `producer` STRING,
              `schema_version` STRING,
              `message_id` STRING,
              `ingestion_time` TIMESTAMP,
              `cart_id` STRING,
              `quantities` ARRAY<STRUCT<key STRING, value INT64>>
            )
            PARTITION BY DATE(`occurred_at`)
            CLUSTER BY `cart_id`;
            ```
            """,
            "- Pub/Sub schema of topic `order_v1`: no new revision is possible, the change is"
                + " breaking (see the findings).\n- No DDL: the table cannot follow a breaking"
                + " change; fix the findings.\n\nFindings:\n\n-"
                + " `acme/shop/order/v1/order.proto:25` **field-renamed** (bigquery-breaking):",
            "## Other changes (types no entity uses)\n\nFindings:\n\n-"
                + " `acme/shop/order/v1/order.proto:58` **message-deleted** (wire-breaking):");
    assertThat(report).doesNotContain("ADD COLUMN remark");
    assertThat(report.substring(report.indexOf("## LookML")))
        .isEqualTo(
            """
            ## LookML

            Regenerate with `entityflow lookml --out DIR`; files that change:

            - added `explores/cart_v1.explore.lkml`
            - added `views/cart_v1.view.lkml`
            - added `views/cart_v1_latest.view.lkml`
            - changed `entityflow.model.lkml`
            - changed `views/order_v1.view.lkml`
            - changed `views/order_v1_latest.view.lkml`
            """);
  }
}
