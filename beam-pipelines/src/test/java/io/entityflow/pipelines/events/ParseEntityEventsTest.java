package io.entityflow.pipelines.events;

import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.deadletter.DeadLetterKind;
import io.entityflow.pipelines.events.SampleEvents.Sample;
import io.entityflow.pipelines.testing.Pipelines;
import io.entityflow.pipelines.testing.Rows;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessageWithAttributesAndMessageIdCoder;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;

class ParseEntityEventsTest {
  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  static final org.joda.time.Instant PUBLISHED = new org.joda.time.Instant(1795428931000L);
  static final String PUBLISHED_TEXT = "2026-11-23T10:15:31.000000Z";

  static Map<String, String> attributes(EntityDefinition entity, String eventId) {
    Map<String, String> attributes = new HashMap<>();
    attributes.put("event_id", eventId);
    attributes.put("operation", "UPDATED");
    attributes.put("occurred_at", "2026-11-23T10:15:30.5Z");
    if (entity.hasPii()) {
      attributes.put("pii_encryption", "tink-aead-v1");
    }
    attributes.put("producer", "till");
    attributes.put("schema", entity.fullName());
    attributes.put("schema_version", entity.schemaVersion());
    return attributes;
  }

  @Test
  void everySampleEntityBecomesItsExactRowWithMetadataColumns() {
    TestPipeline pipeline = Pipelines.create();
    EntityRegistry registry = EntityRegistry.load();
    for (Map.Entry<String, Sample> sample : SampleEvents.all().entrySet()) {
      String topic = sample.getKey();
      EntityDefinition entity = registry.forTopic(topic).orElseThrow();
      PubsubMessage message =
          new PubsubMessage(
              sample.getValue().message().toByteArray(),
              attributes(entity, "e-" + topic),
              "m-" + topic);
      PCollectionTuple parsed =
          pipeline
              .apply(
                  "Create " + topic,
                  Create.timestamped(TimestampedValue.of(message, PUBLISHED))
                      .withCoder(PubsubMessageWithAttributesAndMessageIdCoder.of()))
              .apply(
                  "Parse " + topic,
                  ParseEntityEvents.forTopic(topic).withClock(PipelineClock.fixed(NOW)));
      PCollection<KV<String, String>> rows =
          parsed
              .get(ParseEntityEvents.EVENTS)
              .apply(
                  "Json " + topic,
                  MapElements.into(
                          TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                      .via(Rows.tableAndJson()));
      TableRow expected =
          new TableRow()
              .set("event_id", "e-" + topic)
              .set("operation", "UPDATED")
              .set("occurred_at", "2026-11-23T10:15:30.500000Z")
              .set("publish_time", PUBLISHED_TEXT)
              .set("producer", "till")
              .set("schema_version", entity.schemaVersion())
              .set("message_id", "m-" + topic)
              .set("ingestion_time", "2026-11-23T12:00:00.000000Z");
      expected.putAll(sample.getValue().columns());
      PAssert.that(rows)
          .containsInAnyOrder(KV.of(entity.dataset() + "." + topic, Rows.json(expected)));
      PAssert.that(parsed.get(ParseEntityEvents.DEAD_LETTERS)).empty();
    }
    pipeline.run().waitUntilFinish();
  }

  /** A Customer payload as published: PII fields are ciphertext bytes (here not even UTF-8). */
  private static byte[] encryptedCustomer() {
    EntityDefinition customer = EntityRegistry.load().forTopic("customer_v1").orElseThrow();
    com.google.protobuf.Descriptors.Descriptor wire =
        io.entityflow.contract.privacy.EncryptedForm.of(customer);
    return com.google.protobuf.DynamicMessage.newBuilder(wire)
        .setField(wire.findFieldByName("customer_id"), "c-9")
        .setField(
            wire.findFieldByName("email"),
            com.google.protobuf.ByteString.copyFrom(new byte[] {1, 0, 0, 0, 42, (byte) 0xff, 7}))
        .setField(wire.findFieldByName("country"), "NL")
        .build()
        .toByteArray();
  }

  @Test
  void customerEventLandsWithTheCiphertextOfItsPayloadInTheBytesColumns() {
    EntityDefinition customer = EntityRegistry.load().forTopic("customer_v1").orElseThrow();
    byte[] payload = encryptedCustomer();
    TestPipeline pipeline = Pipelines.create();
    PCollectionTuple parsed =
        parse(
            pipeline,
            "customer_v1",
            List.of(
                TimestampedValue.of(
                    new PubsubMessage(payload, attributes(customer, "e-c"), "m-c"), PUBLISHED)));
    TableRow expected =
        new TableRow()
            .set("event_id", "e-c")
            .set("operation", "UPDATED")
            .set("occurred_at", "2026-11-23T10:15:30.500000Z")
            .set("publish_time", PUBLISHED_TEXT)
            .set("producer", "till")
            .set("schema_version", "1.0")
            .set("message_id", "m-c")
            .set("ingestion_time", "2026-11-23T12:00:00.000000Z")
            .set("customer_id", "c-9")
            .set("email", "AQAAACr/Bw==")
            // Ciphertext columns of values not on the wire hold empty bytes (proto3 defaults);
            // the privacy views read empty ciphertext as absent.
            .set("full_name", "")
            .set("phone", "")
            .set("marketing_opt_in", false)
            .set("segment", "SEGMENT_UNSPECIFIED")
            .set("country", "NL");
    PAssert.that(
            parsed
                .get(ParseEntityEvents.EVENTS)
                .apply(
                    MapElements.into(
                            TypeDescriptors.kvs(
                                TypeDescriptors.strings(), TypeDescriptors.strings()))
                        .via(Rows.tableAndJson())))
        .containsInAnyOrder(KV.of("retail.customer_v1", Rows.json(expected)));
    PAssert.that(parsed.get(ParseEntityEvents.DEAD_LETTERS)).empty();
    pipeline.run().waitUntilFinish();
  }

  @Test
  void customerEventWithoutThePiiEncryptionAttributeIsDeadLettered() {
    EntityDefinition customer = EntityRegistry.load().forTopic("customer_v1").orElseThrow();
    byte[] payload = encryptedCustomer();
    Map<String, String> clear = attributes(customer, "e-c");
    clear.remove("pii_encryption");
    Map<String, String> other = attributes(customer, "e-d");
    other.put("pii_encryption", "none");
    TestPipeline pipeline = Pipelines.create();
    PCollectionTuple parsed =
        parse(
            pipeline,
            "customer_v1",
            List.of(
                TimestampedValue.of(new PubsubMessage(payload, clear, "m-c"), PUBLISHED),
                TimestampedValue.of(new PubsubMessage(payload, other, "m-d"), PUBLISHED)));
    PAssert.that(parsed.get(ParseEntityEvents.EVENTS)).empty();
    PAssert.that(
            parsed
                .get(ParseEntityEvents.DEAD_LETTERS)
                .apply(MapElements.into(TypeDescriptors.strings()).via(Rows.rowJson())))
        .containsInAnyOrder(
            letter(
                "customer_v1",
                "MISSING_ATTRIBUTE",
                "attribute 'pii_encryption' is missing on a message of topic 'customer_v1', whose"
                    + " entity acme.retail.customer.v1.Customer has PII fields; allowed:"
                    + " 'tink-aead-v1' (PII fields published encrypted)",
                "m-c",
                clear,
                payload),
            letter(
                "customer_v1",
                "INVALID_ATTRIBUTE",
                "attribute 'pii_encryption' has invalid value 'none' on a message of topic"
                    + " 'customer_v1'; allowed: 'tink-aead-v1'",
                "m-d",
                other,
                payload));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void eventOfAnEntityWithoutPiiCarryingThePiiEncryptionAttributeIsDeadLettered() {
    // its payload is clear: taking its bytes for ciphertext (or the attribute for a promise of
    // encryption) would be wrong, so the event never reaches the table
    EntityDefinition installation = EntityRegistry.load().forTopic("installation_v1").orElseThrow();
    byte[] payload = SampleEvents.all().get("installation_v1").message().toByteArray();
    Map<String, String> attributes = attributes(installation, "e-i");
    attributes.put("pii_encryption", "tink-aead-v1");
    TestPipeline pipeline = Pipelines.create();
    PCollectionTuple parsed =
        parse(
            pipeline,
            "installation_v1",
            List.of(TimestampedValue.of(new PubsubMessage(payload, attributes, "m-i"), PUBLISHED)));
    PAssert.that(parsed.get(ParseEntityEvents.EVENTS)).empty();
    PAssert.that(
            parsed
                .get(ParseEntityEvents.DEAD_LETTERS)
                .apply(MapElements.into(TypeDescriptors.strings()).via(Rows.rowJson())))
        .containsInAnyOrder(
            letter(
                "installation_v1",
                "INVALID_ATTRIBUTE",
                "attribute 'pii_encryption' with value 'tink-aead-v1' is not allowed on a message"
                    + " of topic 'installation_v1', whose entity"
                    + " acme.energy.installation.v1.Installation has no PII field; allowed: no"
                    + " pii_encryption attribute (its payload is never encrypted)",
                "m-i",
                attributes,
                payload));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void everyBadInputKindBecomesAnExactDeadLetterRow() {
    EntityDefinition sale = EntityRegistry.load().forTopic("sale_v1").orElseThrow();
    byte[] payload = SampleEvents.sale("s-1").message().toByteArray();
    List<PubsubMessage> bad = new ArrayList<>();
    List<String> expected = new ArrayList<>();

    Map<String, String> noEventId = attributes(sale, "x");
    noEventId.remove("event_id");
    bad.add(new PubsubMessage(payload, noEventId, "m1"));
    expected.add(
        letter(
            "MISSING_ATTRIBUTE",
            "attribute 'event_id' is missing on a message of topic 'sale_v1'; every event needs"
                + " event_id, operation and occurred_at",
            "m1",
            noEventId,
            payload));

    Map<String, String> badOperation = attributes(sale, "e2");
    badOperation.put("operation", "UPSERT");
    bad.add(new PubsubMessage(payload, badOperation, "m2"));
    expected.add(
        letter(
            "INVALID_ATTRIBUTE",
            "attribute 'operation' has invalid value 'UPSERT'; allowed: CREATED, UPDATED, DELETED,"
                + " SNAPSHOT",
            "m2",
            badOperation,
            payload));

    Map<String, String> badTime = attributes(sale, "e3");
    badTime.put("occurred_at", "yesterday");
    bad.add(new PubsubMessage(payload, badTime, "m3"));
    expected.add(
        letter(
            "INVALID_ATTRIBUTE",
            "attribute 'occurred_at' has invalid value 'yesterday'; expected an RFC 3339"
                + " timestamp, e.g. 2026-11-23T10:15:30.123Z",
            "m3",
            badTime,
            payload));

    Map<String, String> otherSchema = attributes(sale, "e4");
    otherSchema.put("schema", "acme.retail.customer.v1.Customer");
    bad.add(new PubsubMessage(payload, otherSchema, "m4"));
    expected.add(
        letter(
            "UNKNOWN_SCHEMA",
            "attribute 'schema' is 'acme.retail.customer.v1.Customer' but topic 'sale_v1' carries"
                + " only acme.retail.sale.v1.Sale",
            "m4",
            otherSchema,
            payload));

    Map<String, String> otherMajor = attributes(sale, "e5");
    otherMajor.put("schema_version", "2.0");
    bad.add(new PubsubMessage(payload, otherMajor, "m5"));
    expected.add(
        letter(
            "UNKNOWN_SCHEMA",
            "attribute 'schema_version' is '2.0' but topic 'sale_v1' carries major version 1 only",
            "m5",
            otherMajor,
            payload));

    byte[] garbage = "\n\u0005ab".getBytes(StandardCharsets.ISO_8859_1);
    Map<String, String> fine = attributes(sale, "e6");
    bad.add(new PubsubMessage(garbage, fine, "m6"));
    expected.add(
        letter(
            "UNPARSEABLE_PAYLOAD",
            "payload of 4 bytes on topic 'sale_v1' is not a valid acme.retail.sale.v1.Sale: While"
                + " parsing a protocol message, the input ended unexpectedly in the middle of a"
                + " field.  This could mean either that the input has been truncated or that an"
                + " embedded message misreported its own length.",
            "m6",
            fine,
            garbage));

    byte[] noId = SampleEvents.sale("").message().toByteArray();
    Map<String, String> fine7 = attributes(sale, "e7");
    bad.add(new PubsubMessage(noId, fine7, "m7"));
    expected.add(
        letter(
            "MISSING_ID",
            "payload on topic 'sale_v1' has no id: field 'sale_id' of acme.retail.sale.v1.Sale is"
                + " empty; every event needs a non-empty id",
            "m7",
            fine7,
            noId));

    TestPipeline pipeline = Pipelines.create();
    PCollectionTuple parsed =
        parse(
            pipeline, "sale_v1", bad.stream().map(m -> TimestampedValue.of(m, PUBLISHED)).toList());
    PAssert.that(parsed.get(ParseEntityEvents.EVENTS)).empty();
    PAssert.that(
            parsed
                .get(ParseEntityEvents.DEAD_LETTERS)
                .apply(MapElements.into(TypeDescriptors.strings()).via(Rows.rowJson())))
        .containsInAnyOrder(expected);
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();

    Map<String, Long> counters = committedCounters(result, DeadLetterKind.METRICS_NAMESPACE);
    org.assertj.core.api.Assertions.assertThat(counters)
        .containsExactlyEntriesOf(
            new java.util.TreeMap<>(
                Map.of(
                    "INVALID_ATTRIBUTE", 2L,
                    "MISSING_ATTRIBUTE", 1L,
                    "MISSING_ID", 1L,
                    "UNKNOWN_SCHEMA", 2L,
                    "UNPARSEABLE_PAYLOAD", 1L)));
  }

  @Test
  void traceparentAttributeBecomesTheTraceIdOfTheRowAndOfTheDeadLetter() {
    EntityDefinition sale = EntityRegistry.load().forTopic("sale_v1").orElseThrow();
    Sample sample = SampleEvents.sale("s-1");
    byte[] payload = sample.message().toByteArray();
    Map<String, String> traced = attributes(sale, "e1");
    traced.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    Map<String, String> tracedBad = attributes(sale, "e2");
    tracedBad.put("operation", "UPSERT");
    tracedBad.put("traceparent", "00-5bf92f3577b34da6a3ce929d0e0e4737-00f067aa0ba902b7-01");

    TestPipeline pipeline = Pipelines.create();
    PCollectionTuple parsed =
        parse(
            pipeline,
            "sale_v1",
            List.of(
                TimestampedValue.of(new PubsubMessage(payload, traced, "m1"), PUBLISHED),
                TimestampedValue.of(new PubsubMessage(payload, tracedBad, "m2"), PUBLISHED)));
    TableRow expected =
        new TableRow()
            .set("event_id", "e1")
            .set("operation", "UPDATED")
            .set("occurred_at", "2026-11-23T10:15:30.500000Z")
            .set("publish_time", PUBLISHED_TEXT)
            .set("producer", "till")
            .set("schema_version", sale.schemaVersion())
            .set("message_id", "m1")
            .set("ingestion_time", "2026-11-23T12:00:00.000000Z")
            .set("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
    expected.putAll(sample.columns());
    PAssert.that(
            parsed
                .get(ParseEntityEvents.EVENTS)
                .apply(
                    "Rows",
                    MapElements.into(
                            TypeDescriptors.kvs(
                                TypeDescriptors.strings(), TypeDescriptors.strings()))
                        .via(Rows.tableAndJson())))
        .containsInAnyOrder(KV.of("retail.sale_v1", Rows.json(expected)));
    PAssert.that(
            parsed
                .get(ParseEntityEvents.DEAD_LETTERS)
                .apply("Letters", MapElements.into(TypeDescriptors.strings()).via(Rows.rowJson())))
        .containsInAnyOrder(
            Rows.json(
                new TableRow()
                    .set("failed_at", "2026-11-23T12:00:00.000000Z")
                    .set("error_kind", "INVALID_ATTRIBUTE")
                    .set(
                        "error_message",
                        "attribute 'operation' has invalid value 'UPSERT'; allowed: CREATED,"
                            + " UPDATED, DELETED, SNAPSHOT")
                    .set("source_topic", "sale_v1")
                    .set("message_id", "m2")
                    .set("publish_time", PUBLISHED_TEXT)
                    .set(
                        "attributes",
                        io.entityflow.pipelines.deadletter.AttributesJson.write(tracedBad))
                    .set("payload", java.util.Base64.getEncoder().encodeToString(payload))
                    .set("trace_id", "5bf92f3577b34da6a3ce929d0e0e4737")));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void fieldsUnknownToTheContractAreSkippedAndCounted() throws Exception {
    EntityDefinition sale = EntityRegistry.load().forTopic("sale_v1").orElseThrow();
    byte[] known = SampleEvents.sale("s-1").message().toByteArray();
    java.io.ByteArrayOutputStream newer = new java.io.ByteArrayOutputStream();
    newer.write(known);
    com.google.protobuf.CodedOutputStream extra =
        com.google.protobuf.CodedOutputStream.newInstance(newer);
    extra.writeInt64(1000, 42L);
    extra.writeString(1001, "added in a newer revision");
    extra.flush();
    TableRow expected =
        EntityEventParser.of(sale)
            .parse(
                known,
                attributes(sale, "e1"),
                "m1",
                Instant.ofEpochMilli(PUBLISHED.getMillis()),
                NOW);

    TestPipeline pipeline = Pipelines.create();
    PCollectionTuple parsed =
        parse(
            pipeline,
            "sale_v1",
            List.of(
                TimestampedValue.of(
                    new PubsubMessage(newer.toByteArray(), attributes(sale, "e1"), "m1"),
                    PUBLISHED),
                TimestampedValue.of(
                    new PubsubMessage(known, attributes(sale, "e1"), "m1"), PUBLISHED)));
    PAssert.that(
            parsed
                .get(ParseEntityEvents.EVENTS)
                .apply(
                    MapElements.into(
                            TypeDescriptors.kvs(
                                TypeDescriptors.strings(), TypeDescriptors.strings()))
                        .via(Rows.tableAndJson())))
        .containsInAnyOrder(
            KV.of("retail.sale_v1", Rows.json(expected)),
            KV.of("retail.sale_v1", Rows.json(expected)));
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();

    Map<String, Long> counters = committedCounters(result, ParseEntityEvents.METRICS_NAMESPACE);
    org.assertj.core.api.Assertions.assertThat(counters)
        .containsExactlyEntriesOf(
            new java.util.TreeMap<>(
                Map.of(
                    "parsed",
                    2L,
                    ParseEntityEvents.UNKNOWN_FIELDS,
                    2L,
                    ParseEntityEvents.EVENTS_WITH_UNKNOWN_FIELDS,
                    1L)));
  }

  @Test
  void messageOfATopicWithoutEntityIsAnUnknownTopicDeadLetter() {
    Map<String, String> attributes = Map.of("event_id", "e1");
    byte[] payload = {1, 2, 3};
    TestPipeline pipeline = Pipelines.create();
    PCollectionTuple parsed =
        parse(
            pipeline,
            "gone_v1",
            List.of(TimestampedValue.of(new PubsubMessage(payload, attributes, "m1"), PUBLISHED)));
    PAssert.that(
            parsed
                .get(ParseEntityEvents.DEAD_LETTERS)
                .apply(MapElements.into(TypeDescriptors.strings()).via(Rows.rowJson())))
        .containsInAnyOrder(
            Rows.json(
                new TableRow()
                    .set("failed_at", "2026-11-23T12:00:00.000000Z")
                    .set("error_kind", "UNKNOWN_TOPIC")
                    .set("error_message", "topic 'gone_v1' belongs to no entity of the registry")
                    .set("source_topic", "gone_v1")
                    .set("message_id", "m1")
                    .set("publish_time", PUBLISHED_TEXT)
                    .set("attributes", "{\"event_id\":\"e1\"}")
                    .set("payload", "AQID")));
    pipeline.run().waitUntilFinish();
  }

  private static String letter(
      String kind,
      String message,
      String messageId,
      Map<String, String> attributes,
      byte[] payload) {
    return letter("sale_v1", kind, message, messageId, attributes, payload);
  }

  private static String letter(
      String topic,
      String kind,
      String message,
      String messageId,
      Map<String, String> attributes,
      byte[] payload) {
    return Rows.json(
        new TableRow()
            .set("failed_at", "2026-11-23T12:00:00.000000Z")
            .set("error_kind", kind)
            .set("error_message", message)
            .set("source_topic", topic)
            .set("message_id", messageId)
            .set("publish_time", PUBLISHED_TEXT)
            .set("attributes", io.entityflow.pipelines.deadletter.AttributesJson.write(attributes))
            .set("payload", java.util.Base64.getEncoder().encodeToString(payload)));
  }

  /** The counters of {@code namespace} with a committed value above zero, by name. */
  private static Map<String, Long> committedCounters(PipelineResult result, String namespace) {
    Map<String, Long> counters = new java.util.TreeMap<>();
    for (MetricResult<Long> counter :
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.inNamespace(namespace))
                    .build())
            .getCounters()) {
      if (counter.getCommitted() > 0) {
        counters.merge(counter.getName().getName(), counter.getCommitted(), Long::sum);
      }
    }
    return counters;
  }

  /** The messages, published at {@code PUBLISHED}, parsed for {@code topic} at {@code NOW}. */
  private static PCollectionTuple parse(
      TestPipeline pipeline, String topic, List<TimestampedValue<PubsubMessage>> messages) {
    return pipeline
        .apply(
            "Create " + topic,
            Create.timestamped(messages)
                .withCoder(PubsubMessageWithAttributesAndMessageIdCoder.of()))
        .apply(
            "Parse " + topic,
            ParseEntityEvents.forTopic(topic).withClock(PipelineClock.fixed(NOW)));
  }
}
