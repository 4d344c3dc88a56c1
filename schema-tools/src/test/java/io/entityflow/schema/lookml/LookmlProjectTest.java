package io.entityflow.schema.lookml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.entityflow.contract.registry.EntityRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The LookML of the example contract, every file parsed by lookml-parser: exact dimensions, types
 * and SQL of Sale and CallRecord (PII masked: pseudonym strings), nested views joined with UNNEST,
 * the decrypted views only in the PII readers' model and gated there.
 */
class LookmlProjectTest {
  private static final String SALE = "views/sale_v1_latest.view.lkml";
  private static final String CALL = "views/call_record_v1_latest.view.lkml";

  private static JsonObject parsed;

  @BeforeAll
  static void generateAndParse() throws Exception {
    Path out = Path.of("target/lookml-acme");
    LookmlProject.of(EntityRegistry.load(), LookmlOptions.defaults()).write(out);
    parsed = LookmlParser.parseAll(out);
  }

  @Test
  void everyFileParsesAndTheModelIncludesEveryViewAndExplore() {
    List<String> tables =
        List.of(
            "installation_v1",
            "meter_reading_v1",
            "user_v1",
            "customer_v1",
            "loyalty_membership_v1",
            "loyalty_accrual_v1",
            "sale_v1",
            "call_record_v1");
    List<String> expected = new ArrayList<>();
    expected.add("entityflow.model.lkml");
    tables.forEach(t -> expected.add("explores/" + t + ".explore.lkml"));
    tables.forEach(t -> expected.add("views/" + t + ".view.lkml"));
    tables.forEach(t -> expected.add("views/" + t + "_latest.view.lkml"));
    expected.add("entityflow_pii.model.lkml");
    List<String> piiTables =
        List.of("user_v1", "customer_v1", "loyalty_membership_v1", "sale_v1", "call_record_v1");
    piiTables.forEach(t -> expected.add("pii/explores/" + t + "_decrypted.explore.lkml"));
    piiTables.forEach(t -> expected.add("pii/views/" + t + "_decrypted.view.lkml"));
    piiTables.forEach(t -> expected.add("pii/views/" + t + "_latest_decrypted.view.lkml"));

    assertThat(parsed.getAsJsonObject("files").keySet())
        .containsExactlyInAnyOrderElementsOf(expected);
    JsonObject model = parsed.getAsJsonObject("models").getAsJsonObject("entityflow");
    assertThat(names(model, "explores"))
        .containsExactly(
            "call_record_v1",
            "call_record_v1_latest",
            "customer_v1",
            "customer_v1_latest",
            "installation_v1",
            "installation_v1_latest",
            "loyalty_accrual_v1",
            "loyalty_accrual_v1_latest",
            "loyalty_membership_v1",
            "loyalty_membership_v1_latest",
            "meter_reading_v1",
            "meter_reading_v1_latest",
            "sale_v1",
            "sale_v1_latest",
            "user_v1",
            "user_v1_latest");
    assertThat(names(model, "views"))
        .contains(
            "sale_v1",
            "sale_v1__labels",
            "sale_v1__line_items",
            "sale_v1_latest",
            "sale_v1_latest__labels",
            "sale_v1_latest__line_items",
            "call_record_v1_latest__cell_ids",
            "call_record_v1_latest__signalling_codes")
        .hasSize(30);
  }

  @Test
  void piiReadersModelHoldsExactlyTheDecryptedViewsAndExplores() {
    JsonObject model = parsed.getAsJsonObject("models").getAsJsonObject("entityflow_pii");
    assertThat(names(model, "explores"))
        .containsExactly(
            "call_record_v1_decrypted",
            "call_record_v1_latest_decrypted",
            "customer_v1_decrypted",
            "customer_v1_latest_decrypted",
            "loyalty_membership_v1_decrypted",
            "loyalty_membership_v1_latest_decrypted",
            "sale_v1_decrypted",
            "sale_v1_latest_decrypted",
            "user_v1_decrypted",
            "user_v1_latest_decrypted");
    assertThat(names(model, "views"))
        .contains(
            "sale_v1_decrypted",
            "sale_v1_decrypted__line_items",
            "sale_v1_latest_decrypted",
            "sale_v1_latest_decrypted__labels",
            "call_record_v1_latest_decrypted__cell_ids")
        .allMatch(v -> v.contains("_decrypted"))
        .hasSize(18);
  }

