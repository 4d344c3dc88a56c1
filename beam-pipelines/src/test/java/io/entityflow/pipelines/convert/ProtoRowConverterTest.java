package io.entityflow.pipelines.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.bigquery.model.TableRow;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Duration;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Empty;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Int64Value;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.UInt32Value;
import com.google.protobuf.Value;
import io.entityflow.contract.bigquery.BigQuerySchemaMapper;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.bigquery.ValueConversion;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProtoRowConverterTest {
  static final Descriptor EVERY = EveryTypeDescriptor.build();

  @Test
  void everyValueConversionBecomesItsColumnValue() {
    DynamicMessage message = everyTypeMessage();
    List<TableColumn> columns = BigQuerySchemaMapper.columnsOf(EVERY);

    TableRow row = ProtoRowConverter.of(columns, EVERY).convert(message);

    TableRow inner =
        new TableRow().set("name", "n").set("values", List.of("1", "-2")).set("blob", "AAE=");
    TableRow expected =
        new TableRow()
            .set("text", "héllo")
            .set("flag", true)
            .set("data", "AP8=")
            .set("i32", "-7")
            .set("i64", "9007199254740993")
            .set("s32", "-3")
            .set("sf64", "-9")
            .set("fl", 1.5)
            .set("d", 2.25)
            .set("u32", "4294967295")
            .set("fx32", "4294967294")
            .set("u64", "18446744073709551615")
            .set("fx64", "18446744073709551614")
            .set("color", "RED")
            .set("ts", "2026-11-23T10:15:30.123456Z")
            .set("dur", "90.000000001")
            .set("st", "{\"a\":1.0,\"b\":\"x\"}")
            .set("val", "\"v\"")
            .set("lv", "[true,null]")
            .set("mask", "email,segment.name")
            .set("marker", true)
            .set("inner", inner)
            .set(
                "counts",
                List.of(
                    new TableRow().set("key", "b").set("value", "2"),
                    new TableRow().set("key", "a").set("value", "1")))
            .set("w_i64", "0")
            .set("w_u32", "4000000000")
            .set("tags", List.of("x", "y"))
            .set(
                "inners",
                List.of(
                    inner, new TableRow().set("name", "").set("values", List.of()).set("blob", "")))
            .set("big", "0");
    assertThat(row).isEqualTo(expected);
    Set<ValueConversion> covered = EnumSet.noneOf(ValueConversion.class);
    collect(columns, covered);
    assertThat(covered)
        .containsExactlyInAnyOrderElementsOf(
            EnumSet.complementOf(EnumSet.of(ValueConversion.METADATA)));
  }

  @Test
  void unsetMessagesWrappersAndListsAreNullOrEmpty() {
    TableRow row =
        ProtoRowConverter.of(BigQuerySchemaMapper.columnsOf(EVERY), EVERY)
            .convert(DynamicMessage.newBuilder(EVERY).build());

    assertThat(row.keySet())
        .containsExactly(
            "text", "flag", "data", "i32", "i64", "s32", "sf64", "fl", "d", "u32", "fx32", "u64",
            "fx64", "color", "counts", "tags", "inners", "big");
    assertThat(row.get("color")).isEqualTo("COLOR_UNSPECIFIED");
    assertThat(row.get("counts")).isEqualTo(List.of());
  }

  @Test
  void unknownEnumNumberBecomesItsDecimalString() {
    FieldDescriptor color = EVERY.findFieldByName("color");
    DynamicMessage message =
        DynamicMessage.newBuilder(EVERY)
            .setField(color, color.getEnumType().findValueByNumberCreatingIfUnknown(7))
            .build();

    TableRow row =
        ProtoRowConverter.of(BigQuerySchemaMapper.columnsOf(EVERY), EVERY).convert(message);

    assertThat(row.get("color")).isEqualTo("7");
  }

  private static void collect(List<TableColumn> columns, Set<ValueConversion> covered) {
    for (TableColumn column : columns) {
      covered.add(column.conversion());
      collect(column.fields(), covered);
    }
  }

  static DynamicMessage everyTypeMessage() {
    Descriptor innerType = EVERY.findFieldByName("inner").getMessageType();
    DynamicMessage inner =
        DynamicMessage.newBuilder(innerType)
            .setField(innerType.findFieldByName("name"), "n")
            .addRepeatedField(innerType.findFieldByName("values"), 1L)
            .addRepeatedField(innerType.findFieldByName("values"), -2L)
            .setField(innerType.findFieldByName("blob"), ByteString.copyFrom(new byte[] {0, 1}))
            .build();
    Descriptor entry = EVERY.findFieldByName("counts").getMessageType();
    DynamicMessage.Builder b = DynamicMessage.newBuilder(EVERY);
    b.setField(f("text"), "héllo")
        .setField(f("flag"), true)
        .setField(f("data"), ByteString.copyFrom(new byte[] {0, (byte) 0xff}))
        .setField(f("i32"), -7)
        .setField(f("i64"), 9007199254740993L)
        .setField(f("s32"), -3)
        .setField(f("sf64"), -9L)
        .setField(f("fl"), 1.5f)
        .setField(f("d"), 2.25)
        .setField(f("u32"), -1)
        .setField(f("fx32"), -2)
        .setField(f("u64"), -1L)
        .setField(f("fx64"), -2L)
        .setField(f("color"), f("color").getEnumType().findValueByName("RED"))
        .setField(
            f("ts"), Timestamp.newBuilder().setSeconds(1795428930L).setNanos(123456789).build())
        .setField(f("dur"), Duration.newBuilder().setSeconds(90).setNanos(1).build())
        .setField(
            f("st"),
            Struct.newBuilder()
                .putFields("a", Value.newBuilder().setNumberValue(1).build())
                .putFields("b", Value.newBuilder().setStringValue("x").build())
                .build())
        .setField(f("val"), Value.newBuilder().setStringValue("v").build())
        .setField(
            f("lv"),
            ListValue.newBuilder()
                .addValues(Value.newBuilder().setBoolValue(true))
                .addValues(Value.newBuilder().setNullValueValue(0))
                .build())
        .setField(
            f("mask"), FieldMask.newBuilder().addPaths("email").addPaths("segment.name").build())
        .setField(f("marker"), Empty.getDefaultInstance())
        .setField(f("inner"), inner)
        .addRepeatedField(
            f("counts"),
            DynamicMessage.newBuilder(entry)
                .setField(entry.findFieldByName("key"), "b")
                .setField(entry.findFieldByName("value"), 2L)
                .build())
        .addRepeatedField(
            f("counts"),
            DynamicMessage.newBuilder(entry)
                .setField(entry.findFieldByName("key"), "a")
                .setField(entry.findFieldByName("value"), 1L)
                .build())
        .setField(f("w_i64"), Int64Value.of(0))
        .setField(f("w_u32"), UInt32Value.of((int) 4_000_000_000L))
        .addRepeatedField(f("tags"), "x")
        .addRepeatedField(f("tags"), "y")
        .addRepeatedField(f("inners"), inner)
        .addRepeatedField(f("inners"), DynamicMessage.getDefaultInstance(innerType));
    return b.build();
  }

  private static FieldDescriptor f(String name) {
    return EVERY.findFieldByName(name);
  }
}
