package io.entityflow.pipelines.convert;

import com.google.api.services.bigquery.model.TableRow;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import io.entityflow.contract.bigquery.ColumnMode;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.bigquery.ValueConversion;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads serialized proto bytes straight into the BigQuery row of the message's columns, without
 * building a message object first: the fast path of the pipeline. Produces exactly the row {@link
 * ProtoRowConverter} produces from the parsed message (same value forms, proto3 defaults for absent
 * implicit-presence fields, NULL for absent fields with presence).
 *
 * <pre>{@code
 * WireRowReader reader = WireRowReader.of(EntityTable.of(sale).entityColumns(), descriptor);
 * TableRow row = reader.read(payload);
 * }</pre>
 *
 * <p>Guarantees: invalid wire data (truncated, bad UTF-8 in a string) raises {@link
 * InvalidProtocolBufferException} with protobuf's own message; unknown fields and fields with an
 * unexpected wire type are skipped, as the protobuf runtime does. A non-repeated field present more
 * than once keeps its last value. Thread-safe and immutable.
 */
public final class WireRowReader {
  /** Field 1 (seconds) of Timestamp and Duration, varint. */
  private static final int SECONDS_TAG = 1 << 3;

  /** Field 2 (nanos) of Timestamp and Duration, varint. */
  private static final int NANOS_TAG = 2 << 3;

  private final Descriptor descriptor;
  private final Slot[] byNumber;
  private final Slot[] slots;

  /** Position in {@link #slots} of each field number (built once, read per message). */
  private final int[] indexByNumber;

  private final ProtoRowConverter jsonFallback;

  private WireRowReader(List<TableColumn> columns, Descriptor descriptor) {
    this.descriptor = descriptor;
    this.slots = new Slot[columns.size()];
    int max = 0;
    for (TableColumn column : columns) {
      max = Math.max(max, column.fieldNumber());
    }
    this.byNumber = new Slot[max + 1];
    for (int i = 0; i < slots.length; i++) {
      TableColumn column = columns.get(i);
      FieldDescriptor field = ColumnFields.fieldOf(descriptor, column);
      slots[i] = new Slot(column, field);
      byNumber[column.fieldNumber()] = slots[i];
    }
    this.indexByNumber = new int[byNumber.length];
    for (int i = 0; i < slots.length; i++) {
      indexByNumber[slots[i].column.fieldNumber()] = i;
    }
    this.jsonFallback = ProtoRowConverter.of(columns, descriptor);
  }

  /** A reader for the given columns of a message type. */
  public static WireRowReader of(List<TableColumn> columns, Descriptor descriptor) {
    return new WireRowReader(columns, descriptor);
  }

  /** Reads one serialized message into a new row. */
  public TableRow read(byte[] payload) throws InvalidProtocolBufferException {
    Map<String, Object> values = rowMap(slots.length);
    readInto(payload, values);
    return rowOf(values);
  }

  /** How many columns this reader fills at most (the top-level ones). */
  public int columnCount() {
    return slots.length;
  }

  /**
   * An empty insertion-ordered map sized for {@code entries} values, so that filling it never
   * rehashes (a row's map otherwise grows twice on the way to a typical entity's 20-30 columns).
   */
  public static Map<String, Object> rowMap(int entries) {
    return new LinkedHashMap<>(entries * 4 / 3 + 1);
  }

  /**
   * A row backed by {@code values} itself (no copy): {@code TableRow}'s own map is a linear-time
   * array map, too slow for the hot path.
   */
  public static TableRow rowOf(Map<String, Object> values) {
    TableRow row = new TableRow();
    row.setUnknownKeys(values);
    return row;
  }

  /**
   * Reads one serialized message, adding its column values to {@code row}.
   *
   * @return how many fields the contract does not know were skipped (at any depth): fields a newer
   *     revision of the producer's contract added
   */
  public int readInto(byte[] payload, Map<String, Object> row)
      throws InvalidProtocolBufferException {
    try {
      int[] unknown = new int[1];
      readFields(CodedInputStream.newInstance(payload), row, unknown);
      return unknown[0];
    } catch (InvalidProtocolBufferException e) {
      throw e;
    } catch (IOException e) {
      throw new InvalidProtocolBufferException(e);
    }
  }