  @Test
  void modelDeclaresConnectionAndIncludesAndNoAccessGrant() {
    JsonObject model = parsed.getAsJsonObject("files").getAsJsonObject("entityflow.model.lkml");

    assertThat(model.get("connection").getAsString()).isEqualTo("entityflow");
    assertThat(model.get("include").toString())
        .isEqualTo(
            "[\"views/*.view.lkml\",\"explores/installation_v1.explore.lkml\","
                + "\"explores/meter_reading_v1.explore.lkml\",\"explores/user_v1.explore.lkml\","
                + "\"explores/customer_v1.explore.lkml\","
                + "\"explores/loyalty_membership_v1.explore.lkml\","
                + "\"explores/loyalty_accrual_v1.explore.lkml\",\"explores/sale_v1.explore.lkml\","
                + "\"explores/call_record_v1.explore.lkml\"]");
    assertThat(model.has("access_grant")).isFalse();
  }

  @Test
  void saleLatestViewHasEveryColumnWithItsTypeAndSql() {
    JsonObject view = view(SALE, "sale_v1_latest");

    assertThat(view.has("sql_table_name")).isFalse();
    assertThat(view.getAsJsonObject("derived_table").get("sql").getAsString().trim())
        .isEqualTo(
            "SELECT * EXCEPT (entityflow_rank) FROM ( SELECT *, ROW_NUMBER() OVER ( PARTITION BY"
                + " `sale_id` ORDER BY occurred_at DESC, publish_time DESC, ingestion_time DESC,"
                + " event_id DESC ) AS entityflow_rank FROM `retail.sale_v1_masked` ) WHERE"
                + " entityflow_rank = 1 AND operation != 'DELETED'");
    assertThat(
            view("views/sale_v1.view.lkml", "sale_v1").get("sql_table_name").getAsString().trim())
        .isEqualTo("`retail.sale_v1_masked`");
    assertThat(view.get("label").getAsString()).isEqualTo("Sale");
    assertThat(fields(SALE, "sale_v1_latest", "dimension"))
        .containsExactly(
            entry("event_id", "string | ${TABLE}.event_id"),
            entry("operation", "string | ${TABLE}.operation"),
            entry("producer", "string | ${TABLE}.producer"),
            entry("schema_version", "string | ${TABLE}.schema_version"),
            entry("message_id", "string | ${TABLE}.message_id"),
            entry("trace_id", "string | ${TABLE}.trace_id"),
            entry("sale_id", "string | ${TABLE}.sale_id"),
            entry("customer_id", "string | ${TABLE}.customer_id"),
            entry("store_id", "string | ${TABLE}.store_id"),
            entry("line_items", " | ${TABLE}.line_items"),
            entry("total__currency_code", "string | ${TABLE}.total.currency_code"),
            entry("total__units", "number | ${TABLE}.total.units"),
            entry("total__nanos", "number | ${TABLE}.total.nanos"),
            entry(
                "total__amount",
                "number | IF(${TABLE}.total IS NULL, NULL, CAST(COALESCE(${TABLE}.total.units, 0) AS NUMERIC) + CAST(COALESCE(${TABLE}.total.nanos, 0) AS NUMERIC) / 1000000000)"),
            entry(
                "payment",
                "string | CASE WHEN ${TABLE}.card IS NOT NULL THEN 'card' WHEN ${TABLE}.cash IS NOT NULL THEN 'cash' WHEN ${TABLE}.voucher_code IS NOT NULL THEN 'voucher_code' END"),
            entry("card__scheme", "string | ${TABLE}.card.scheme"),
            entry("card__last4", "string | ${TABLE}.card.last4"),
            entry("card__cardholder_name", "string | ${TABLE}.card.cardholder_name"),
            entry("cash__tendered__currency_code", "string | ${TABLE}.cash.tendered.currency_code"),
            entry("cash__tendered__units", "number | ${TABLE}.cash.tendered.units"),
            entry("cash__tendered__nanos", "number | ${TABLE}.cash.tendered.nanos"),
            entry(
                "cash__tendered__amount",
                "number | IF(${TABLE}.cash.tendered IS NULL, NULL, CAST(COALESCE(${TABLE}.cash.tendered.units, 0) AS NUMERIC) + CAST(COALESCE(${TABLE}.cash.tendered.nanos, 0) AS NUMERIC) / 1000000000)"),
            entry("cash__change__currency_code", "string | ${TABLE}.cash.change.currency_code"),
            entry("cash__change__units", "number | ${TABLE}.cash.change.units"),
            entry("cash__change__nanos", "number | ${TABLE}.cash.change.nanos"),
            entry(
                "cash__change__amount",
                "number | IF(${TABLE}.cash.change IS NULL, NULL, CAST(COALESCE(${TABLE}.cash.change.units, 0) AS NUMERIC) + CAST(COALESCE(${TABLE}.cash.change.nanos, 0) AS NUMERIC) / 1000000000)"),
            entry("voucher_code", "string | ${TABLE}.voucher_code"),
            entry("channel", "string | ${TABLE}.channel"),
            entry("labels", " | ${TABLE}.labels"),
            entry("loyalty_points", "number | ${TABLE}.loyalty_points"),
            entry("receipt_number", "string | ${TABLE}.receipt_number"));
    assertThat(fields(SALE, "sale_v1_latest", "dimension_group"))
        .containsExactly(
            entry("occurred", "time | ${TABLE}.occurred_at"),
            entry("publish", "time | ${TABLE}.publish_time"),
            entry("ingestion", "time | ${TABLE}.ingestion_time"),
            entry("sold", "time | ${TABLE}.sold_at"));
    assertThat(fields(SALE, "sale_v1_latest", "measure"))
        .containsExactly(
            entry("total_sum", "sum | ${total__amount}"),
            entry("cash__tendered_sum", "sum | ${cash__tendered__amount}"),
            entry("cash__change_sum", "sum | ${cash__change__amount}"),
            entry("count", "count | "));
  }

