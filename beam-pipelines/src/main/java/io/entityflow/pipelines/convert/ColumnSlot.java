package io.entityflow.pipelines.convert;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.WireFormat;
import io.entityflow.contract.bigquery.BigQueryType;
import io.entityflow.contract.bigquery.ColumnMode;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.bigquery.ValueConversion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One column of a {@link WireTranscoder}: its proto field, its field number in the row message, and
 * how its values are read from the wire and written in the Storage Write API encoding of the
 * column's BigQuery type (the encoding Beam's {@code TableRowToStorageApiProto} gives the {@link
 * WireRowReader} value of the same field).
 *
 * <p>Immutable and thread-safe.
 */
final class ColumnSlot {
  private static final byte[] EMPTY = new byte[0];

  /** Enum numbers below this are looked up in an array rather than a map. */
  private static final int SMALL_ENUMS = 64;

  final TableColumn column;
  final FieldDescriptor field;
  final int number;
  final boolean repeated;
  final boolean packable;
  final int wireType;
  final WireTranscoder nested;
  final FieldDescriptor inner;

  /** {@code field.getType()}, resolved once: descriptors compute it from features per call. */
  final FieldDescriptor.Type type;

  /** The type of the value written: the wrapper's value field's type, else {@link #type}. */
  final FieldDescriptor.Type valueType;

  /** Whether the field is a message (its Java type is MESSAGE). */
  final boolean message;

  /** Whether the field has explicit presence (absent means NULL, not the default). */
  final boolean hasPresence;

  final ValueConversion conversion;

  /** {@link WireScalars#kindOf} of {@link #type} and of {@link #valueType}. */
  final int skipKind;

  final int valueSkipKind;

  /** The wire type of the wrapper's value field (for wrapped columns). */
  final int innerWireType;

  private final Map<Integer, byte[]> enumNames;
  private final byte[][] smallEnumNames;
  private final byte[] firstEnumName;

  ColumnSlot(TableColumn column, FieldDescriptor field, int number, WireTranscoder nested) {
    this.column = column;
    this.field = field;
    this.number = number;
    this.repeated = column.mode() == ColumnMode.REPEATED;
    this.packable = field.isPackable();
    this.wireType =
        field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
            ? WireFormat.WIRETYPE_LENGTH_DELIMITED
            : wireTypeOf(field.getType());
    this.nested = nested;
    this.inner = column.wrapped() ? field.getMessageType().findFieldByNumber(1) : null;
    this.type = field.getType();
    this.valueType = inner != null ? inner.getType() : type;
    this.message = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE;
    this.hasPresence = field.hasPresence();
    this.conversion = column.conversion();
    this.skipKind = WireScalars.kindOf(type);
    this.valueSkipKind = WireScalars.kindOf(valueType);
    this.innerWireType = wireTypeOf(valueType);
    if (column.conversion() == ValueConversion.ENUM_NAME) {
      enumNames = new HashMap<>();
      for (EnumValueDescriptor value : field.getEnumType().getValues()) {
        enumNames.putIfAbsent(value.getNumber(), value.getName().getBytes(StandardCharsets.UTF_8));
      }
      firstEnumName =
          field.getEnumType().getValues().get(0).getName().getBytes(StandardCharsets.UTF_8);
      smallEnumNames = new byte[SMALL_ENUMS][];
      enumNames.forEach(
          (value, name) -> {
            if (value >= 0 && value < SMALL_ENUMS) {
              smallEnumNames[value] = name;
            }
          });
    } else {
      enumNames = null;
      smallEnumNames = null;
      firstEnumName = null;
    }
    checkType();
  }

  /** The type the column must have for the value this slot writes. */
  private void checkType() {
    BigQueryType expected =
        switch (column.conversion()) {
          case SCALAR, UNSIGNED_INT32, UNSIGNED_INT64 ->
              typeOf(inner != null ? inner.getType() : field.getType());
          case ENUM_NAME, FIELD_MASK -> BigQueryType.STRING;
          case TIMESTAMP -> BigQueryType.TIMESTAMP;
          case DURATION_SECONDS -> BigQueryType.NUMERIC;
          case STRUCT_JSON, VALUE_JSON, LIST_JSON -> BigQueryType.JSON;
          case PRESENCE -> BigQueryType.BOOLEAN;
          case RECORD, MAP_ENTRIES -> BigQueryType.RECORD;
          case METADATA -> null;
        };
    if (expected != column.type()) {
      throw new IllegalArgumentException(
          "column '"
              + column.name()
              + "' has type "
              + column.type()
              + " and conversion "
              + column.conversion()
              + " but proto type "
              + field.getType()
              + " writes "
              + expected
              + "; allowed: the column types BigQuerySchemaMapper gives each field");
    }
  }

  private static BigQueryType typeOf(FieldDescriptor.Type type) {
    return switch (type) {
      case UINT64, FIXED64 -> BigQueryType.NUMERIC;
      case FLOAT, DOUBLE -> BigQueryType.FLOAT;
      case BOOL -> BigQueryType.BOOLEAN;
      case STRING -> BigQueryType.STRING;
      case BYTES -> BigQueryType.BYTES;
      case MESSAGE, GROUP, ENUM -> null;
      default -> BigQueryType.INTEGER;
    };
  }

  /**
   * Skips one scalar of this slot's field, checking UTF-8 of strings.
   *
   * @return null, or the value protobuf read for a 10-byte varint (see {@link WireScalars#skip})
   */
  Long skipScalar(CodedInputStream in, byte[] payload) throws IOException {
    return WireScalars.skip(in, skipKind, payload);
  }