  private void readFields(CodedInputStream in, Map<String, Object> row, int[] unknown)
      throws IOException {
    Object[] values = new Object[slots.length];
    while (true) {
      int tag = in.readTag();
      if (tag == 0) {
        break;
      }
      int number = WireFormat.getTagFieldNumber(tag);
      int wireType = WireFormat.getTagWireType(tag);
      Slot slot = number < byNumber.length ? byNumber[number] : null;
      if (slot == null) {
        unknown[0]++;
        in.skipField(tag);
        continue;
      }
      int i = indexByNumber[number];
      if (slot.repeated) {
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) values[i];
        if (list == null) {
          list = new ArrayList<>();
          values[i] = list;
        }
        if (wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED && slot.packable) {
          int limit = in.pushLimit(in.readRawVarint32());
          while (in.getBytesUntilLimit() > 0) {
            list.add(slot.readScalar(in));
          }
          in.popLimit(limit);
        } else if (wireType == slot.wireType) {
          list.add(slot.read(in, unknown));
        } else {
          in.skipField(tag);
        }
      } else if (wireType == slot.wireType) {
        values[i] = slot.read(in, unknown);
      } else {
        in.skipField(tag);
      }
    }
    for (int i = 0; i < slots.length; i++) {
      Slot slot = slots[i];
      Object value = values[i];
      if (value == null) {
        value = slot.absent();
      }
      if (value != null) {
        row.put(slot.column.name(), value);
      }
    }
  }

  /** One column and how to read its field from the wire. */
  private final class Slot {
    private final TableColumn column;
    private final FieldDescriptor field;
    private final FieldDescriptor.Type type;
    private final boolean repeated;
    private final boolean packable;
    private final int wireType;
    private final WireRowReader nested;
    private final FieldDescriptor inner;

    Slot(TableColumn column, FieldDescriptor field) {
      this.column = column;
      this.field = field;
      this.repeated = column.mode() == ColumnMode.REPEATED;
      this.type = field.getType();
      this.packable = field.isPackable();
      this.wireType =
          type.getJavaType() == FieldDescriptor.JavaType.MESSAGE
              ? WireFormat.WIRETYPE_LENGTH_DELIMITED
              : wireTypeOf(type);
      this.nested =
          column.fields().isEmpty()
              ? null
              : new WireRowReader(column.fields(), field.getMessageType());
      this.inner = column.wrapped() ? field.getMessageType().findFieldByNumber(1) : null;
    }

    /** The value of a field absent from the wire: the proto3 default, or null with presence. */
    Object absent() {
      if (repeated) {
        return new ArrayList<>();
      }
      if (field.hasPresence()) {
        return null;
      }
      return switch (column.conversion()) {
        case SCALAR -> defaultScalar(type);
        case UNSIGNED_INT32, UNSIGNED_INT64 -> "0";
        case ENUM_NAME -> field.getEnumType().getValues().get(0).getName();
        default -> null;
      };
    }

    Object read(CodedInputStream in, int[] unknown) throws IOException {
      if (type.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        return readScalar(in);
      }
      int length = in.readRawVarint32();
      int limit = in.pushLimit(length);
      Object value;
      switch (column.conversion()) {
        case RECORD, MAP_ENTRIES -> {
          Map<String, Object> fields = rowMap(nested.slots.length);
          nested.readFields(in, fields, unknown);
          value = rowOf(fields);
        }
        case TIMESTAMP -> {
          long[] parts = secondsAndNanos(in);
          value = Timestamps.format(Instant.ofEpochSecond(parts[0], parts[1]));
        }
        case DURATION_SECONDS -> {
          long[] parts = secondsAndNanos(in);
          value = Durations.format(parts[0], (int) parts[1]);
        }
        case PRESENCE -> {
          in.skipRawBytes(in.getBytesUntilLimit());
          value = Boolean.TRUE;
        }
        default -> {
          if (inner != null) {
            value = wrapped(in);
          } else {
            DynamicMessage message =
                DynamicMessage.parseFrom(field.getMessageType(), in.readRawBytes(length));
            TableRow single = new TableRow();
            value = jsonFallbackValue(message, single);
          }
        }
      }
      in.popLimit(limit);
      return value;
    }

    private Object jsonFallbackValue(DynamicMessage value, TableRow scratch) {
      DynamicMessage holder = DynamicMessage.newBuilder(descriptor).setField(field, value).build();
      jsonFallback.convertInto(holder, scratch);
      return scratch.get(column.name());
    }

    private Object wrapped(CodedInputStream in) throws IOException {
      Object value = null;
      int innerWire = wireTypeOf(inner.getType());
      while (true) {
        int tag = in.readTag();
        if (tag == 0) {
          break;
        }
        if (WireFormat.getTagFieldNumber(tag) == 1 && WireFormat.getTagWireType(tag) == innerWire) {
          value = scalarOf(in, inner.getType(), column.conversion());
        } else {
          in.skipField(tag);
        }
      }
      return value != null
          ? value
          : switch (column.conversion()) {
            case UNSIGNED_INT32, UNSIGNED_INT64 -> "0";
            default -> defaultScalar(inner.getType());
          };
    }

    Object readScalar(CodedInputStream in) throws IOException {
      if (column.conversion() == ValueConversion.ENUM_NAME) {
        int number = in.readEnum();
        EnumValueDescriptor value = field.getEnumType().findValueByNumber(number);
        return value != null ? value.getName() : Integer.toString(number);
      }
      return scalarOf(in, type, column.conversion());
    }
  }

  private static Object scalarOf(
      CodedInputStream in, FieldDescriptor.Type type, ValueConversion conversion)
      throws IOException {
    return switch (type) {
      case INT32 -> Integer.toString(in.readInt32());
      case SINT32 -> Integer.toString(in.readSInt32());
      case SFIXED32 -> Integer.toString(in.readSFixed32());
      case INT64 -> Long.toString(in.readInt64());
      case SINT64 -> Long.toString(in.readSInt64());
      case SFIXED64 -> Long.toString(in.readSFixed64());
      case UINT32 -> Long.toString(Integer.toUnsignedLong(in.readUInt32()));
      case FIXED32 -> Long.toString(Integer.toUnsignedLong(in.readFixed32()));
      case UINT64 -> Long.toUnsignedString(in.readUInt64());
      case FIXED64 -> Long.toUnsignedString(in.readFixed64());
      case FLOAT -> Double.parseDouble(Float.toString(in.readFloat()));
      case DOUBLE -> in.readDouble();
      case BOOL -> in.readBool();
      case STRING -> in.readStringRequireUtf8();
      case BYTES -> Base64.getEncoder().encodeToString(in.readByteArray());
      case ENUM -> Integer.toString(in.readEnum());
      default -> throw new IllegalStateException("not a scalar type: " + type + " " + conversion);
    };
  }

  private static Object defaultScalar(FieldDescriptor.Type type) {
    return switch (type) {
      case INT32, SINT32, SFIXED32, INT64, SINT64, SFIXED64, UINT32, FIXED32, UINT64, FIXED64 ->
          "0";
      case FLOAT, DOUBLE -> 0.0;
      case BOOL -> false;
      case STRING, BYTES -> "";
      default -> null;
    };
  }

  private static long[] secondsAndNanos(CodedInputStream in) throws IOException {
    long seconds = 0;
    long nanos = 0;
    while (true) {
      int tag = in.readTag();
      if (tag == 0) {
        return new long[] {seconds, nanos};
      }
      if (tag == SECONDS_TAG) {
        seconds = in.readInt64();
      } else if (tag == NANOS_TAG) {
        nanos = in.readInt32();
      } else {
        in.skipField(tag);
      }
    }
  }

  private static int wireTypeOf(FieldDescriptor.Type type) {
    return switch (type) {
      case FIXED64, SFIXED64, DOUBLE -> WireFormat.WIRETYPE_FIXED64;
      case FIXED32, SFIXED32, FLOAT -> WireFormat.WIRETYPE_FIXED32;
      case STRING, BYTES, MESSAGE, GROUP -> WireFormat.WIRETYPE_LENGTH_DELIMITED;
      default -> WireFormat.WIRETYPE_VARINT;
    };
  }
}
