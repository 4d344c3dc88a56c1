package io.entityflow.schema.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.schema.ContractFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data catalog: pages per domain and entity, every field, and the field index. */
class DataCatalogTest {
  private final Map<String, String> pages =
      DataCatalog.of(ContractFixtures.base().registry()).pages();

  @Test
  void writesIndexAndOnePagePerEntityInBothFormats() {
    assertThat(pages.keySet())
        .containsExactly(
            "index.md",
            "index.html",
            "shop/order_v1.md",
            "shop/order_v1.html",
            "shop/refund_v1.md",
            "shop/refund_v1.html");
  }

  @Test
  void entityPageListsOwnerTopicTableAndEveryFieldWithTypeColumnSensitivity() {
    String page = pages.get("shop/order_v1.md");

    assertThat(page)
        .startsWith("# Order v1\n\nAn order placed in the shop.\n\n")
        .contains(
            "| Owner | team-orders |\n",
            "| Pub/Sub topic | `order_v1` |\n",
            "| BigQuery table | `shop.order_v1` (partitioned by day on `occurred_at`, clustered by"
                + " `order_id`) |\n",
            "| Versions | v1 (1.0, order_v1) |\n",
            "| `event_id` | (metadata) | `STRING` | REQUIRED | INTERNAL | Event id (UUID) chosen by"
                + " the producer; duplicates of an event share it. |\n",
            "| `shipping` | `acme.shop.order.v1.Address` | `STRUCT<street STRING, city STRING>` |"
                + " NULLABLE | INTERNAL | Where it ships to. |\n"
                + "| `shipping.street` | `string` | `STRING` | NULLABLE | INTERNAL | Street and"
                + " number. |\n"
                + "| `shipping.city` | `string` | `STRING` | NULLABLE | INTERNAL | City. |\n",
            "| `status` | `acme.shop.order.v1.Status` | `STRING` | NULLABLE | INTERNAL | Order"
                + " state. Values: STATUS_UNSPECIFIED, PLACED, SHIPPED. |\n",
            "| `attributes` | `map<string, string>` | `ARRAY<STRUCT<key STRING, value STRING>>` |"
                + " REPEATED | INTERNAL | Attributes. |\n"
                + "| `attributes.key` | `string` | `STRING` | NULLABLE | INTERNAL | Map key. |\n");
  }

  @Test
  void fieldIndexAnswersWhereIsAFieldAcrossEntities() {
    List<String> orderIdRows =
        pages.get("index.md").lines().filter(l -> l.startsWith("| `order_id` |")).toList();

    assertThat(orderIdRows)
        .containsExactly(
            "| `order_id` | [`shop.order_v1.order_id`](shop/order_v1.md) | `STRING` | INTERNAL |",
            "| `order_id` | [`shop.refund_v1.order_id`](shop/refund_v1.md) | `STRING` | INTERNAL |");
  }

  @Test
  void htmlPagesAreEscapedAndLinkBack() {
    String page = pages.get("shop/order_v1.html");

    assertThat(page)
        .startsWith("<!DOCTYPE html>")
        .contains("<code>STRUCT&lt;street STRING, city STRING&gt;</code>")
        .contains("<a href=\"../index.html\">Data catalog</a>")
        .doesNotContain("STRUCT<street");
    assertThat(pages.get("index.html"))
        .contains("<a href=\"shop/order_v1.html\">Order v1</a>")
        .contains("oninput=\"filterFields(this.value)\"");
  }

  @Test
  void writeCreatesTheFilesUnderTheRoot() throws Exception {
    Path root = ContractFixtures.tempDir("entityflow-catalog-");
    try {
      List<Path> written = DataCatalog.of(ContractFixtures.base().registry()).write(root);

      assertThat(written).hasSize(6);
      assertThat(Files.readString(root.resolve("shop/refund_v1.md")))
          .isEqualTo(pages.get("shop/refund_v1.md"));
    } finally {
      ContractFixtures.delete(root);
    }
  }
}