  @Test
  void saleLineItemsAndLabelsAreNestedViewsJoinedWithUnnest() {
    assertThat(fields(SALE, "sale_v1_latest__line_items", "dimension"))
        .containsExactly(
            entry(
                "entityflow_key",
                "string | CONCAT(CAST(${sale_v1_latest.sale_id} AS STRING), '-', CAST(sale_v1_latest__line_items_offset AS STRING))"),
            entry("entityflow_offset", "number | sale_v1_latest__line_items_offset"),
            entry("sku", "string | ${TABLE}.sku"),
            entry("quantity", "number | ${TABLE}.quantity"),
            entry("unit_price__currency_code", "string | ${TABLE}.unit_price.currency_code"),
            entry("unit_price__units", "number | ${TABLE}.unit_price.units"),
            entry("unit_price__nanos", "number | ${TABLE}.unit_price.nanos"),
            entry(
                "unit_price__amount",
                "number | IF(${TABLE}.unit_price IS NULL, NULL, CAST(COALESCE(${TABLE}.unit_price.units, 0) AS NUMERIC) + CAST(COALESCE(${TABLE}.unit_price.nanos, 0) AS NUMERIC) / 1000000000)"),
            entry("discount__currency_code", "string | ${TABLE}.discount.currency_code"),
            entry("discount__units", "number | ${TABLE}.discount.units"),
            entry("discount__nanos", "number | ${TABLE}.discount.nanos"),
            entry(
                "discount__amount",
                "number | IF(${TABLE}.discount IS NULL, NULL, CAST(COALESCE(${TABLE}.discount.units, 0) AS NUMERIC) + CAST(COALESCE(${TABLE}.discount.nanos, 0) AS NUMERIC) / 1000000000)"));
    assertThat(fields(SALE, "sale_v1_latest__line_items", "measure"))
        .containsExactly(
            entry("unit_price_sum", "sum | ${unit_price__amount}"),
            entry("discount_sum", "sum | ${discount__amount}"),
            entry("count", "count | "));
    assertThat(fields(SALE, "sale_v1_latest__labels", "dimension"))
        .containsExactly(
            entry(
                "entityflow_key",
                "string | CONCAT(CAST(${sale_v1_latest.sale_id} AS STRING), '-', CAST(sale_v1_latest__labels_offset AS STRING))"),
            entry("entityflow_offset", "number | sale_v1_latest__labels_offset"),
            entry("key", "string | ${TABLE}.key"),
            entry("value", "string | ${TABLE}.value"));
    JsonObject joins =
        parsed
            .getAsJsonObject("files")
            .getAsJsonObject("explores/sale_v1.explore.lkml")
            .getAsJsonObject("explore")
            .getAsJsonObject("sale_v1_latest")
            .getAsJsonObject("join");
    assertThat(joins.keySet())
        .containsExactly("sale_v1_latest__line_items", "sale_v1_latest__labels");
    assertThat(joins.getAsJsonObject("sale_v1_latest__line_items").get("sql").getAsString().trim())
        .isEqualTo(
            "LEFT JOIN UNNEST(${sale_v1_latest.line_items}) AS sale_v1_latest__line_items"
                + " WITH OFFSET AS sale_v1_latest__line_items_offset");
    assertThat(joins.getAsJsonObject("sale_v1_latest__labels").get("sql").getAsString().trim())
        .isEqualTo(
            "LEFT JOIN UNNEST(${sale_v1_latest.labels}) AS sale_v1_latest__labels"
                + " WITH OFFSET AS sale_v1_latest__labels_offset");
    assertThat(joins.getAsJsonObject("sale_v1_latest__labels").get("relationship").getAsString())
        .isEqualTo("one_to_many");
  }

