package io.entityflow.pipelines.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.services.bigquery.model.TableRow;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.EntityTopicsToBigQuery;
import io.entityflow.pipelines.events.EventRow;
import io.entityflow.pipelines.events.EventRowCoder;
import io.entityflow.pipelines.events.ParseEntityEvents;
import io.entityflow.pipelines.events.ParseStorageRows;
import io.entityflow.pipelines.events.PipelineClock;
import io.entityflow.pipelines.events.SampleEvents;
import io.entityflow.pipelines.events.StorageRow;
import io.entityflow.pipelines.events.StorageRowCoder;
import io.entityflow.pipelines.options.WriteMethod;
import io.entityflow.pipelines.testing.BeamStorageRows;
import io.entityflow.pipelines.testing.Pipelines;
import io.entityflow.pipelines.testing.Rows;
import io.entityflow.pipelines.testing.TerraformTables;
import io.entityflow.testing.bigquery.RuleCheckingDatasetService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.gcp.bigquery.TableRowToStorageApiProto;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessageWithAttributesAndMessageIdCoder;
import org.apache.beam.sdk.io.gcp.testing.FakeBigQueryServices;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.io.gcp.testing.FakeJobService;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The direct sink on Beam's fake BigQuery (with BigQuery's request rules in front): what lands and
 * what is refused, compared with what {@link WriteToBigQuery} lands and refuses for the same
 * messages.
 */
class WriteStorageRowsTest {
  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  static final org.joda.time.Instant PUBLISHED = new org.joda.time.Instant(1795428931250L);
  static final EntityRegistry REGISTRY = EntityRegistry.load();

  private FakeDatasetService datasets;
  private FakeBigQueryServices services;

  @BeforeEach
  void fakes() {
    FakeDatasetService.setUp();
    FakeJobService.setUp();
    datasets = new RuleCheckingDatasetService();
    services =
        new FakeBigQueryServices()
            .withDatasetService(datasets)
            .withJobService(new FakeJobService());
  }

  /** Creates the tables of {@code topics} and the system tables in {@code project}. */
  static void createTables(FakeDatasetService datasets, String project, String... topics)
      throws Exception {
    PhysicalLayout layout = PhysicalLayout.of(REGISTRY);
    List<EntityDefinition> entities = new ArrayList<>();
    for (String topic : topics) {
      entities.add(REGISTRY.forTopic(topic).orElseThrow());
    }
    TerraformTables.create(
        datasets, project, layout, EntityTopicsToBigQuery.writtenTables(layout, entities));
  }

  /** A message of {@code topic} as its producer publishes it. */
  static TimestampedValue<PubsubMessage> message(String topic, Message payload, String eventId) {
    EntityDefinition entity = REGISTRY.forTopic(topic).orElseThrow();
    Map<String, String> attributes = new HashMap<>();
    attributes.put("event_id", eventId);
    attributes.put("operation", "CREATED");
    attributes.put("occurred_at", "2026-11-23T10:00:00Z");
    attributes.put("producer", "till");
    if (entity.hasPii()) {
      attributes.put("pii_encryption", "tink-aead-v1");
    }
    return TimestampedValue.of(
        new PubsubMessage(payload.toByteArray(), attributes, "m-" + eventId), PUBLISHED);
  }

  /** The direct path: parse per topic, then the sink; returns the refused rows. */
  static PCollection<EventRow> direct(
      TestPipeline pipeline,
      String name,
      List<TimestampedValue<PubsubMessage>> messages,
      WriteStorageRows sink) {
    List<PCollection<StorageRow>> rows = new ArrayList<>();
    for (String topic : topics(messages)) {
      rows.add(
          create(pipeline, name + " " + topic, messages, topic)
              .apply(
                  name + " parse " + topic,
                  ParseStorageRows.forTopic(topic).withClock(PipelineClock.fixed(NOW)))
              .get(ParseStorageRows.ROWS));
    }
    return PCollectionList.of(rows)
        .apply(name + " rows", Flatten.pCollections())
        .setCoder(StorageRowCoder.of())
        .apply(name, sink.withClock(PipelineClock.fixed(NOW)));
  }

  /** The TableRow path into {@code project}: parse per topic, then BigQueryIO at-least-once. */
  private PCollection<EventRow> tableRows(
      TestPipeline pipeline, String project, List<TimestampedValue<PubsubMessage>> messages) {
    List<PCollection<EventRow>> rows = new ArrayList<>();
    for (String topic : topics(messages)) {
      rows.add(
          create(pipeline, "Table rows " + topic, messages, topic)
              .apply(
                  "Table rows parse " + topic,
                  ParseEntityEvents.forTopic(topic).withClock(PipelineClock.fixed(NOW)))
              .get(ParseEntityEvents.EVENTS));
    }
    return PCollectionList.of(rows)
        .apply("Table rows", Flatten.pCollections())
        .setCoder(EventRowCoder.of())
        .apply(
            "Write table rows",
            WriteToBigQuery.toProject(project)
                .withMethod(WriteMethod.AT_LEAST_ONCE)
                .withTestServices(services)
                .withClock(PipelineClock.fixed(NOW)));
  }

