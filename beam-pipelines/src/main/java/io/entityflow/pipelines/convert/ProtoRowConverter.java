package io.entityflow.pipelines.convert;

import com.google.api.services.bigquery.model.TableRow;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import io.entityflow.contract.bigquery.ColumnMode;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.bigquery.ValueConversion;
import io.entityflow.contract.registry.DescriptorSets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Converts a proto message straight into the BigQuery {@link TableRow} of its entity columns,
 * following each column's {@link TableColumn#conversion()}: no JSON round trip.
 *
 * <p>Value forms (those of BigQuery's JSON row convention, accepted by the Storage Write API and
 * the streaming-insert API alike): STRING, enum names and field masks as {@code String}; BYTES as
 * base64 {@code String}; INT64 and NUMERIC as decimal {@code String} (exact, also beyond 2^53);
 * FLOAT64 as {@code Double}; BOOL as {@code Boolean}; TIMESTAMP as RFC 3339 UTC with microseconds
 * ({@link Timestamps#format}); JSON as its text; RECORD as a nested {@code TableRow}; REPEATED as a
 * {@code List}. Unset message fields, wrappers, {@code optional} scalars and oneof members are
 * absent (NULL); proto3 implicit-presence scalars always have their value.
 *
 * <pre>{@code
 * ProtoRowConverter converter = ProtoRowConverter.of(EntityTable.of(sale).entityColumns(), Sale.getDescriptor());
 * TableRow row = converter.convert(sale);   // {sale_id=s-1, total={currency_code=EUR, units=12, ...}, ...}
 * }</pre>
 *
 * <p>Thread-safe and immutable once built.
 */
public final class ProtoRowConverter {
  private static final JsonFormat.Printer JSON =
      JsonFormat.printer().omittingInsignificantWhitespace();

  private final Descriptor descriptor;
  private final Slot[] slots;

  private ProtoRowConverter(Descriptor descriptor, List<TableColumn> columns) {
    this.descriptor = descriptor;
    this.slots = new Slot[columns.size()];
    for (int i = 0; i < slots.length; i++) {
      TableColumn column = columns.get(i);
      FieldDescriptor field = ColumnFields.fieldOf(descriptor, column);
      slots[i] = new Slot(column, field, nestedConverter(column, field));
    }
  }

  /**
   * A converter for the given entity columns (without metadata columns) of a message type.
   *
   * @throws IllegalArgumentException when a column has no field of the same name and number
   */
  public static ProtoRowConverter of(List<TableColumn> columns, Descriptor descriptor) {
    return new ProtoRowConverter(descriptor, columns);
  }

  /** The message type this converter reads. */
  public Descriptor descriptor() {
    return descriptor;
  }

  /** Converts a message into a new row of its columns. */
  public TableRow convert(MessageOrBuilder message) {
    TableRow row = new TableRow();
    convertInto(message, row);
    return row;
  }

  /** Adds the message's column values to {@code row}. */
  public void convertInto(MessageOrBuilder message, TableRow row) {
    if (message.getDescriptorForType() != descriptor) {
      message = sameTypeOf(message);
    }
    for (Slot slot : slots) {
      Object value = slot.read(message);
      if (value != null) {
        row.set(slot.column.name(), value);
      }
    }
  }

  /** The message re-read with this converter's descriptor (e.g. generated class vs registry). */
  private Message sameTypeOf(MessageOrBuilder message) {
    if (!message.getDescriptorForType().getFullName().equals(descriptor.getFullName())) {
      throw new IllegalArgumentException(
          "converter of "
              + descriptor.getFullName()
              + " cannot convert a "
              + message.getDescriptorForType().getFullName());
    }
    try {
      return DynamicMessage.parseFrom(
          descriptor, ((Message) message).toByteString(), DescriptorSets.extensions());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("cannot re-read " + descriptor.getFullName(), e);
    }
  }

  private static ProtoRowConverter nestedConverter(TableColumn column, FieldDescriptor field) {
    if (column.conversion() == ValueConversion.RECORD
        || column.conversion() == ValueConversion.MAP_ENTRIES) {
      return new ProtoRowConverter(field.getMessageType(), column.fields());
    }
    return null;
  }

  /** One column: its field and how to read it. */
  private static final class Slot {
    private final TableColumn column;
    private final FieldDescriptor field;
    private final ProtoRowConverter nested;
    private final FieldDescriptor wrappedValue;

    Slot(TableColumn column, FieldDescriptor field, ProtoRowConverter nested) {
      this.column = column;
      this.field = field;
      this.nested = nested;
      this.wrappedValue = column.wrapped() ? field.getMessageType().findFieldByName("value") : null;
    }

    Object read(MessageOrBuilder message) {
      if (column.mode() == ColumnMode.REPEATED) {
        int count = message.getRepeatedFieldCount(field);
        List<Object> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          values.add(convertValue(message.getRepeatedField(field, i)));
        }
        return values;
      }
      if (field.hasPresence() && !message.hasField(field)) {
        return null;
      }
      return convertValue(message.getField(field));
    }

    private Object convertValue(Object value) {
      if (wrappedValue != null) {
        value = ((Message) value).getField(wrappedValue);
      }
      switch (column.conversion()) {
        case SCALAR:
          return scalar(value);
        case UNSIGNED_INT32:
          return Long.toString(Integer.toUnsignedLong((Integer) value));
        case UNSIGNED_INT64:
          return Long.toUnsignedString((Long) value);
        case ENUM_NAME:
          EnumValueDescriptor enumValue = (EnumValueDescriptor) value;
          return enumValue.getIndex() >= 0 ? enumValue.getName() : enumValue.getNumber() + "";
        case TIMESTAMP:
          return Timestamps.format((Message) value);
        case DURATION_SECONDS:
          return Durations.seconds((Message) value);
        case STRUCT_JSON:
        case VALUE_JSON:
        case LIST_JSON:
          return json((Message) value);
        case FIELD_MASK:
          return FieldMasks.join((Message) value);
        case PRESENCE:
          return Boolean.TRUE;
        case RECORD:
        case MAP_ENTRIES:
          return nested.convert((Message) value);
        default:
          throw new IllegalStateException(
              "column '" + column.name() + "' has conversion " + column.conversion());
      }
    }

    private static Object scalar(Object value) {
      if (value instanceof Integer || value instanceof Long) {
        return value.toString();
      }
      if (value instanceof Float) {
        return Double.parseDouble(value.toString());
      }
      if (value instanceof ByteString bytes) {
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
      }
      return value;
    }

    private String json(Message value) {
      try {
        return JSON.print(value);
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalArgumentException(
            "column '" + column.name() + "' holds a value that has no JSON form: " + e.getMessage(),
            e);
      }
    }
  }
}