  @Test
  void saleOneofPaymentNamesTheFieldThatIsSet() {
    JsonObject payment =
        view(SALE, "sale_v1_latest").getAsJsonObject("dimension").getAsJsonObject("payment");

    assertThat(payment.get("group_label").getAsString()).isEqualTo("Payment");
    assertThat(payment.get("suggestions").toString())
        .isEqualTo("[\"card\",\"cash\",\"voucher_code\"]");
    assertThat(
            view(SALE, "sale_v1_latest")
                .getAsJsonObject("dimension")
                .getAsJsonObject("voucher_code")
                .get("group_label")
                .getAsString())
        .isEqualTo("Payment");
  }

  @Test
  void callRecordLatestViewHasDurationRepeatedScalarsAndMap() {
    assertThat(fields(CALL, "call_record_v1_latest", "dimension"))
        .containsExactly(
            entry("event_id", "string | ${TABLE}.event_id"),
            entry("operation", "string | ${TABLE}.operation"),
            entry("producer", "string | ${TABLE}.producer"),
            entry("schema_version", "string | ${TABLE}.schema_version"),
            entry("message_id", "string | ${TABLE}.message_id"),
            entry("trace_id", "string | ${TABLE}.trace_id"),
            entry("record_id", "string | ${TABLE}.record_id"),
            entry("caller_msisdn", "string | ${TABLE}.caller_msisdn"),
            entry("callee_msisdn", "string | ${TABLE}.callee_msisdn"),
            entry("duration", "number | ${TABLE}.duration"),
            entry("bytes_up", "number | ${TABLE}.bytes_up"),
            entry("bytes_down", "number | ${TABLE}.bytes_down"),
            entry("cell_ids", " | ${TABLE}.cell_ids"),
            entry("result", "string | ${TABLE}.result"),
            entry("roaming", "yesno | ${TABLE}.roaming"),
            entry(
                "charge",
                "string | CASE WHEN ${TABLE}.prepaid_units IS NOT NULL THEN 'prepaid_units' WHEN ${TABLE}.postpaid_amount IS NOT NULL THEN 'postpaid_amount' END"),
            entry("prepaid_units", "number | ${TABLE}.prepaid_units"),
            entry(
                "postpaid_amount__currency_code",
                "string | ${TABLE}.postpaid_amount.currency_code"),
            entry("postpaid_amount__units", "number | ${TABLE}.postpaid_amount.units"),
            entry("postpaid_amount__nanos", "number | ${TABLE}.postpaid_amount.nanos"),
            entry(
                "postpaid_amount__amount",
                "number | IF(${TABLE}.postpaid_amount IS NULL, NULL, CAST(COALESCE(${TABLE}.postpaid_amount.units, 0) AS NUMERIC) + CAST(COALESCE(${TABLE}.postpaid_amount.nanos, 0) AS NUMERIC) / 1000000000)"),
            entry("imsi_hash", "string | TO_BASE64(${TABLE}.imsi_hash)"),
            entry("mos_score", "number | ${TABLE}.mos_score"),
            entry("zero_rated_bytes", "number | ${TABLE}.zero_rated_bytes"),
            entry("signalling_codes", " | ${TABLE}.signalling_codes"));
    assertThat(fields(CALL, "call_record_v1_latest", "dimension_group"))
        .containsExactly(
            entry("occurred", "time | ${TABLE}.occurred_at"),
            entry("publish", "time | ${TABLE}.publish_time"),
            entry("ingestion", "time | ${TABLE}.ingestion_time"),
            entry("started", "time | ${TABLE}.started_at"));
    assertThat(fields(CALL, "call_record_v1_latest", "measure"))
        .containsExactly(
            entry("postpaid_amount_sum", "sum | ${postpaid_amount__amount}"),
            entry("count", "count | "));
    assertThat(fields(CALL, "call_record_v1_latest__cell_ids", "dimension"))
        .containsExactly(
            entry(
                "entityflow_key",
                "string | CONCAT(CAST(${call_record_v1_latest.record_id} AS STRING), '-', CAST(call_record_v1_latest__cell_ids_offset AS STRING))"),
            entry("entityflow_offset", "number | call_record_v1_latest__cell_ids_offset"),
            entry("value", "number | ${TABLE}"));
    assertThat(fields(CALL, "call_record_v1_latest__signalling_codes", "dimension"))
        .containsExactly(
            entry(
                "entityflow_key",
                "string | CONCAT(CAST(${call_record_v1_latest.record_id} AS STRING), '-', CAST(call_record_v1_latest__signalling_codes_offset AS STRING))"),
            entry("entityflow_offset", "number | call_record_v1_latest__signalling_codes_offset"),
            entry("key", "string | ${TABLE}.key"),
            entry("value", "number | ${TABLE}.value"));
    JsonObject started =
        view(CALL, "call_record_v1_latest")
            .getAsJsonObject("dimension_group")
            .getAsJsonObject("started");
    assertThat(started.get("timeframes").toString())
        .isEqualTo("[\"raw\",\"time\",\"date\",\"week\",\"month\",\"quarter\",\"year\"]");
    assertThat(
            view(CALL, "call_record_v1_latest")
                .getAsJsonObject("dimension")
                .getAsJsonObject("result")
                .get("suggestions")
                .toString())
        .isEqualTo(
            "[\"CALL_RESULT_UNSPECIFIED\",\"COMPLETED\",\"DROPPED\",\"BUSY\",\"NO_ANSWER\"]");
  }