  private static List<String> topics(List<TimestampedValue<PubsubMessage>> messages) {
    List<String> topics = new ArrayList<>();
    for (TimestampedValue<PubsubMessage> message : messages) {
      String topic = message.getValue().getMessageId().replaceFirst("^m-(.*)-[0-9]+$", "$1");
      if (!topics.contains(topic)) {
        topics.add(topic);
      }
    }
    return topics;
  }

  private static PCollection<PubsubMessage> create(
      TestPipeline pipeline,
      String name,
      List<TimestampedValue<PubsubMessage>> messages,
      String topic) {
    return pipeline.apply(
        name,
        Create.timestamped(
                messages.stream()
                    .filter(m -> m.getValue().getMessageId().startsWith("m-" + topic + "-"))
                    .toList())
            .withCoder(PubsubMessageWithAttributesAndMessageIdCoder.of()));
  }

  /** The rows of a fake table as canonical JSON. */
  private List<String> landed(String project, String dataset, String table) throws Exception {
    return datasets.getAllRows(project, dataset, table).stream().map(Rows::json).toList();
  }

  @Test
  void saleInstallationAndCallRecordEventsLandExactlyAsTheTableRowPathLandsThem() throws Exception {
    createTables(datasets, "p-table-row", "sale_v1", "installation_v1", "call_record_v1");
    createTables(datasets, "p-direct", "sale_v1", "installation_v1", "call_record_v1");
    Map<String, SampleEvents.Sample> samples = SampleEvents.all();
    List<TimestampedValue<PubsubMessage>> messages =
        List.of(
            message("sale_v1", SampleEvents.sale("s-1").message(), "sale_v1-1"),
            message("sale_v1", SampleEvents.sale("s-2").message(), "sale_v1-2"),
            message(
                "installation_v1", samples.get("installation_v1").message(), "installation_v1-1"),
            message("call_record_v1", samples.get("call_record_v1").message(), "call_record_v1-1"));

    TestPipeline pipeline = Pipelines.create();
    PAssert.that(
            direct(
                pipeline,
                "Direct",
                messages,
                WriteStorageRows.toProject("p-direct").withTestServices(services)))
        .empty();
    PAssert.that(tableRows(pipeline, "p-table-row", messages)).empty();
    pipeline.run().waitUntilFinish();

    for (String[] table :
        List.of(
            new String[] {"retail", "sale_v1"},
            new String[] {"energy", "installation_v1"},
            new String[] {"telco", "call_record_v1"})) {
      List<String> expected = landed("p-table-row", table[0], table[1]);
      assertThat(landed("p-direct", table[0], table[1]))
          .as(table[1])
          .containsExactlyInAnyOrderElementsOf(expected)
          .hasSize(table[1].equals("sale_v1") ? 2 : 1);
    }
    assertThat(datasets.getAllRows("p-direct", "retail", "sale_v1"))
        .extracting(row -> row.get("event_id") + " " + row.get("sale_id"))
        .containsExactlyInAnyOrder("sale_v1-1 s-1", "sale_v1-2 s-2");
  }

  /** The fake's error: this prefix, then its rendering of the whole row. */
  private static final String FAKE_ERROR =
      "Failing row GenericData{classInfo=[f], {event_id=sale_v1-2,";

  /** Table, whether it has a source, and the row as JSON with the fake's row rendering cut off. */
  private static String shortened(EventRow letter) {
    TableRow copy = letter.row().clone();
    String error = (String) copy.get("error_message");
    int cut = error.indexOf(FAKE_ERROR);
    if (cut >= 0) {
      copy.set("error_message", error.substring(0, cut + FAKE_ERROR.length()) + " <the row>");
    }
    return letter.table() + " " + (letter.source() == null) + " " + Rows.json(copy);
  }

