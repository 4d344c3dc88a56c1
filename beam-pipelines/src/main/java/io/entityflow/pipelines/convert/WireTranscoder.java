package io.entityflow.pipelines.convert;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import io.entityflow.contract.bigquery.TableColumn;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Transcodes one message type's wire bytes into the fields of the Storage Write API row message of
 * its columns (column {@code i} is field {@code first + i}), in two passes: {@link #scan} reads the
 * input once with {@code CodedInputStream} (so malformed input fails exactly where and how {@link
 * WireRowReader} fails) and remembers where each column's value is; {@link #emit} then writes the
 * values in column order.
 *
 * <p>Same semantics as {@link WireRowReader}: unknown fields counted and skipped, fields with an
 * unexpected wire type skipped, the last occurrence of a non-repeated field wins, packed and
 * unpacked repeated fields accepted. Immutable and thread-safe; {@link WireFrame}s are per call.
 */
final class WireTranscoder {
  private final Descriptor descriptor;
  private final ColumnSlot[] slots;
  private final ColumnSlot[] byNumber;
  private final int[] indexByNumber;
  private final ProtoRowConverter jsonFallback;

  WireTranscoder(List<TableColumn> columns, Descriptor descriptor, int firstNumber) {
    this.descriptor = descriptor;
    this.slots = new ColumnSlot[columns.size()];
    int max = 0;
    for (TableColumn column : columns) {
      max = Math.max(max, column.fieldNumber());
    }
    this.byNumber = new ColumnSlot[max + 1];
    this.indexByNumber = new int[max + 1];
    for (int i = 0; i < slots.length; i++) {
      TableColumn column = columns.get(i);
      FieldDescriptor field = ColumnFields.fieldOf(descriptor, column);
      WireTranscoder nested =
          column.fields().isEmpty()
              ? null
              : new WireTranscoder(column.fields(), field.getMessageType(), 1);
      slots[i] = new ColumnSlot(column, field, firstNumber + i, nested);
      byNumber[column.fieldNumber()] = slots[i];
      indexByNumber[column.fieldNumber()] = i;
    }
    this.jsonFallback = ProtoRowConverter.of(columns, descriptor);
  }

  /** The slot of the top-level column named {@code name}, or -1. */
  int indexOf(String name) {
    for (int i = 0; i < slots.length; i++) {
      if (slots[i].column.name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the column at {@code index} would be NULL, "" or "0" in the TableRow of the frame. */
  boolean isEmpty(WireFrame frame, int index, byte[] payload) {
    ColumnSlot slot = slots[index];
    int at = frame.at[index] - 1;
    Object value = frame.value(index);
    if (slot.repeated) {
      return false;
    }
    if (at < 0) {
      return slot.hasPresence || slot.isEmptyDefault();
    }
    return slot.isEmptyValue(payload, at, value);
  }

  /**
   * Reads the fields of one message up to the input's current limit.
   *
   * @param unknown {@code unknown[0]} is increased by the number of fields skipped as unknown
   */
  WireFrame scan(CodedInputStream in, byte[] payload, int[] unknown) throws IOException {
    WireFrame frame = new WireFrame(slots.length);
    while (true) {
      int tag = in.readTag();
      if (tag == 0) {
        return frame;
      }
      int number = WireFormat.getTagFieldNumber(tag);
      int wireType = WireFormat.getTagWireType(tag);
      ColumnSlot slot = number < byNumber.length ? byNumber[number] : null;
      if (slot == null) {
        unknown[0]++;
        in.skipField(tag);
        continue;
      }
      int i = indexByNumber[number];
      if (slot.repeated) {
        WireFrame.Entries entries = frame.entries(i);
        if (wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED && slot.packable) {
          int limit = in.pushLimit(in.readRawVarint32());
          while (in.getBytesUntilLimit() > 0) {
            int at = in.getTotalBytesRead();
            entries.add(at, slot.skipScalar(in, payload));
          }
          in.popLimit(limit);
        } else if (wireType == slot.wireType) {
          int at = in.getTotalBytesRead();
          entries.add(at, scanValue(slot, in, payload, unknown));
        } else {
          in.skipField(tag);
        }
      } else if (wireType == slot.wireType) {
        frame.at[i] = in.getTotalBytesRead() + 1;
        frame.setValue(i, scanValue(slot, in, payload, unknown));
      } else {
        in.skipField(tag);
      }
    }
  }

  /** Reads one value; returns what {@link #emit} needs beyond its position (or null). */
  private Object scanValue(ColumnSlot slot, CodedInputStream in, byte[] payload, int[] unknown)
      throws IOException {
    if (!slot.message) {
      return slot.skipScalar(in, payload);
    }
    int length = in.readRawVarint32();
    int limit = in.pushLimit(length);
    Object value;
    switch (slot.conversion) {
      case RECORD, MAP_ENTRIES -> value = slot.nested.scan(in, payload, unknown);
      case TIMESTAMP -> {
        long[] parts = secondsAndNanos(in, payload);
        value = Instant.ofEpochSecond(parts[0], parts[1]);
      }
      case DURATION_SECONDS -> value = secondsAndNanos(in, payload);
      case PRESENCE -> {
        in.skipRawBytes(in.getBytesUntilLimit());
        value = Boolean.TRUE;
      }
      default -> {
        if (slot.inner != null) {
          value = scanWrapped(slot, in, payload);
        } else {
          DynamicMessage message =
              DynamicMessage.parseFrom(slot.field.getMessageType(), in.readRawBytes(length));
          value = jsonFallbackValue(slot, message);
        }
      }
    }
    in.popLimit(limit);
    return value;
  }

  private Object jsonFallbackValue(ColumnSlot slot, DynamicMessage message) {
    DynamicMessage holder =
        DynamicMessage.newBuilder(descriptor).setField(slot.field, message).build();
    return jsonFallback.convert(holder).get(slot.column.name());
  }

  /** The wrapper's value field (last occurrence), or null for the default. */
  private static ColumnSlot.Wrapped scanWrapped(
      ColumnSlot slot, CodedInputStream in, byte[] payload) throws IOException {
    ColumnSlot.Wrapped at = null;
    int innerWire = slot.innerWireType;
    while (true) {
      int tag = in.readTag();
      if (tag == 0) {
        return at;
      }
      if (WireFormat.getTagFieldNumber(tag) == 1 && WireFormat.getTagWireType(tag) == innerWire) {
        int position = in.getTotalBytesRead();
        at = new ColumnSlot.Wrapped(position, WireScalars.skip(in, slot.valueSkipKind, payload));
      } else {
        in.skipField(tag);
      }
    }
  }

  private static long[] secondsAndNanos(CodedInputStream in, byte[] payload) throws IOException {
    long seconds = 0;
    long nanos = 0;
    while (true) {
      int tag = in.readTag();
      if (tag == 0) {
        return new long[] {seconds, nanos};
      }
      if (tag == (1 << 3)) {
        seconds = WireScalars.readVarint(in, payload);
      } else if (tag == (2 << 3)) {
        nanos = (int) WireScalars.readVarint(in, payload);
      } else {
        in.skipField(tag);
      }
    }
  }

  /** Writes the frame's columns, in column order, into {@code out}. */
  void emit(WireFrame frame, byte[] payload, RowBuffer out) {
    for (int i = 0; i < slots.length; i++) {
      ColumnSlot slot = slots[i];
      if (slot.repeated) {
        WireFrame.Entries entries = frame.entries == null ? null : frame.entries[i];
        if (entries != null) {
          for (int e = 0; e < entries.count; e++) {
            emitValue(slot, payload, entries.at[e], entries.value(e), out);
          }
        }
      } else if (frame.at[i] != 0) {
        emitValue(slot, payload, frame.at[i] - 1, frame.value(i), out);
      } else if (!slot.hasPresence) {
        slot.writeDefault(out);
      }
    }
  }

  private static void emitValue(
      ColumnSlot slot, byte[] payload, int at, Object value, RowBuffer out) {
    int number = slot.number;
    switch (slot.conversion) {
      case RECORD, MAP_ENTRIES -> {
        int mark = out.beginMessage(number);
        slot.nested.emit((WireFrame) value, payload, out);
        out.endMessage(mark);
      }
      case TIMESTAMP -> out.writeInt64(number, TimestampMicros.of((Instant) value));
      case DURATION_SECONDS -> {
        long[] parts = (long[]) value;
        out.writeNumericOfSeconds(number, parts[0], (int) parts[1]);
      }
      case PRESENCE -> out.writeBool(number, true);
      case ENUM_NAME ->
          out.writeString(number, slot.enumName((int) WireValues.varint(payload, at)));
      default -> {
        if (slot.inner != null) {
          if (value == null) {
            slot.writeDefault(out);
          } else {
            ColumnSlot.Wrapped wrapped = (ColumnSlot.Wrapped) value;
            slot.writeScalar(slot.valueType, payload, wrapped.at(), wrapped.read(), out);
          }
        } else if (value instanceof String text) {
          out.writeString(number, text);
        } else {
          slot.writeScalar(slot.type, payload, at, (Long) value, out);
        }
      }
    }
  }

  static InvalidProtocolBufferException invalidUtf8() {
    return new InvalidProtocolBufferException("Protocol message had invalid UTF-8.");
  }
}