  @Test
  void analystsViewsGateNothingAndShowPseudonymsWhileEveryDecryptedViewAndExploreIsGated() {
    for (String file : parsed.getAsJsonObject("files").keySet()) {
      if (file.startsWith("views/")) {
        assertThat(gated(file)).as(file).isEmpty();
      }
    }
    JsonObject cardholder =
        view(SALE, "sale_v1_latest")
            .getAsJsonObject("dimension")
            .getAsJsonObject("card__cardholder_name");
    assertThat(cardholder.has("hidden")).isFalse();
    assertThat(cardholder.get("description").getAsString())
        .isEqualTo(
            "Name printed on the card. Masked: the pseudonym of the row's data subject"
                + " (customer_id) when a value is set, the same in every PII field of the row and"
                + " for the same subject in every entity (count distinct or join on it); NULL when"
                + " no value is set or the subject is forgotten.");
    List<String> gatedViews = new ArrayList<>();
    List<String> gatedExplores = new ArrayList<>();
    for (Map.Entry<String, JsonElement> file : parsed.getAsJsonObject("files").entrySet()) {
      if (!file.getKey().startsWith("pii/")) {
        continue;
      }
      for (String kind : List.of("view", "explore")) {
        JsonObject blocks = file.getValue().getAsJsonObject().getAsJsonObject(kind);
        if (blocks == null) {
          continue;
        }
        for (Map.Entry<String, JsonElement> block : blocks.entrySet()) {
          assertThat(block.getValue().getAsJsonObject().get("required_access_grants").toString())
              .as(block.getKey())
              .isEqualTo("[\"can_see_pii\"]");
          (kind.equals("view") ? gatedViews : gatedExplores).add(block.getKey());
        }
      }
    }
    assertThat(gatedViews).hasSize(18);
    assertThat(gatedExplores).hasSize(10);
  }

