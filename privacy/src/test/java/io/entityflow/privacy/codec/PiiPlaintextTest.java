package io.entityflow.privacy.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.BoolValue;
import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DoubleValue;
import com.google.protobuf.Duration;
import com.google.protobuf.FloatValue;
import com.google.protobuf.Int32Value;
import com.google.protobuf.Int64Value;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.StringValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.UInt32Value;
import com.google.protobuf.UInt64Value;
import com.google.protobuf.Value;
import io.entityflow.testing.proto.PiiColor;
import io.entityflow.testing.proto.PiiTypes;
import org.junit.jupiter.api.Test;

/** The exact text form of every type, and back. */
class PiiPlaintextTest {

  private static FieldDescriptor field(String name) {
    return PiiTypes.getDescriptor().findFieldByName(name);
  }

  /** The text of a scalar value of field {@code name}, after checking it parses back. */
  private static String scalar(String name, Object value) {
    byte[] text = PiiPlaintext.toText(field(name), value);
    assertThat(PiiPlaintext.scalarFromText(field(name), text)).isEqualTo(value);
    return new String(text, UTF_8);
  }

  /** The text of a message value, after checking it parses back. */
  private static String message(Message value) {
    byte[] text = PiiPlaintext.toText(field("a_message"), value);
    assertThat(PiiPlaintext.messageFromText(value.newBuilderForType(), text)).isEqualTo(value);
    return new String(text, UTF_8);
  }

  @Test
  void stringsAreThemselves() {
    assertThat(scalar("a_string", "Ada Lovelace ✓")).isEqualTo("Ada Lovelace ✓");
    assertThat(scalar("a_string", "")).isEqualTo("");
  }

