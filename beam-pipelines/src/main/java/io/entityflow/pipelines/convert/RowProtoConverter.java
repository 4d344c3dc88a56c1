package io.entityflow.pipelines.convert;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.entityflow.contract.bigquery.ColumnMode;
import io.entityflow.contract.bigquery.TableColumn;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds a proto message from a row of its columns: the inverse of {@link ProtoRowConverter},
 * following the same {@code ValueConversion}s. Accepts the row form {@link ProtoRowConverter}
 * produces and the equivalent JSON forms (numbers as JSON numbers or decimal strings).
 *
 * <pre>{@code
 * DynamicMessage sale = RowProtoConverter.of(table.entityColumns(), descriptor).convert(row);
 * }</pre>
 *
 * <p>Guarantees: {@code convert(ProtoRowConverter.convert(m))} equals {@code m} for every message
 * whose timestamps have microsecond precision (BigQuery keeps no nanoseconds). Metadata columns in
 * the row are ignored. Thread-safe.
 */
public final class RowProtoConverter {
  private static final JsonFormat.Parser JSON = JsonFormat.parser();

  private final Descriptor descriptor;
  private final List<TableColumn> columns;

  private RowProtoConverter(Descriptor descriptor, List<TableColumn> columns) {
    this.descriptor = descriptor;
    this.columns = List.copyOf(columns);
  }

  /** A converter for the entity columns of a message type. */
  public static RowProtoConverter of(List<TableColumn> columns, Descriptor descriptor) {
    return new RowProtoConverter(descriptor, columns);
  }

  /**
   * Builds the message of a row.
   *
   * @throws IllegalArgumentException naming the column and the value that does not fit
   */
  public DynamicMessage convert(Map<String, ?> row) {
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(descriptor);
    for (TableColumn column : columns) {
      Object value = row.get(column.name());
      if (value == null) {
        continue;
      }
      FieldDescriptor field = descriptor.findFieldByNumber(column.fieldNumber());
      try {
        if (column.mode() == ColumnMode.REPEATED) {
          for (Object item : (List<?>) value) {
            builder.addRepeatedField(field, fieldValue(column, field, item));
          }
        } else {
          builder.setField(field, fieldValue(column, field, value));
        }
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "column '"
                + column.name()
                + "' of "
                + descriptor.getFullName()
                + " has a value that does not fit: "
                + e.getMessage(),
            e);
      }
    }
    return builder.build();
  }

  private Object fieldValue(TableColumn column, FieldDescriptor field, Object value) {
    if (column.wrapped()) {
      Descriptor wrapper = field.getMessageType();
      FieldDescriptor inner = wrapper.findFieldByName("value");
      return DynamicMessage.newBuilder(wrapper)
          .setField(inner, plain(column, inner, value))
          .build();
    }
    return plain(column, field, value);
  }

  private static Object plain(TableColumn column, FieldDescriptor field, Object value) {
    String text = value.toString();
    switch (column.conversion()) {
      case SCALAR:
        return scalar(field, value);
      case UNSIGNED_INT32:
        return (int) Long.parseLong(integral(text));
      case UNSIGNED_INT64:
        return new BigDecimal(text).toBigIntegerExact().longValue();
      case ENUM_NAME:
        EnumValueDescriptor named = field.getEnumType().findValueByName(text);
        return named != null
            ? named
            : field.getEnumType().findValueByNumberCreatingIfUnknown(Integer.parseInt(text));
      case TIMESTAMP:
        return Timestamps.toMessage(
            field.getMessageType(), Timestamps.parse("column '" + column.name() + "'", text));
      case DURATION_SECONDS:
        return Durations.toMessage(field.getMessageType(), new BigDecimal(text));
      case STRUCT_JSON:
      case VALUE_JSON:
      case LIST_JSON:
        DynamicMessage.Builder json = DynamicMessage.newBuilder(field.getMessageType());
        try {
          JSON.merge(text, json);
        } catch (InvalidProtocolBufferException e) {
          throw new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
        }
        return json.build();
      case FIELD_MASK:
        DynamicMessage.Builder mask = DynamicMessage.newBuilder(field.getMessageType());
        FieldDescriptor paths = field.getMessageType().findFieldByNumber(1);
        if (!text.isEmpty()) {
          for (String path : text.split(",")) {
            mask.addRepeatedField(paths, path);
          }
        }
        return mask.build();
      case PRESENCE:
        return DynamicMessage.getDefaultInstance(field.getMessageType());
      case RECORD:
      case MAP_ENTRIES:
        @SuppressWarnings("unchecked")
        Map<String, ?> nested = (Map<String, ?>) value;
        return new RowProtoConverter(field.getMessageType(), column.fields()).convert(nested);
      default:
        throw new IllegalArgumentException("unsupported conversion " + column.conversion());
    }
  }

  private static Object scalar(FieldDescriptor field, Object value) {
    String text = value.toString();
    return switch (field.getJavaType()) {
      case INT -> Integer.parseInt(integral(text));
      case LONG -> Long.parseLong(integral(text));
      case FLOAT -> value instanceof Number n ? n.floatValue() : Float.parseFloat(text);
      case DOUBLE -> value instanceof Number n ? n.doubleValue() : Double.parseDouble(text);
      case BOOLEAN -> value instanceof Boolean b ? b : Boolean.parseBoolean(text);
      case BYTE_STRING -> ByteString.copyFrom(Base64.getDecoder().decode(text));
      case STRING -> text;
      default -> throw new IllegalArgumentException("unexpected scalar type " + field.getType());
    };
  }

  private static String integral(String text) {
    int dot = text.indexOf('.');
    return dot < 0 ? text : new BigDecimal(text).toBigIntegerExact().toString();
  }
}
