package io.entityflow.privacy.codec;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * The plaintext of a PII value: the UTF-8 text BigQuery casts back to the column's type ({@code
 * CAST(AEAD.DECRYPT_STRING(...) AS <type>)}), both ways.
 *
 * <table>
 *   <caption>Text forms</caption>
 *   <tr><th>value</th><th>text</th></tr>
 *   <tr><td>string</td><td>the string</td></tr>
 *   <tr><td>integers</td><td>decimal ({@code uint32}, {@code uint64}, {@code fixed*} unsigned)</td></tr>
 *   <tr><td>bool</td><td>{@code true} / {@code false}</td></tr>
 *   <tr><td>double</td><td>{@link Double#toString(double)}; {@code NaN}, {@code inf}, {@code -inf}</td></tr>
 *   <tr><td>float</td><td>{@link Float#toString(float)}; {@code NaN}, {@code inf}, {@code -inf}</td></tr>
 *   <tr><td>enum</td><td>the value name; an unknown number in decimal</td></tr>
 *   <tr><td>bytes, {@code BytesValue}</td><td>the raw bytes (not text)</td></tr>
 *   <tr><td>wrappers</td><td>the form of their inner value</td></tr>
 *   <tr><td>{@code Timestamp}</td><td>RFC 3339 UTC, 6 fraction digits: {@code
 *       2026-12-06T11:00:00.123456Z} (nanoseconds truncated to microseconds)</td></tr>
 *   <tr><td>any other message ({@code Duration}, {@code Struct}, {@code Value}, {@code ListValue},
 *       user messages)</td><td>proto3 JSON: original field names, no insignificant whitespace</td></tr>
 * </table>
 *
 * <pre>{@code
 * byte[] text = PiiPlaintext.toText(field, 42L);                  // "42"
 * Object value = PiiPlaintext.scalarFromText(field, text);         // 42L
 * Message ts = PiiPlaintext.messageFromText(Timestamp.newBuilder(), text);
 * }</pre>
 *
 * <p>Guarantees: {@code fromText(toText(v))} gives {@code v} back for every value, except {@code
 * Timestamp} nanoseconds below a microsecond (BigQuery's precision).
 */
public final class PiiPlaintext {
  private static final Set<String> WRAPPERS =
      Set.of(
          "google.protobuf.DoubleValue",
          "google.protobuf.FloatValue",
          "google.protobuf.Int64Value",
          "google.protobuf.UInt64Value",
          "google.protobuf.Int32Value",
          "google.protobuf.UInt32Value",
          "google.protobuf.BoolValue",
          "google.protobuf.StringValue",
          "google.protobuf.BytesValue");
  private static final String TIMESTAMP = "google.protobuf.Timestamp";
  private static final DateTimeFormatter RFC_3339_MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final JsonFormat.Printer JSON =
      JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();
  private static final JsonFormat.Parser JSON_PARSER = JsonFormat.parser();

  private PiiPlaintext() {}

  /** Whether {@code type} is one of the {@code google.protobuf} wrapper messages. */
  static boolean isWrapper(Descriptor type) {
    return WRAPPERS.contains(type.getFullName());
  }

  /**
   * The plaintext of one value of {@code field}: an element of a repeated field, the value of a map
   * field's entry (pass the entry's {@code value} field), or the value of a singular field, as
   * {@link Message#getField} returns it.
   *
   * @throws IllegalArgumentException when a message value cannot be printed as JSON (an {@code Any}
   *     of an unknown type)
   */
  public static byte[] toText(FieldDescriptor field, Object value) {
    return switch (field.getJavaType()) {
      case MESSAGE -> messageText((Message) value);
      case BYTE_STRING -> ((ByteString) value).toByteArray();
      default -> scalarText(field, value).getBytes(UTF_8);
    };
  }

  /**
   * The value of a non-message field from its plaintext, as {@link Message.Builder#setField} takes
   * it.
   *
   * @throws IllegalArgumentException when the text is not a value of the field's type
   */
  public static Object scalarFromText(FieldDescriptor field, byte[] text) {
    if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      throw new IllegalArgumentException(
          "field '" + field.getFullName() + "' is a message; use messageFromText");
    }
    if (field.getType() == FieldDescriptor.Type.BYTES) {
      return ByteString.copyFrom(text);
    }
    String value = new String(text, UTF_8);
    try {
      return switch (field.getType()) {
        case STRING -> value;
        case INT32, SINT32, SFIXED32 -> Integer.parseInt(value);
        case UINT32, FIXED32 -> Integer.parseUnsignedInt(value);
        case INT64, SINT64, SFIXED64 -> Long.parseLong(value);
        case UINT64, FIXED64 -> Long.parseUnsignedLong(value);
        case BOOL -> parseBool(value);
        case DOUBLE -> parseDouble(value);
        case FLOAT -> parseFloat(value);
        case ENUM -> parseEnum(field, value);
        default -> throw new IllegalArgumentException("unsupported type " + field.getType());
      };
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "plaintext '"
              + value
              + "' is no value of field '"
              + field.getFullName()
              + "' ("
              + field.getType().name().toLowerCase(java.util.Locale.ROOT)
              + "): "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Merges a message value from its plaintext into {@code builder} (a builder of the field's
   * message type) and builds it.
   *
   * @throws IllegalArgumentException when the text is not a value of the message type
   */
  public static Message messageFromText(Message.Builder builder, byte[] text) {
    Descriptor type = builder.getDescriptorForType();
    String name = type.getFullName();
    if (WRAPPERS.contains(name)) {
      FieldDescriptor value = type.findFieldByNumber(1);
      return builder.setField(value, scalarFromText(value, text)).build();
    }
    String json = new String(text, UTF_8);
    if (name.equals(TIMESTAMP)) {
      try {
        Instant instant = Instant.parse(json);
        return builder
            .setField(type.findFieldByNumber(1), instant.getEpochSecond())
            .setField(type.findFieldByNumber(2), instant.getNano())
            .build();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "plaintext '" + json + "' is no RFC 3339 timestamp: " + e.getMessage(), e);
      }
    }
    try {
      JSON_PARSER.merge(json, builder);
      return builder.build();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(
          "plaintext '" + json + "' is no JSON of " + name + ": " + e.getMessage(), e);
    }
  }

  private static byte[] messageText(Message value) {
    Descriptor type = value.getDescriptorForType();
    String name = type.getFullName();
    if (WRAPPERS.contains(name)) {
      FieldDescriptor inner = type.findFieldByNumber(1);
      return toText(inner, value.getField(inner));
    }
    if (name.equals(TIMESTAMP)) {
      long seconds = (Long) value.getField(type.findFieldByNumber(1));
      int nanos = (Integer) value.getField(type.findFieldByNumber(2));
      Instant instant = Instant.ofEpochSecond(seconds, nanos).truncatedTo(ChronoUnit.MICROS);
      return RFC_3339_MICROS.format(instant).getBytes(UTF_8);
    }
    try {
      return JSON.print(value).getBytes(UTF_8);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(
          "value of " + name + " cannot be printed as JSON: " + e.getMessage(), e);
    }
  }

  private static String scalarText(FieldDescriptor field, Object value) {
    return switch (field.getType()) {
      case STRING -> (String) value;
      case UINT32, FIXED32 -> Integer.toUnsignedString((Integer) value);
      case UINT64, FIXED64 -> Long.toUnsignedString((Long) value);
      case DOUBLE -> doubleText((Double) value);
      case FLOAT -> floatText((Float) value);
      case ENUM -> enumText(field, (EnumValueDescriptor) value);
      default -> String.valueOf(value);
    };
  }

  private static String doubleText(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    return Double.toString(value);
  }

  private static String floatText(float value) {
    if (Float.isNaN(value) || Float.isInfinite(value)) {
      return doubleText(value);
    }
    return Float.toString(value);
  }

  private static String enumText(FieldDescriptor field, EnumValueDescriptor value) {
    EnumValueDescriptor known = field.getEnumType().findValueByNumber(value.getNumber());
    return known == null ? Integer.toString(value.getNumber()) : known.getName();
  }

  private static double parseDouble(String value) {
    return switch (value) {
      case "NaN" -> Double.NaN;
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(value);
    };
  }

  private static float parseFloat(String value) {
    return switch (value) {
      case "NaN" -> Float.NaN;
      case "inf" -> Float.POSITIVE_INFINITY;
      case "-inf" -> Float.NEGATIVE_INFINITY;
      default -> Float.parseFloat(value);
    };
  }

  private static boolean parseBool(String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("allowed: true or false");
    };
  }

  private static EnumValueDescriptor parseEnum(FieldDescriptor field, String value) {
    EnumValueDescriptor named = field.getEnumType().findValueByName(value);
    if (named != null) {
      return named;
    }
    return field.getEnumType().findValueByNumberCreatingIfUnknown(Integer.parseInt(value));
  }
}
