package io.entityflow.pipelines.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.contract.EventAttributes;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.events.EntityEventParser;
import io.entityflow.pipelines.events.EventRow;
import io.entityflow.pipelines.events.EventRowCoder;
import io.entityflow.pipelines.events.SampleEvents;
import io.entityflow.pipelines.testing.Pipelines;
import io.entityflow.warehouse.local.LocalWarehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteToLocalWarehouseTest {
  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  static KV<String, TableRow> row(String topic, String eventId, String operation, String at)
      throws Exception {
    EntityRegistry registry = EntityRegistry.load();
    EntityDefinition entity = registry.forTopic(topic).orElseThrow();
    return row(
        entity, SampleEvents.all().get(topic).message().toByteArray(), eventId, operation, at);
  }

  static KV<String, TableRow> row(
      EntityDefinition entity, byte[] payload, String eventId, String operation, String at)
      throws Exception {
    Map<String, String> attributes = new HashMap<>();
    attributes.put(EventAttributes.EVENT_ID, eventId);
    attributes.put(EventAttributes.OPERATION, operation);
    attributes.put(EventAttributes.OCCURRED_AT, at);
    attributes.put(EventAttributes.PRODUCER, "p");
    if (entity.hasPii()) {
      attributes.put(EventAttributes.PII_ENCRYPTION, EventAttributes.PII_ENCRYPTION_TINK_AEAD_V1);
    }
    TableRow row =
        EntityEventParser.of(entity)
            .parse(payload, attributes, "m-" + eventId, Instant.parse(at), NOW);
    return KV.of(entity.dataset() + "." + entity.tableName(), row);
  }

  /**
   * Waits (at most a minute) until the step's writer is closed: the DirectRunner's {@code
   * waitUntilFinish} can return on the pipeline's DONE update before the runner tears the steps
   * down, and the writer converts what it staged into Parquet at teardown, then removes {@code
   * .staging}.
   */
  static void awaitWriterClosed(Path root) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (Files.exists(root.resolve(".staging")) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  static List<List<String>> query(Connection sql, String query) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (Statement statement = sql.createStatement();
        ResultSet rs = statement.executeQuery(query)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void everyMappedTypeLandsInParquetWithTheTableColumnTypes(@TempDir Path root) throws Exception {
    List<KV<String, TableRow>> rows = new ArrayList<>();
    for (String topic : SampleEvents.all().keySet()) {
      rows.add(row(topic, "e-" + topic, "CREATED", "2026-11-23T10:00:00Z"));
    }
    TestPipeline pipeline = Pipelines.create();
    pipeline
        .apply(
            Create.of(
                    rows.stream()
                        .map(kv -> EventRow.withoutSource(kv.getKey(), kv.getValue()))
                        .toList())
                .withCoder(EventRowCoder.of()))
        .apply(WriteToLocalWarehouse.to(root));
    pipeline.run().waitUntilFinish();
    awaitWriterClosed(root);
    assertThat(root.resolve("entityflow")).as("no dead letter was written").doesNotExist();

    try (Connection sql = LocalWarehouse.open(root, EntityRegistry.load())) {
      assertThat(
              query(
                  sql,
                  "SELECT event_id, operation, occurred_at::VARCHAR, producer, message_id, sale_id,"
                      + " line_items[1].unit_price.units, line_items[1].quantity, total.nanos,"
                      + " card.cardholder_name, channel, labels[1].value, loyalty_points,"
                      + " receipt_number, voucher_code FROM retail.sale_v1"))
          .containsExactly(
              Arrays.asList(
                  "e-sale_v1",
                  "CREATED",
                  "2026-11-23 10:00:00+00",
                  "p",
                  "m-e-sale_v1",
                  "s-1",
                  "3",
                  "2",
                  "0",
                  "Ann Lee",
                  "STORE",
                  "xmas",
                  "70",
                  null,
                  null));
      assertThat(
              query(
                  sql,
                  "SELECT typeof(raw_telegram), decode(raw_telegram), interval, typeof(interval),"
                      + " registers[1].value, peak_power_w, read_at::VARCHAR FROM energy.meter_reading_v1"))
          .containsExactly(
              List.of(
                  "BLOB",
                  "/ISK5",
                  "900.000000000",
                  "DECIMAL(38,9)",
                  "100.5",
                  "2.5",
                  "2026-11-23 10:15:30.123456+00"));
      assertThat(
              query(
                  sql,
                  "SELECT bytes_up, duration, cell_ids, hex(imsi_hash), postpaid_amount.nanos,"
                      + " mos_score, zero_rated_bytes, signalling_codes[1].value, prepaid_units"
                      + " FROM telco.call_record_v1"))
          .containsExactly(
              Arrays.asList(
                  "18446744073709551615.000000000",
                  "61.500000000",
                  "[4294967295, 7]",
                  "010203",
                  "120000000",
                  "4.25",
                  "18446744073709551614.000000000",
                  "16",
                  null));
      assertThat(
              query(
                  sql,
                  "SELECT preferences->>'$.newsletter', typeof(preferences), typeof(phone),"
                      + " hex(phone), segment FROM retail.customer_v1"))
          .containsExactly(List.of("false", "JSON", "BLOB", "0A0A2B333120323020303030", "VIP"));
      assertThat(
              query(
                  sql,
                  "SELECT user_id, installation_count FROM energy.user_v1 UNION ALL"
                      + " SELECT CAST(location.latitude AS VARCHAR), array_to_string(meter_ids, '|')"
                      + " FROM energy.installation_v1"))
          .containsExactly(
              List.of("18446744073709551615.000000000", "4294967295"),
              List.of("52.37", "mt-1|mt-2"));
      assertThat(
              query(
                  sql,
                  "SELECT count(*) FROM retail.loyalty_membership_v1 UNION ALL SELECT count(*)"
                      + " FROM retail.loyalty_accrual_v1"))
          .containsExactly(List.of("1"), List.of("1"));
    }
    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.filter(p -> p.getFileName().toString().startsWith(".")).toList()).isEmpty();
    }
  }
}
