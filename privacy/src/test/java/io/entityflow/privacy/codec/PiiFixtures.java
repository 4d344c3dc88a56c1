package io.entityflow.privacy.codec;

import com.google.protobuf.BoolValue;
import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import com.google.protobuf.DoubleValue;
import com.google.protobuf.Duration;
import com.google.protobuf.FloatValue;
import com.google.protobuf.Int32Value;
import com.google.protobuf.Int64Value;
import com.google.protobuf.ListValue;
import com.google.protobuf.StringValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.UInt32Value;
import com.google.protobuf.UInt64Value;
import com.google.protobuf.Value;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.testing.proto.PiiAddress;
import io.entityflow.testing.proto.PiiColor;
import io.entityflow.testing.proto.PiiContact;
import io.entityflow.testing.proto.PiiTypes;
import java.util.List;

/** Entities and messages of the codec tests. */
final class PiiFixtures {
  /** The acme sample contract (Sale, Customer, ...). */
  static final EntityRegistry ACME = EntityRegistry.load();

  /** The PiiTypes test entity: every type as PII, subject person_id. */
  static final EntityDefinition PII_TYPES =
      EntityRegistry.fromFiles(List.of(PiiTypes.getDescriptor().getFile()))
          .require(PiiTypes.getDescriptor());

  /** 2026-12-06T11:00:00.123456Z. */
  static final Timestamp AT =
      Timestamp.newBuilder().setSeconds(1_796_554_800L).setNanos(123_456_000).build();

  private PiiFixtures() {}

  static PiiContact contact(String kind, String phone, String city, String street) {
    return PiiContact.newBuilder()
        .setKind(kind)
        .setPhone(phone)
        .setAddress(PiiAddress.newBuilder().setCity(city).setStreet(street))
        .build();
  }

  /** Every field set, each map and list with two values. */
  static PiiTypes everyField() {
    return PiiTypes.newBuilder()
        .setId("p-1")
        .setPersonId(42)
        .setADouble(0.1)
        .setAFloat(-2.5f)
        .setAnInt32(-7)
        .setAnInt64(-9_007_199_254_740_993L)
        .setAUint32(-1)
        .setAUint64(-1L)
        .setASint32(-32)
        .setASint64(-64)
        .setAFixed32(-2)
        .setAFixed64(-3L)
        .setAnSfixed32(-5)
        .setAnSfixed64(-6L)
        .setABool(true)
        .setAString("Ada Lovelace")
        .setABytes(ByteString.copyFrom(new byte[] {0, 1, (byte) 0xff}))
        .setAnEnum(PiiColor.PII_GREEN)
        .setAMessage(contact("home", "+43 1 234", "Wien", "Ring 1"))
        .addRepeatedStrings("a")
        .addRepeatedStrings("")
        .addRepeatedInt64S(1)
        .addRepeatedInt64S(-2)
        .addRepeatedMessages(contact("work", "+43 2", "Graz", "Gasse 2"))
        .addRepeatedMessages(PiiContact.getDefaultInstance())
        .putAMap("nick", "Ada")
        .putAMap("empty", "")
        .putAMessageMap(1, contact("a", "1", "x", "y"))
        .putAMessageMap(2, PiiContact.newBuilder().setKind("b").build())
        .setChoiceText("secret choice")
        .setOptionalString("")
        .setATimestamp(AT)
        .setADuration(Duration.newBuilder().setSeconds(90).setNanos(500_000_000))
        .setADoubleValue(DoubleValue.of(Double.NaN))
        .setAFloatValue(FloatValue.of(Float.POSITIVE_INFINITY))
        .setAnInt64Value(Int64Value.of(0))
        .setAUint64Value(UInt64Value.of(-1L))
        .setAnInt32Value(Int32Value.of(-1))
        .setAUint32Value(UInt32Value.of(-1))
        .setABoolValue(BoolValue.of(false))
        .setAStringValue(StringValue.of("+43 664 1234567"))
        .setABytesValue(BytesValue.of(ByteString.copyFromUtf8("raw")))
        .setAStruct(
            Struct.newBuilder()
                .putFields("name", Value.newBuilder().setStringValue("Ada").build())
                .putFields("age", Value.newBuilder().setNumberValue(36).build()))
        .setAValue(Value.newBuilder().setBoolValue(true))
        .setAListValue(
            ListValue.newBuilder()
                .addValues(Value.newBuilder().setStringValue("a"))
                .addValues(Value.newBuilder().setNumberValue(1.5)))
        .setContact(contact("home", "+43 3", "Linz", "Hauptplatz 3"))
        .addContacts(contact("x", "+1", "Salzburg", "Getreidegasse 9"))
        .addContacts(contact("y", "+2", "Bregenz", "See 1"))
        .putContactsByKind("home", contact("home", "+3", "Innsbruck", "Maria-Theresien-Str 1"))
        .setNote("clear note")
        .addClearNumbers(3)
        .addClearNumbers(-4)
        .setClearEnum(PiiColor.PII_RED)
        .setClearTimestamp(Timestamp.newBuilder().setSeconds(1).setNanos(7))
        .build();
  }
}
