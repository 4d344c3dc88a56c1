package io.entityflow.schema.compare;

import static io.entityflow.schema.ContractFixtures.ORDER;
import static io.entityflow.schema.ContractFixtures.REFUND;
import static io.entityflow.schema.ContractFixtures.baseFiles;
import static io.entityflow.schema.ContractFixtures.changeOrder;
import static io.entityflow.schema.ContractFixtures.compare;
import static io.entityflow.schema.ContractFixtures.ruleAndLocation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Before/after pairs about whole entities: deletion, addition and new major versions. */
class EntityRulesTest {
  private static final String ORDER_V2 = "acme/shop/order/v2/order.proto";

  @Test
  void deletedEntityFileIsWireBreakingAtItsBaseLocation() {
    Map<String, String> after = baseFiles();
    after.remove(REFUND);

    CheckResult result = compare(baseFiles(), after);

    assertThat(result.findings())
        .extracting(Finding::text)
        .containsExactly(
            REFUND
                + ":9: entity-deleted [wire-breaking] entity Refund v1 acme.shop.refund.v1.Refund"
                + " (topic refund_v1, table shop.refund_v1) was deleted. Fix: keep"
                + " acme.shop.refund.v1.Refund and its (entityflow.entity) option untouched:"
                + " producers and consumers use it. A replacement goes into acme.shop.refund.v2"
                + " beside it; retire the old version only after every consumer moved");
  }

  @Test
  void removedEntityOptionIsAnEntityDeletion() {
    CheckResult result =
        changeOrder(
            "  option (entityflow.entity) = {\n    name: \"Order\"\n    id_field: \"order_id\"\n"
                + "    domain: \"shop\"\n    owner: \"team-orders\"\n  };\n",
            "\n\n\n\n\n\n");

    assertThat(ruleAndLocation(result)).containsExactly("entity-deleted " + ORDER + ":10");
  }

  @Test
  void newEntityIsCompatible() {
    Map<String, String> after = baseFiles();
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
          // Id.
          string cart_id = 1;
        }
        """);

    CheckResult result = compare(baseFiles(), after);

    assertThat(result.findings())
        .extracting(Finding::text)
        .containsExactly(
            "acme/shop/cart/v1/cart.proto:5: entity-added [compatible] new entity Cart v1"
                + " acme.shop.cart.v1.Cart (topic cart_v1, table shop.cart_v1).");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void newMajorVersionBesideUntouchedV1IsCompatible() {
    Map<String, String> after = baseFiles();
    after.put(ORDER_V2, orderV2());

    CheckResult result = compare(baseFiles(), after);

    assertThat(ruleAndLocation(result))
        .containsExactly(
            "new-major-version " + ORDER_V2 + ":6", "message-added " + ORDER_V2 + ":16");
    assertThat(result.findings().get(0).change())
        .isEqualTo(
            "new major version Order v2 acme.shop.order.v2.Order (topic order_v2, table"
                + " shop.order_v2) beside order_v1, which stays untouched.");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void replacingV1ByV2IsWireBreaking() {
    Map<String, String> before = Map.of(REFUND, baseFiles().get(REFUND));
    Map<String, String> after =
        Map.of(
            "acme/shop/refund/v2/refund.proto",
            baseFiles().get(REFUND).replace("refund.v1", "refund.v2"));

    CheckResult result = compare(before, after);

    assertThat(ruleAndLocation(result))
        .containsExactly(
            "entity-deleted " + REFUND + ":9", "entity-added acme/shop/refund/v2/refund.proto:9");
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void breakingChangeInV1BesideANewV2IsStillReported() {
    Map<String, String> after = baseFiles();
    after.put(ORDER_V2, orderV2());
    after.put(ORDER, after.get(ORDER).replace("string note = 3;", "string remark = 3;"));

    CheckResult result = compare(baseFiles(), after);

    assertThat(ruleAndLocation(result))
        .containsExactly(
            "field-renamed " + ORDER + ":25",
            "new-major-version " + ORDER_V2 + ":6",
            "message-added " + ORDER_V2 + ":16");
    assertThat(result.exitCode()).isEqualTo(1);
  }

  private static String orderV2() {
    return """
        syntax = "proto3";
        package acme.shop.order.v2;
        import "entityflow/options.proto";

        // An order placed in the shop, with the note renamed to remark.
        message Order {
          option (entityflow.entity) = {
            name: "Order" id_field: "order_id" domain: "shop" owner: "team-orders"
          };
          // Unique id of the order.
          string order_id = 1;
          // Free-text remark.
          string remark = 2;
        }
        // Unused helper.
        message Tag { string text = 1; }
        """;
  }
}