  @Test
  void integersAreDecimalWithUnsignedTypesUnsigned() {
    assertThat(scalar("an_int32", -7)).isEqualTo("-7");
    assertThat(scalar("an_int64", -9_007_199_254_740_993L)).isEqualTo("-9007199254740993");
    assertThat(scalar("a_uint32", -1)).isEqualTo("4294967295");
    assertThat(scalar("a_uint64", -1L)).isEqualTo("18446744073709551615");
    assertThat(scalar("a_sint32", -32)).isEqualTo("-32");
    assertThat(scalar("a_sint64", Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
    assertThat(scalar("a_fixed32", -2)).isEqualTo("4294967294");
    assertThat(scalar("a_fixed64", -3L)).isEqualTo("18446744073709551613");
    assertThat(scalar("an_sfixed32", -5)).isEqualTo("-5");
    assertThat(scalar("an_sfixed64", 6L)).isEqualTo("6");
  }

  @Test
  void boolsAreTrueOrFalse() {
    assertThat(scalar("a_bool", true)).isEqualTo("true");
    assertThat(scalar("a_bool", false)).isEqualTo("false");
    assertThatThrownBy(() -> PiiPlaintext.scalarFromText(field("a_bool"), "TRUE".getBytes(UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "plaintext 'TRUE' is no value of field 'entityflow.testing.v1.PiiTypes.a_bool'"
                + " (bool): allowed: true or false");
  }

  @Test
  void doublesAreJavaDecimalsWithBigQueryNamesForNanAndInfinity() {
    assertThat(scalar("a_double", 0.1)).isEqualTo("0.1");
    assertThat(scalar("a_double", 1e20)).isEqualTo("1.0E20");
    assertThat(scalar("a_double", -0.0)).isEqualTo("-0.0");
    assertThat(scalar("a_double", Double.NaN)).isEqualTo("NaN");
    assertThat(scalar("a_double", Double.POSITIVE_INFINITY)).isEqualTo("inf");
    assertThat(scalar("a_double", Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
  }

  @Test
  void floatsAreTheirShortestDecimal() {
    assertThat(scalar("a_float", 0.1f)).isEqualTo("0.1");
    assertThat(scalar("a_float", -2.5f)).isEqualTo("-2.5");
    assertThat(scalar("a_float", Float.MAX_VALUE)).isEqualTo("3.4028235E38");
    assertThat(scalar("a_float", Float.NaN)).isEqualTo("NaN");
    assertThat(scalar("a_float", Float.NEGATIVE_INFINITY)).isEqualTo("-inf");
  }

  @Test
  void enumsAreTheirValueNameOrAnUnknownNumber() {
    assertThat(scalar("an_enum", PiiColor.PII_GREEN.getValueDescriptor())).isEqualTo("PII_GREEN");
    assertThat(scalar("an_enum", PiiColor.getDescriptor().findValueByNumberCreatingIfUnknown(9)))
        .isEqualTo("9");
  }

  @Test
  void bytesAreTheRawBytes() {
    ByteString raw = ByteString.copyFrom(new byte[] {0, 1, (byte) 0xff});

    assertThat(PiiPlaintext.toText(field("a_bytes"), raw)).containsExactly(0, 1, 0xff);
    assertThat(PiiPlaintext.scalarFromText(field("a_bytes"), new byte[] {0, 1, (byte) 0xff}))
        .isEqualTo(raw);
    assertThat(PiiPlaintext.toText(field("a_bytes_value"), BytesValue.of(raw)))
        .containsExactly(0, 1, 0xff);
    assertThat(message(BytesValue.of(raw)))
        .isEqualTo(new String(new byte[] {0, 1, (byte) 0xff}, UTF_8));
  }

  @Test
  void wrappersAreTheFormOfTheirValue() {
    assertThat(message(StringValue.of("+43 664 1234567"))).isEqualTo("+43 664 1234567");
    assertThat(message(StringValue.of(""))).isEqualTo("");
    assertThat(message(Int64Value.of(-12))).isEqualTo("-12");
    assertThat(message(UInt64Value.of(-1L))).isEqualTo("18446744073709551615");
    assertThat(message(Int32Value.of(0))).isEqualTo("0");
    assertThat(message(UInt32Value.of(-1))).isEqualTo("4294967295");
    assertThat(message(BoolValue.of(true))).isEqualTo("true");
    assertThat(message(DoubleValue.of(Double.NEGATIVE_INFINITY))).isEqualTo("-inf");
    assertThat(message(FloatValue.of(1.25f))).isEqualTo("1.25");
  }

  @Test
  void timestampsAreRfc3339UtcWithSixFractionDigits() {
    assertThat(message(PiiFixtures.AT)).isEqualTo("2026-12-06T11:00:00.123456Z");
    assertThat(message(Timestamp.newBuilder().setSeconds(1_796_554_800L).build()))
        .isEqualTo("2026-12-06T11:00:00.000000Z");
    assertThat(message(Timestamp.newBuilder().setSeconds(-1).build()))
        .isEqualTo("1969-12-31T23:59:59.000000Z");
  }

  @Test
  void timestampNanosecondsBelowAMicrosecondAreTruncated() {
    Timestamp nanos = PiiFixtures.AT.toBuilder().setNanos(123_456_789).build();

    byte[] text = PiiPlaintext.toText(field("a_timestamp"), nanos);

    assertThat(new String(text, UTF_8)).isEqualTo("2026-12-06T11:00:00.123456Z");
    assertThat(PiiPlaintext.messageFromText(Timestamp.newBuilder(), text))
        .isEqualTo(PiiFixtures.AT);
  }

  @Test
  void durationsStructsValuesListsAndUserMessagesAreCompactProto3Json() {
    assertThat(message(Duration.newBuilder().setSeconds(90).setNanos(500_000_000).build()))
        .isEqualTo("\"90.500s\"");
    assertThat(
            message(
                Struct.newBuilder()
                    .putFields("name", Value.newBuilder().setStringValue("Ada").build())
                    .putFields("age", Value.newBuilder().setNumberValue(36).build())
                    .build()))
        .isEqualTo("{\"name\":\"Ada\",\"age\":36.0}");
    assertThat(message(Value.newBuilder().setStringValue("x").build())).isEqualTo("\"x\"");
    assertThat(
            message(
                ListValue.newBuilder()
                    .addValues(Value.newBuilder().setStringValue("a"))
                    .addValues(Value.newBuilder().setNumberValue(1.5))
                    .build()))
        .isEqualTo("[\"a\",1.5]");
    assertThat(message(PiiFixtures.contact("home", "+43 1 234", "Wien", "Ring 1")))
        .isEqualTo(
            "{\"kind\":\"home\",\"phone\":\"+43 1 234\",\"address\":{\"city\":\"Wien\","
                + "\"street\":\"Ring 1\"}}");
  }
}
