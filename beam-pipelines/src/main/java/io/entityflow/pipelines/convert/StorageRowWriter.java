package io.entityflow.pipelines.convert;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.MetadataColumns;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.bigquery.ValueConversion;
import io.entityflow.contract.privacy.EncryptedForm;
import io.entityflow.contract.registry.EntityDefinition;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Transcodes an entity's serialized message (the Pub/Sub payload) plus its metadata column values
 * straight into the bytes the BigQuery Storage Write API appends for one row: the serialized row
 * message of the table's schema, with the descriptor Beam's {@code
 * TableRowToStorageApiProto.getDescriptorFromTableSchema} derives from that schema (column {@code
 * i} of the table is field {@code i + 1}, RECORDs are nested messages numbered the same way, INT64
 * and TIMESTAMP (microseconds) as int64, FLOAT64 as double, NUMERIC as BigQuery's little-endian
 * scaled-integer bytes, JSON as string). No {@code TableRow} and no {@code DynamicMessage} is built
 * on the way (except for Struct, Value, ListValue and FieldMask fields, which go through the same
 * JSON printing as the TableRow path).
 *
 * <p>The bytes are equal, byte for byte, to what Beam's {@code
 * TableRowToStorageApiProto.messageFromTableRow(...).toByteArray()} produces from the row {@link
 * WireRowReader} and the metadata columns give for the same input and table schema (fields in
 * field-number order, every non-NULL value written, defaults of implicit-presence fields included,
 * repeated fields unpacked).
 *
 * <pre>{@code
 * StorageRowWriter writer = StorageRowWriter.of(registry.forTopic("sale_v1").orElseThrow());
 * StorageRowWriter.Row row = writer.write(metadata, payload);
 * byte[] appended = row.bytes();       // one entry of ProtoRows.serialized_rows
 * }</pre>
 *
 * <p>Guarantees: malformed payloads fail as {@link WireRowReader#readInto} fails, with the same
 * exception type and message ({@link InvalidProtocolBufferException} with protobuf's own message
 * for truncated data, bad varints, negative lengths and invalid UTF-8; {@link
 * IllegalArgumentException} naming the column for a Struct or Value without JSON form), so callers
 * dead-letter exactly the messages the TableRow path dead-letters. Unknown fields are counted and
 * skipped. Immutable and thread-safe.
 */
public final class StorageRowWriter {
  private static final int EVENT_ID = 0;
  private static final int OPERATION = 1;
  private static final int OCCURRED_AT = 2;
  private static final int PUBLISH_TIME = 3;
  private static final int PRODUCER = 4;
  private static final int SCHEMA_VERSION = 5;
  private static final int MESSAGE_ID = 6;
  private static final int INGESTION_TIME = 7;
  private static final int TRACE_ID = 8;

  /** The value each metadata column (field {@code i + 1}) holds, resolved once from its name. */
  private final int[] metadataKinds;

  private final WireTranscoder entity;
  private final int idIndex;

  private StorageRowWriter(List<TableColumn> tableColumns, Descriptor descriptor, String idColumn) {
    int metadata = 0;
    while (metadata < tableColumns.size()
        && tableColumns.get(metadata).conversion() == ValueConversion.METADATA) {
      checkKnown(tableColumns.get(metadata));
      metadata++;
    }
    this.metadataKinds = new int[metadata];
    for (int i = 0; i < metadata; i++) {
      metadataKinds[i] = kindOf(tableColumns.get(i).name());
    }
    this.entity =
        new WireTranscoder(
            tableColumns.subList(metadata, tableColumns.size()), descriptor, metadata + 1);
    this.idIndex = idColumn == null ? -1 : entity.indexOf(idColumn);
    if (idColumn != null && idIndex < 0) {
      throw new IllegalArgumentException(
          "id column '" + idColumn + "' is not a column of " + descriptor.getFullName());
    }
  }

  /**
   * A writer for the rows of an entity's table ({@link EntityTable#of}): metadata columns first,
   * then the entity's columns; {@link Row#idMissing()} reports an empty id field.
   *
   * @throws IllegalArgumentException when a column does not match its field
   */
  public static StorageRowWriter of(EntityDefinition entity) {
    return new StorageRowWriter(
        EntityTable.of(entity).columns(), EncryptedForm.of(entity), entity.idField().getName());
  }

  /**
   * A writer for a table with these columns: metadata columns (conversion {@code METADATA}, names
   * of {@link MetadataColumns}) first, then the columns of {@code descriptor}'s fields.
   *
   * @throws IllegalArgumentException when a metadata column is unknown or a column does not match
   *     its field
   */
  public static StorageRowWriter of(List<TableColumn> tableColumns, Descriptor descriptor) {
    return new StorageRowWriter(tableColumns, descriptor, null);
  }

  /**
   * One row message: its bytes, how many payload fields the contract does not know were skipped (at
   * any depth), and whether the entity's id field was empty (NULL, "" or 0, as {@code
   * EntityEventParser} judges the TableRow).
   *
   * @param bytes the serialized row message
   * @param unknownFields payload fields skipped as unknown
   * @param idMissing whether the id column is NULL, "" or "0" (false without id column)
   */
  public record Row(byte[] bytes, int unknownFields, boolean idMissing) {}

  /**
   * Writes one row: the metadata columns, then the payload's columns.
   *
   * @throws InvalidProtocolBufferException when the payload is not valid wire data of the message
   * @throws IllegalArgumentException when a JSON-mapped field has no JSON form
   */
  public Row write(RowMetadata metadata, byte[] payload) throws InvalidProtocolBufferException {
    int[] unknown = new int[1];
    WireFrame frame;
    try {
      frame = entity.scan(CodedInputStream.newInstance(payload), payload, unknown);
    } catch (InvalidProtocolBufferException e) {
      throw e;
    } catch (IOException e) {
      throw new InvalidProtocolBufferException(e);
    }
    RowBuffer out = new RowBuffer(payload.length + 256);
    for (int i = 0; i < metadataKinds.length; i++) {
      writeMetadata(out, i + 1, metadataKinds[i], metadata);
    }
    entity.emit(frame, payload, out);
    boolean idMissing = idIndex >= 0 && entity.isEmpty(frame, idIndex, payload);
    return new Row(out.toByteArray(), unknown[0], idMissing);
  }

  private static int kindOf(String name) {
    return switch (name) {
      case MetadataColumns.EVENT_ID -> EVENT_ID;
      case MetadataColumns.OPERATION -> OPERATION;
      case MetadataColumns.OCCURRED_AT -> OCCURRED_AT;
      case MetadataColumns.PUBLISH_TIME -> PUBLISH_TIME;
      case MetadataColumns.PRODUCER -> PRODUCER;
      case MetadataColumns.SCHEMA_VERSION -> SCHEMA_VERSION;
      case MetadataColumns.MESSAGE_ID -> MESSAGE_ID;
      case MetadataColumns.INGESTION_TIME -> INGESTION_TIME;
      case MetadataColumns.TRACE_ID -> TRACE_ID;
      default -> throw new IllegalStateException("unknown metadata column '" + name + "'");
    };
  }

  private static void writeMetadata(RowBuffer out, int number, int kind, RowMetadata m) {
    switch (kind) {
      case EVENT_ID -> string(out, number, m.eventId());
      case OPERATION -> string(out, number, m.operation());
      case OCCURRED_AT -> timestamp(out, number, m.occurredAt());
      case PUBLISH_TIME -> timestamp(out, number, m.publishTime());
      case PRODUCER -> string(out, number, m.producer());
      case SCHEMA_VERSION -> string(out, number, m.schemaVersion());
      case MESSAGE_ID -> string(out, number, m.messageId());
      case INGESTION_TIME -> timestamp(out, number, m.ingestionTime());
      default -> string(out, number, m.traceId());
    }
  }

  private static void checkKnown(TableColumn column) {
    if (MetadataColumns.COLUMNS.stream().noneMatch(c -> c.name().equals(column.name()))) {
      throw new IllegalArgumentException(
          "metadata column '"
              + column.name()
              + "' has no value in RowMetadata; allowed: "
              + MetadataColumns.COLUMNS.stream().map(TableColumn::name).toList());
    }
  }

  private static void string(RowBuffer out, int number, String value) {
    if (value != null) {
      out.writeString(number, value);
    }
  }

  private static void timestamp(RowBuffer out, int number, Instant value) {
    if (value != null) {
      out.writeInt64(number, TimestampMicros.of(value));
    }
  }
}