  @Test
  void latestViewIsKeyedByTheIdAndHistoryByTheEventId() {
    assertThat(primaryKeys(SALE))
        .containsExactly(
            "sale_v1_latest.sale_id",
            "sale_v1_latest__line_items.entityflow_key",
            "sale_v1_latest__labels.entityflow_key");
    assertThat(primaryKeys("views/sale_v1.view.lkml"))
        .containsExactly(
            "sale_v1.event_id",
            "sale_v1__line_items.entityflow_key",
            "sale_v1__labels.entityflow_key");
  }

  @Test
  void metadataColumnsAreGroupedTogether() {
    JsonObject dimensions = view(SALE, "sale_v1_latest").getAsJsonObject("dimension");
    List<String> grouped = new ArrayList<>();
    for (Map.Entry<String, JsonElement> e : dimensions.entrySet()) {
      JsonObject d = e.getValue().getAsJsonObject();
      if (d.has("group_label") && d.get("group_label").getAsString().equals("Event metadata")) {
        grouped.add(e.getKey());
      }
    }
    assertThat(grouped)
        .containsExactly(
            "event_id", "operation", "producer", "schema_version", "message_id", "trace_id");
    assertThat(
            view(SALE, "sale_v1_latest")
                .getAsJsonObject("dimension_group")
                .getAsJsonObject("ingestion")
                .get("group_label")
                .getAsString())
        .isEqualTo("Event metadata");
  }

  private static List<String> gated(String file) {
    List<String> out = new ArrayList<>();
    JsonObject views =
        parsed.getAsJsonObject("files").getAsJsonObject(file).getAsJsonObject("view");
    for (String view : views.keySet()) {
      for (String kind : List.of("dimension", "dimension_group", "measure")) {
        JsonObject fields = views.getAsJsonObject(view).getAsJsonObject(kind);
        if (fields == null) {
          continue;
        }
        for (Map.Entry<String, JsonElement> e : fields.entrySet()) {
          JsonObject f = e.getValue().getAsJsonObject();
          boolean hidden = f.has("hidden") && f.get("hidden").getAsBoolean();
          boolean grant =
              f.has("required_access_grants")
                  && f.get("required_access_grants").toString().equals("[\"can_see_pii\"]");
          if (grant) {
            assertThat(hidden).as(view + "." + e.getKey() + " is hidden").isTrue();
            out.add(view + "." + e.getKey());
          }
        }
      }
    }
    return out;
  }

  private static List<String> primaryKeys(String file) {
    List<String> out = new ArrayList<>();
    JsonObject views =
        parsed.getAsJsonObject("files").getAsJsonObject(file).getAsJsonObject("view");
    for (String view : views.keySet()) {
      for (Map.Entry<String, JsonElement> e :
          views.getAsJsonObject(view).getAsJsonObject("dimension").entrySet()) {
        JsonObject f = e.getValue().getAsJsonObject();
        if (f.has("primary_key") && f.get("primary_key").getAsBoolean()) {
          out.add(view + "." + e.getKey());
        }
      }
    }
    return out;
  }

  private static List<String> names(JsonObject model, String what) {
    List<String> out = new ArrayList<>();
    model.getAsJsonArray(what).forEach(e -> out.add(e.getAsString()));
    return out;
  }

  private static JsonObject view(String file, String view) {
    return ParsedLookml.view(parsed, file, view);
  }

  private static Map<String, String> fields(String file, String view, String kind) {
    return ParsedLookml.fields(parsed, file, view, kind);
  }
}
