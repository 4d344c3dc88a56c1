package io.entityflow.pipelines.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.deadletter.AttributesJson;
import io.entityflow.pipelines.deadletter.DeadLetterKind;
import io.entityflow.pipelines.testing.BeamStorageRows;
import io.entityflow.pipelines.testing.Pipelines;
import io.entityflow.pipelines.testing.Rows;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessageWithAttributesAndMessageIdCoder;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;

class ParseStorageRowsTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static final org.joda.time.Instant PUBLISHED = new org.joda.time.Instant(1795428931000L);
  private static final String PUBLISHED_TEXT = "2026-11-23T10:15:31.000000Z";
  private static final EntityDefinition SALE =
      EntityRegistry.load().forTopic("sale_v1").orElseThrow();

  private static Map<String, String> attributes(String eventId) {
    Map<String, String> attributes = new HashMap<>();
    attributes.put("event_id", eventId);
    attributes.put("operation", "CREATED");
    attributes.put("occurred_at", "2026-11-23T10:15:30.5Z");
    attributes.put("pii_encryption", "tink-aead-v1");
    attributes.put("producer", "till");
    return attributes;
  }

  private static String letter(
      String kind, String error, String messageId, Map<String, String> attributes, byte[] payload) {
    return Rows.json(
        new TableRow()
            .set("failed_at", "2026-11-23T12:00:00.000000Z")
            .set("error_kind", kind)
            .set("error_message", error)
            .set("source_topic", "sale_v1")
            .set("message_id", messageId)
            .set("publish_time", PUBLISHED_TEXT)
            .set("attributes", AttributesJson.write(attributes))
            .set("payload", Base64.getEncoder().encodeToString(payload)));
  }

  /** The row bytes of the TableRow path for the same message: Beam's bytes of the parsed row. */
  private static String tableRowPathBytes(byte[] payload, Map<String, String> attributes, String id)
      throws Exception {
    TableRow row =
        EntityEventParser.of(SALE)
            .parse(payload, attributes, id, Instant.ofEpochMilli(PUBLISHED.getMillis()), NOW);
    return HexFormat.of().formatHex(BeamStorageRows.of(EntityTable.of(SALE).columns()).bytes(row));
  }

  @Test
  void everyMessageIsOneRowOrTheDeadLetterParseEntityEventsGivesWithTheSameCounters()
      throws Exception {
    byte[] sale = SampleEvents.sale("s-1").message().toByteArray();
    byte[] withUnknownField = new byte[sale.length + 3];
    System.arraycopy(sale, 0, withUnknownField, 0, sale.length);
    withUnknownField[sale.length] = (byte) 0xf8;
    withUnknownField[sale.length + 1] = 0x07;
    withUnknownField[sale.length + 2] = 0x01;
    byte[] garbage = "\n\u0005ab".getBytes(StandardCharsets.ISO_8859_1);
    Map<String, String> noEventId = attributes("e-3");
    noEventId.remove("event_id");
    List<PubsubMessage> messages =
        List.of(
            new PubsubMessage(sale, attributes("e-1"), "m-1"),
            new PubsubMessage(withUnknownField, attributes("e-2"), "m-2"),
            new PubsubMessage(sale, noEventId, "m-3"),
            new PubsubMessage(garbage, attributes("e-4"), "m-4"));
    List<String> expectedLetters =
        List.of(
            letter(
                "MISSING_ATTRIBUTE",
                "attribute 'event_id' is missing on a message of topic 'sale_v1'; every event"
                    + " needs event_id, operation and occurred_at",
                "m-3",
                noEventId,
                sale),
            letter(
                "UNPARSEABLE_PAYLOAD",
                "payload of 4 bytes on topic 'sale_v1' is not a valid acme.retail.sale.v1.Sale:"
                    + " While parsing a protocol message, the input ended unexpectedly in the"
                    + " middle of a field.  This could mean either that the input has been"
                    + " truncated or that an embedded message misreported its own length.",
                "m-4",
                attributes("e-4"),
                garbage));

    TestPipeline pipeline = Pipelines.create();
    PCollection<PubsubMessage> input =
        pipeline.apply(
            Create.timestamped(
                    messages.stream().map(m -> TimestampedValue.of(m, PUBLISHED)).toList())
                .withCoder(PubsubMessageWithAttributesAndMessageIdCoder.of()));
    PCollectionTuple direct =
        input.apply(
            "Storage rows",
            ParseStorageRows.forTopic("sale_v1").withClock(PipelineClock.fixed(NOW)));
    PCollectionTuple tableRows =
        input.apply(
            "Table rows",
            ParseEntityEvents.forTopic("sale_v1").withClock(PipelineClock.fixed(NOW)));

    PAssert.that(
            direct
                .get(ParseStorageRows.ROWS)
                .apply(
                    MapElements.into(TypeDescriptors.strings())
                        .via(
                            row ->
                                row.table()
                                    + " "
                                    + row.source().messageId()
                                    + " "
                                    + HexFormat.of().formatHex(row.bytes()))))
        .containsInAnyOrder(
            "retail.sale_v1 m-1 " + tableRowPathBytes(sale, attributes("e-1"), "m-1"),
            "retail.sale_v1 m-2 " + tableRowPathBytes(withUnknownField, attributes("e-2"), "m-2"));
    PAssert.that(
            direct
                .get(ParseEntityEvents.DEAD_LETTERS)
                .apply(
                    "Direct letters",
                    MapElements.into(TypeDescriptors.strings()).via(Rows.rowJson())))
        .containsInAnyOrder(expectedLetters);
    PAssert.that(
            tableRows
                .get(ParseEntityEvents.DEAD_LETTERS)
                .apply(
                    "Table row letters",
                    MapElements.into(TypeDescriptors.strings()).via(Rows.rowJson())))
        .containsInAnyOrder(expectedLetters);
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();

    Map<String, Long> expectedCounters =
        new TreeMap<>(
            Map.of(
                "entityflow.events/parsed",
                2L,
                "entityflow.events/unknown_fields",
                1L,
                "entityflow.events/events_with_unknown_fields",
                1L,
                "entityflow.dead_letter/" + DeadLetterKind.MISSING_ATTRIBUTE,
                1L,
                "entityflow.dead_letter/" + DeadLetterKind.UNPARSEABLE_PAYLOAD,
                1L));
    assertThat(counters(result, "Storage rows")).isEqualTo(expectedCounters);
    assertThat(counters(result, "Table rows")).isEqualTo(expectedCounters);
  }

  @Test
  void storageRowCoderRoundTripsDeterministically() throws CoderException, Exception {
    SourceMessage source =
        new SourceMessage(
            "sale_v1",
            "m-1",
            Instant.parse("2026-11-23T10:15:31.123456789Z"),
            Map.of("z", "1", "a", "2"),
            new byte[] {1, 2, 3});
    StorageRow row = new StorageRow("retail.sale_v1", new byte[] {10, 3, 'e', '-', '1'}, source);
    CoderProperties.coderDecodeEncodeEqual(StorageRowCoder.of(), row);
    CoderProperties.coderDeterministic(
        StorageRowCoder.of(),
        row,
        new StorageRow(
            "retail.sale_v1",
            new byte[] {10, 3, 'e', '-', '1'},
            new SourceMessage(
                "sale_v1",
                "m-1",
                Instant.parse("2026-11-23T10:15:31.123456789Z"),
                new TreeMap<>(Map.of("a", "2", "z", "1")),
                new byte[] {1, 2, 3})));
    StorageRowCoder.of().verifyDeterministic();
    CoderProperties.coderDecodeEncodeEqual(
        StorageRowCoder.of(),
        new StorageRow(
            "retail.sale_v1", new byte[0], new SourceMessage("sale_v1", null, null, null, null)));
  }

  @Test
  void emptyTopicIsRefusedNamingIt() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ParseStorageRows.forTopic(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("topic ' ' is empty; a topic name is required");
  }

  /** The counters above zero of the steps under {@code step}, as namespace/name. */
  private static Map<String, Long> counters(PipelineResult result, String step) {
    Map<String, Long> counters = new TreeMap<>();
    for (String namespace :
        List.of(ParseEntityEvents.METRICS_NAMESPACE, DeadLetterKind.METRICS_NAMESPACE)) {
      for (MetricResult<Long> counter :
          result
              .metrics()
              .queryMetrics(
                  MetricsFilter.builder()
                      .addNameFilter(MetricNameFilter.inNamespace(namespace))
                      .addStep(step)
                      .build())
              .getCounters()) {
        if (counter.getCommitted() > 0) {
          counters.merge(
              namespace + "/" + counter.getName().getName(), counter.getCommitted(), Long::sum);
        }
      }
    }
    return counters;
  }
}
