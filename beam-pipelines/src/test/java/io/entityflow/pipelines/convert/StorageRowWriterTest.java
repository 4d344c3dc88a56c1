package io.entityflow.pipelines.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.services.bigquery.model.TableRow;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import io.entityflow.contract.bigquery.BigQuerySchemaMapper;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.MetadataColumns;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.bigquery.ValueConversion;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.events.SampleEvents;
import io.entityflow.pipelines.testing.BeamStorageRows;
import io.entityflow.testing.proto.AllTypes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class StorageRowWriterTest {
  private static final RowMetadata METADATA =
      RowMetadata.of(
          "e-1",
          "CREATED",
          Instant.parse("2026-11-23T10:00:00.123456789Z"),
          Instant.parse("2026-11-23T10:00:01.250Z"),
          "till",
          "1.0",
          "m-1",
          Instant.parse("2026-11-23T10:00:02Z"));

  /** A table of a message type: the metadata columns, then the mapped columns of the type. */
  private static List<TableColumn> tableOf(Descriptor type) {
    List<TableColumn> columns = new ArrayList<>(MetadataColumns.COLUMNS);
    columns.addAll(BigQuerySchemaMapper.columnsOf(type));
    return columns;
  }

  /** The TableRow path: metadata columns as EntityEventParser puts them, then WireRowReader. */
  private static TableRow tableRow(
      List<TableColumn> table, Descriptor type, RowMetadata m, byte[] p)
      throws InvalidProtocolBufferException {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put(MetadataColumns.EVENT_ID, m.eventId());
    row.put(MetadataColumns.OPERATION, m.operation());
    row.put(MetadataColumns.OCCURRED_AT, Timestamps.format(m.occurredAt()));
    if (m.publishTime() != null) {
      row.put(MetadataColumns.PUBLISH_TIME, Timestamps.format(m.publishTime()));
    }
    putIfPresent(row, MetadataColumns.PRODUCER, m.producer());
    putIfPresent(row, MetadataColumns.SCHEMA_VERSION, m.schemaVersion());
    putIfPresent(row, MetadataColumns.MESSAGE_ID, m.messageId());
    row.put(MetadataColumns.INGESTION_TIME, Timestamps.format(m.ingestionTime()));
    WireRowReader.of(table.subList(MetadataColumns.COLUMNS.size(), table.size()), type)
        .readInto(p, row);
    return WireRowReader.rowOf(row);
  }

  private static void putIfPresent(Map<String, Object> row, String column, String value) {
    if (value != null) {
      row.put(column, value);
    }
  }

  /** The outcome of a path: the bytes in hex, or the exception's type and message. */
  private static String outcomeOfTableRowPath(
      List<TableColumn> table, BeamStorageRows beam, Descriptor type, RowMetadata m, byte[] p) {
    try {
      return HexFormat.of().formatHex(beam.bytes(tableRow(table, type, m, p)));
    } catch (Exception e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  private static String outcomeOfWriter(StorageRowWriter writer, RowMetadata m, byte[] p) {
    try {
      return HexFormat.of().formatHex(writer.write(m, p).bytes());
    } catch (Exception e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  /** Asserts both paths give the same bytes (or fail alike) for each payload; returns successes. */
  private static int assertSameOutcomes(Descriptor type, List<byte[]> payloads) {
    List<TableColumn> table = tableOf(type);
    BeamStorageRows beam = BeamStorageRows.of(table);
    StorageRowWriter writer = StorageRowWriter.of(table, type);
    int written = 0;
    for (byte[] payload : payloads) {
      String expected = outcomeOfTableRowPath(table, beam, type, METADATA, payload);
      assertThat(outcomeOfWriter(writer, METADATA, payload))
          .as("%s payload %s", type.getFullName(), HexFormat.of().formatHex(payload))
          .isEqualTo(expected);
      written += expected.contains(": ") ? 0 : 1;
    }
    return written;
  }

  @Test
  void everySampleEntityWritesTheBytesBeamMakesOfItsTableRow() throws Exception {
    EntityRegistry registry = EntityRegistry.load();
    Map<String, SampleEvents.Sample> samples = SampleEvents.all();
    assertThat(new TreeSet<>(samples.keySet()))
        .isEqualTo(
            new TreeSet<>(registry.entities().stream().map(EntityDefinition::topicName).toList()));
    for (Map.Entry<String, SampleEvents.Sample> sample : samples.entrySet()) {
      EntityDefinition entity = registry.forTopic(sample.getKey()).orElseThrow();
      List<TableColumn> table = EntityTable.of(entity).columns();
      byte[] payload = sample.getValue().message().toByteArray();

      byte[] expected =
          BeamStorageRows.of(table)
              .bytes(tableRow(table, PayloadDescriptor.of(entity), METADATA, payload));
      StorageRowWriter.Row row = StorageRowWriter.of(entity).write(METADATA, payload);

      assertThat(row.bytes()).as(sample.getKey()).isEqualTo(expected);
      assertThat(row.unknownFields()).isZero();
      assertThat(row.idMissing()).isFalse();
    }
  }

  @Test
  void everyValueConversionWritesTheBytesBeamMakesOfTheTableRow() {
    Set<ValueConversion> covered = EnumSet.noneOf(ValueConversion.class);
    collect(tableOf(ProtoRowConverterTest.EVERY), covered);
    collect(tableOf(PayloadDescriptor.of(AllTypes.getDescriptor())), covered);
    assertThat(covered).isEqualTo(EnumSet.allOf(ValueConversion.class));

    assertThat(
            assertSameOutcomes(
                ProtoRowConverterTest.EVERY,
                List.of(ProtoRowConverterTest.everyTypeMessage().toByteArray(), new byte[0])))
        .isEqualTo(2);
    assertThat(
            assertSameOutcomes(
                PayloadDescriptor.of(AllTypes.getDescriptor()), List.of(new byte[0])))
        .isEqualTo(1);
  }

  @Test
  void randomMessagesOfEveryTypeAndEntityWriteTheBytesBeamMakesOfTheTableRow() {
    List<Descriptor> types = new ArrayList<>();
    types.add(ProtoRowConverterTest.EVERY);
    types.add(PayloadDescriptor.of(AllTypes.getDescriptor()));
    EntityRegistry.load().entities().forEach(e -> types.add(PayloadDescriptor.of(e)));
    for (Descriptor type : types) {
      RandomMessages random = new RandomMessages(type.getFullName().hashCode());
      List<byte[]> payloads = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        payloads.add(random.of(type).toByteArray());
      }
      assertThat(assertSameOutcomes(type, payloads)).as(type.getFullName()).isGreaterThan(300);
    }
  }

  @Test
  void corruptPayloadsFailExactlyAsInTheTableRowPath() {
    List<Descriptor> types = new ArrayList<>();
    types.add(ProtoRowConverterTest.EVERY);
    types.add(PayloadDescriptor.of(AllTypes.getDescriptor()));
    EntityRegistry.load().entities().forEach(e -> types.add(PayloadDescriptor.of(e)));
    for (Descriptor type : types) {
      RandomMessages messages = new RandomMessages(7);
      Random random = new Random(11);
      List<byte[]> payloads = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        byte[] valid = messages.of(type).toByteArray();
        if (valid.length == 0) {
          continue;
        }
        payloads.add(Arrays.copyOf(valid, random.nextInt(valid.length)));
        byte[] flipped = valid.clone();
        flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
        payloads.add(flipped);
      }
      assertSameOutcomes(type, payloads);
    }
  }

  @Test
  void wireQuirksFollowTheTableRowPath() throws Exception {
    Descriptor every = ProtoRowConverterTest.EVERY;
    ByteString text1 =
        DynamicMessage.newBuilder(every).setField(field("text"), "first").build().toByteString();
    ByteString text2 =
        DynamicMessage.newBuilder(every).setField(field("text"), "second").build().toByteString();
    byte[] unknown = {(byte) 0xf8, 0x07, 0x01}; // field 127, varint 1
    byte[] wrongWireType = {0x20, 0x05, 0x25, 0x01, 0x00, 0x00, 0x00}; // i32 varint, then fixed32
    byte[] packedTwice = {(byte) 0xa2, 0x01, 0x02, 0x78, 0x79}; // tags as packed? string: skipped
    List<byte[]> payloads =
        List.of(
            text1.concat(text2).toByteArray(),
            unknown,
            wrongWireType,
            packedTwice,
            ProtoRowConverterTest.everyTypeMessage().toByteString().concat(text1).toByteArray());

    assertThat(assertSameOutcomes(every, payloads)).isEqualTo(5);
    assertThat(StorageRowWriter.of(tableOf(every), every).write(METADATA, unknown).unknownFields())
        .isEqualTo(1);
  }

  @Test
  void writtenBytesParseWithBeamsDescriptorIntoTheColumnValues() throws Exception {
    EntityDefinition sale = EntityRegistry.load().forTopic("sale_v1").orElseThrow();
    List<TableColumn> table = EntityTable.of(sale).columns();
    Descriptor row = BeamStorageRows.of(table).descriptor();

    DynamicMessage message =
        DynamicMessage.parseFrom(
            row,
            StorageRowWriter.of(sale)
                .write(METADATA, SampleEvents.sale("s-1").message().toByteArray())
                .bytes());

    assertThat(message.getField(row.findFieldByName("event_id"))).isEqualTo("e-1");
    assertThat(message.getField(row.findFieldByName("occurred_at"))).isEqualTo(1795428000123456L);
    assertThat(message.getField(row.findFieldByName("publish_time"))).isEqualTo(1795428001250000L);
    assertThat(message.getField(row.findFieldByName("sale_id"))).isEqualTo("s-1");
    assertThat(row.findFieldByName("event_id").getNumber()).isEqualTo(1);
    assertThat(row.findFieldByName("sale_id").getNumber()).isEqualTo(9);
  }

  @Test
  void emptyIdIsReportedAsTheTableRowPathJudgesIt() throws Exception {
    EntityDefinition sale = EntityRegistry.load().forTopic("sale_v1").orElseThrow();
    StorageRowWriter writer = StorageRowWriter.of(sale);

    assertThat(writer.write(METADATA, new byte[0]).idMissing()).isTrue();
    assertThat(writer.write(METADATA, SampleEvents.sale("0").message().toByteArray()).idMissing())
        .isTrue();
    assertThat(writer.write(METADATA, SampleEvents.sale("00").message().toByteArray()).idMissing())
        .isFalse();
  }

  @Test
  void nonAsciiAndMissingMetadataValuesWriteTheBytesBeamMakesOfTheTableRow() throws Exception {
    EntityDefinition sale = EntityRegistry.load().forTopic("sale_v1").orElseThrow();
    List<TableColumn> table = EntityTable.of(sale).columns();
    byte[] payload = SampleEvents.sale("s-1").message().toByteArray();
    RowMetadata metadata =
        RowMetadata.of(
            "é-1",
            "DELETED",
            Instant.parse("0001-01-01T00:00:00Z"),
            null,
            "caisse-😀",
            "",
            null,
            Instant.parse("9999-12-31T23:59:59.999999999Z"));

    assertThat(StorageRowWriter.of(sale).write(metadata, payload).bytes())
        .isEqualTo(
            BeamStorageRows.of(table)
                .bytes(tableRow(table, PayloadDescriptor.of(sale), metadata, payload)));
  }

  @Test
  void invalidUtf8IsRefusedWithProtobufsMessage() {
    EntityDefinition sale = EntityRegistry.load().forTopic("sale_v1").orElseThrow();

    assertThatThrownBy(
            () -> StorageRowWriter.of(sale).write(METADATA, new byte[] {0x0a, 0x01, (byte) 0xc0}))
        .isInstanceOf(InvalidProtocolBufferException.class)
        .hasMessage("Protocol message had invalid UTF-8.");
  }

  @Test
  void unknownMetadataColumnIsRefusedNamingIt() {
    List<TableColumn> table = new ArrayList<>(tableOf(ProtoRowConverterTest.EVERY));
    table.add(
        0,
        TableColumn.pipelineColumn(
            "region",
            io.entityflow.contract.bigquery.BigQueryType.STRING,
            io.entityflow.contract.bigquery.ColumnMode.NULLABLE,
            "",
            io.entityflow.contract.options.Sensitivity.INTERNAL));

    assertThatThrownBy(() -> StorageRowWriter.of(table, ProtoRowConverterTest.EVERY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "metadata column 'region' has no value in RowMetadata; allowed: [event_id, operation,"
                + " occurred_at, publish_time, producer, schema_version, message_id,"
                + " ingestion_time]");
  }

  private static com.google.protobuf.Descriptors.FieldDescriptor field(String name) {
    return ProtoRowConverterTest.EVERY.findFieldByName(name);
  }

  private static void collect(List<TableColumn> columns, Set<ValueConversion> covered) {
    for (TableColumn column : columns) {
      covered.add(column.conversion());
      collect(column.fields(), covered);
    }
  }
}