  @Test
  void rowBigQueryRefusesBecomesTheDeadLetterTheTableRowPathGivesAndTheOtherRowsLand()
      throws Exception {
    datasets.setShouldFailRow(
        (java.util.function.Function<TableRow, Boolean> & java.io.Serializable)
            row -> "s-bad".equals(row.get("sale_id")));
    createTables(datasets, "p-table-row", "sale_v1");
    createTables(datasets, "p-direct", "sale_v1");
    TimestampedValue<PubsubMessage> bad =
        message("sale_v1", SampleEvents.sale("s-bad").message(), "sale_v1-2");
    List<TimestampedValue<PubsubMessage>> messages =
        List.of(
            message("sale_v1", SampleEvents.sale("s-1").message(), "sale_v1-1"),
            bad,
            message("sale_v1", SampleEvents.sale("s-3").message(), "sale_v1-3"));
    String expected =
        "entityflow.dead_letter true "
            + Rows.json(
                new TableRow()
                    .set("failed_at", "2026-11-23T12:00:00.000000Z")
                    .set("error_kind", "WAREHOUSE_REJECTED")
                    .set(
                        "error_message",
                        "BigQuery refused a row of sale_v1: " + FAKE_ERROR + " <the row>")
                    .set("source_topic", "sale_v1")
                    .set("message_id", "m-sale_v1-2")
                    .set("publish_time", "2026-11-23T10:15:31.250000Z")
                    .set(
                        "attributes",
                        "{\"event_id\":\"sale_v1-2\",\"occurred_at\":\"2026-11-23T10:00:00Z\","
                            + "\"operation\":\"CREATED\",\"pii_encryption\":\"tink-aead-v1\","
                            + "\"producer\":\"till\"}")
                    .set(
                        "payload",
                        java.util.Base64.getEncoder().encodeToString(bad.getValue().getPayload())));

    TestPipeline pipeline = Pipelines.create();
    PAssert.that(
            direct(
                    pipeline,
                    "Direct",
                    messages,
                    WriteStorageRows.toProject("p-direct").withTestServices(services))
                .apply(
                    "Direct letters",
                    MapElements.into(TypeDescriptors.strings())
                        .via(WriteStorageRowsTest::shortened)))
        .containsInAnyOrder(expected);
    PAssert.that(
            tableRows(pipeline, "p-table-row", messages)
                .apply(
                    "Table row letters",
                    MapElements.into(TypeDescriptors.strings())
                        .via(WriteStorageRowsTest::shortened)))
        .containsInAnyOrder(expected);
    org.apache.beam.sdk.PipelineResult result = pipeline.run();
    result.waitUntilFinish();

    assertThat(datasets.getAllRows("p-direct", "retail", "sale_v1"))
        .extracting(row -> row.get("sale_id"))
        .containsExactlyInAnyOrder("s-1", "s-3");
    assertThat(landed("p-direct", "retail", "sale_v1"))
        .containsExactlyInAnyOrderElementsOf(landed("p-table-row", "retail", "sale_v1"));
  }

  @Test
  void theWriterSchemaOfEveryEntityTableIsTheDescriptorStorageRowWriterWritesFor()
      throws Exception {
    PhysicalLayout layout = PhysicalLayout.of(REGISTRY).withDatasetPrefix("prod_");
    for (EntityDefinition entity : REGISTRY.entities()) {
      Descriptor writer = BeamStorageRows.of(EntityTable.of(entity).columns()).descriptor();
      Descriptor sink =
          TableRowToStorageApiProto.wrapDescriptorProto(
              WriteStorageRows.descriptorOf(layout.entity(entity).table()));
      assertThat(shape(sink)).as(entity.fullName()).isEqualTo(shape(writer)).contains("event_id");
    }
  }

  /** Fields, numbers, labels and types, nested messages inline (their generated names aside). */
  private static String shape(Descriptor descriptor) {
    StringBuilder shape = new StringBuilder("{");
    for (FieldDescriptor field : descriptor.getFields()) {
      shape
          .append(field.getNumber())
          .append(' ')
          .append(field.getName())
          .append(' ')
          .append(field.toProto().getLabel())
          .append(' ')
          .append(field.getType());
      if (field.getType() == FieldDescriptor.Type.MESSAGE) {
        shape.append(shape(field.getMessageType()));
      }
      shape.append("; ");
    }
    return shape.append('}').toString();
  }

  @Test
  void settingsOutOfRangeAreRefusedNamingTheValueAndWhatIsAllowed() {
    assertThatThrownBy(() -> WriteStorageRows.toProject(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("BigQuery project '' is empty; a project id is required");
    WriteStorageRows sink = WriteStorageRows.toProject("p");
    assertThatThrownBy(() -> sink.withRetries(0, Duration.millis(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "max attempts 0 is out of range; allowed: 1 to 20 attempts per AppendRows request");
    assertThatThrownBy(() -> sink.withRetries(3, Duration.standardMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("initial backoff of 60000 ms is out of range; allowed: 1 to 30000 ms");
    assertThatThrownBy(() -> sink.withRetries(3, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("initial backoff of 0 ms is out of range; allowed: 1 to 30000 ms");
  }

  @Test
  void withMethodsKeepTheOtherSettingsInAnyOrderAndShowThemAsDisplayData() {
    WriteStorageRows one =
        WriteStorageRows.toProject("p")
            .withDatasetPrefix("prod_")
            .withRetries(4, Duration.millis(250));
    WriteStorageRows other =
        WriteStorageRows.toProject("p")
            .withRetries(4, Duration.millis(250))
            .withDatasetPrefix("prod_");

    assertThat(one).isEqualTo(other);
    Map<String, String> items = new java.util.TreeMap<>();
    DisplayData.from(one)
        .items()
        .forEach(item -> items.put(item.getKey(), String.valueOf(item.getValue())));
    assertThat(items)
        .containsEntry("project", "p")
        .containsEntry("datasetPrefix", "prod_")
        .containsEntry("stream", "_default (at-least-once)")
        .containsEntry("maxAttempts", "4")
        .containsEntry("initialBackoff", "250");
  }
}