  /** The varint at {@code at}, or {@code read} when the scan kept the value protobuf read. */
  static long varint(byte[] payload, int at, Long read) {
    return read != null ? read : WireValues.varint(payload, at);
  }

  /** Writes the scalar of {@code type} at {@code at} in the encoding of this column. */
  void writeScalar(FieldDescriptor.Type type, byte[] payload, int at, Long read, RowBuffer out) {
    switch (type) {
      case STRING, BYTES -> {
        int length = (int) WireValues.varint(payload, at);
        out.writeBytes(number, payload, WireValues.afterVarint(payload, at), length);
      }
      case DOUBLE -> out.writeFixed64(number, payload, at);
      case FLOAT ->
          out.writeDouble(
              number,
              Double.parseDouble(
                  Float.toString(Float.intBitsToFloat(WireValues.fixed32(payload, at)))));
      case BOOL -> out.writeBool(number, varint(payload, at, read) != 0);
      case UINT64 -> out.writeNumericOfUnsigned(number, varint(payload, at, read));
      case FIXED64 -> out.writeNumericOfUnsigned(number, WireValues.fixed64(payload, at));
      default -> out.writeInt64(number, integer(type, payload, at, read));
    }
  }

  /** The INT64 value of an integer field, as the TableRow path's decimal text parses back. */
  private static long integer(FieldDescriptor.Type type, byte[] payload, int at, Long read) {
    return switch (type) {
      case INT32, ENUM -> (int) varint(payload, at, read);
      case SINT32 -> CodedInputStream.decodeZigZag32((int) varint(payload, at, read));
      case SFIXED32 -> WireValues.fixed32(payload, at);
      case SINT64 -> CodedInputStream.decodeZigZag64(varint(payload, at, read));
      case SFIXED64 -> WireValues.fixed64(payload, at);
      case UINT32 -> Integer.toUnsignedLong((int) varint(payload, at, read));
      case FIXED32 -> Integer.toUnsignedLong(WireValues.fixed32(payload, at));
      default -> varint(payload, at, read);
    };
  }

  /** Writes the value of an absent implicit-presence field (or of an empty wrapper). */
  void writeDefault(RowBuffer out) {
    if (firstEnumName != null) {
      out.writeString(number, firstEnumName);
      return;
    }
    switch (valueType) {
      case STRING, BYTES -> out.writeBytes(number, EMPTY, 0, 0);
      case FLOAT, DOUBLE -> out.writeDouble(number, 0.0);
      case BOOL -> out.writeBool(number, false);
      case UINT64, FIXED64 -> out.writeNumericOfUnsigned(number, 0);
      case MESSAGE, GROUP, ENUM ->
          throw new IllegalStateException("column '" + column.name() + "' has no default value");
      default -> out.writeInt64(number, 0);
    }
  }

  /** The name of enum value {@code value}, or its decimal number when the enum does not know it. */
  byte[] enumName(int value) {
    byte[] name = value >= 0 && value < SMALL_ENUMS ? smallEnumNames[value] : enumNames.get(value);
    return name != null ? name : Integer.toString(value).getBytes(StandardCharsets.US_ASCII);
  }

  /** Whether the default of an absent field reads as "" or "0" in the TableRow. */
  boolean isEmptyDefault() {
    if (firstEnumName != null) {
      return false;
    }
    return switch (valueType) {
      case FLOAT, DOUBLE, BOOL, MESSAGE, GROUP, ENUM -> false;
      default -> true;
    };
  }

  /** Whether the value at {@code at} (or the scanned {@code value}) reads as "" or "0". */
  boolean isEmptyValue(byte[] payload, int at, Object value) {
    FieldDescriptor.Type type = this.type;
    Long read = value instanceof Long l ? l : null;
    if (inner != null) {
      if (value == null) {
        return isEmptyDefault();
      }
      type = valueType;
      at = ((Wrapped) value).at();
      read = ((Wrapped) value).read();
    } else if (firstEnumName != null) {
      byte[] name = enumName((int) varint(payload, at, read));
      return name.length == 1 && name[0] == '0';
    } else if (message) {
      return "".equals(value) || "0".equals(value);
    }
    return switch (type) {
      case STRING -> {
        int length = (int) WireValues.varint(payload, at);
        int start = WireValues.afterVarint(payload, at);
        yield length == 0 || (length == 1 && payload[start] == '0');
      }
      case BYTES -> WireValues.varint(payload, at) == 0;
      case FLOAT, DOUBLE, BOOL -> false;
      case UINT64 -> varint(payload, at, read) == 0;
      case FIXED64 -> WireValues.fixed64(payload, at) == 0;
      default -> integer(type, payload, at, read) == 0;
    };
  }

  static int wireTypeOf(FieldDescriptor.Type type) {
    return switch (type) {
      case FIXED64, SFIXED64, DOUBLE -> WireFormat.WIRETYPE_FIXED64;
      case FIXED32, SFIXED32, FLOAT -> WireFormat.WIRETYPE_FIXED32;
      case STRING, BYTES, MESSAGE, GROUP -> WireFormat.WIRETYPE_LENGTH_DELIMITED;
      default -> WireFormat.WIRETYPE_VARINT;
    };
  }

  /** The scanned value field of a wrapper: its position, and the value protobuf read, if kept. */
  record Wrapped(int at, Long read) {}
}
