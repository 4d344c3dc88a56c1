package io.entityflow.pipelines.convert;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Duration;
import com.google.protobuf.Empty;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.WrappersProto;

/** A test message type with a field of every mapped proto type (every {@code ValueConversion}). */
final class EveryTypeDescriptor {
  private EveryTypeDescriptor() {}

  static Descriptor build() {
    DescriptorProto inner =
        DescriptorProto.newBuilder()
            .setName("Inner")
            .addField(field("name", 1, Type.TYPE_STRING))
            .addField(field("values", 2, Type.TYPE_INT64).setLabel(Label.LABEL_REPEATED))
            .addField(field("blob", 3, Type.TYPE_BYTES))
            .build();
    DescriptorProto entry =
        DescriptorProto.newBuilder()
            .setName("CountsEntry")
            .setOptions(MessageOptions.newBuilder().setMapEntry(true))
            .addField(field("key", 1, Type.TYPE_STRING))
            .addField(field("value", 2, Type.TYPE_INT64))
            .build();
    DescriptorProto every =
        DescriptorProto.newBuilder()
            .setName("EveryType")
            .addNestedType(entry)
            .addField(field("text", 1, Type.TYPE_STRING))
            .addField(field("flag", 2, Type.TYPE_BOOL))
            .addField(field("data", 3, Type.TYPE_BYTES))
            .addField(field("i32", 4, Type.TYPE_INT32))
            .addField(field("i64", 5, Type.TYPE_INT64))
            .addField(field("s32", 6, Type.TYPE_SINT32))
            .addField(field("sf64", 7, Type.TYPE_SFIXED64))
            .addField(field("fl", 8, Type.TYPE_FLOAT))
            .addField(field("d", 9, Type.TYPE_DOUBLE))
            .addField(field("u32", 10, Type.TYPE_UINT32))
            .addField(field("fx32", 11, Type.TYPE_FIXED32))
            .addField(field("u64", 12, Type.TYPE_UINT64))
            .addField(field("fx64", 13, Type.TYPE_FIXED64))
            .addField(field("color", 14, Type.TYPE_ENUM).setTypeName(".test.Color"))
            .addField(message("ts", 15, ".google.protobuf.Timestamp"))
            .addField(message("dur", 16, ".google.protobuf.Duration"))
            .addField(message("st", 17, ".google.protobuf.Struct"))
            .addField(message("val", 18, ".google.protobuf.Value"))
            .addField(message("lv", 19, ".google.protobuf.ListValue"))
            .addField(message("mask", 20, ".google.protobuf.FieldMask"))
            .addField(message("marker", 21, ".google.protobuf.Empty"))
            .addField(message("inner", 22, ".test.Inner"))
            .addField(
                message("counts", 23, ".test.EveryType.CountsEntry").setLabel(Label.LABEL_REPEATED))
            .addField(message("w_i64", 24, ".google.protobuf.Int64Value"))
            .addField(message("w_u32", 25, ".google.protobuf.UInt32Value"))
            .addField(message("w_text", 26, ".google.protobuf.StringValue"))
            .addField(field("tags", 27, Type.TYPE_STRING).setLabel(Label.LABEL_REPEATED))
            .addField(message("inners", 28, ".test.Inner").setLabel(Label.LABEL_REPEATED))
            .addField(field("big", 29, Type.TYPE_UINT64))
            .build();
    FileDescriptorProto file =
        FileDescriptorProto.newBuilder()
            .setName("test/every_type.proto")
            .setPackage("test")
            .setSyntax("proto3")
            .addDependency("google/protobuf/timestamp.proto")
            .addDependency("google/protobuf/duration.proto")
            .addDependency("google/protobuf/struct.proto")
            .addDependency("google/protobuf/field_mask.proto")
            .addDependency("google/protobuf/empty.proto")
            .addDependency("google/protobuf/wrappers.proto")
            .addEnumType(
                EnumDescriptorProto.newBuilder()
                    .setName("Color")
                    .addValue(EnumValueDescriptorProto.newBuilder().setName("COLOR_UNSPECIFIED"))
                    .addValue(EnumValueDescriptorProto.newBuilder().setName("RED").setNumber(1)))
            .addMessageType(inner)
            .addMessageType(every)
            .build();
    try {
      return FileDescriptor.buildFrom(
              file,
              new FileDescriptor[] {
                Timestamp.getDescriptor().getFile(),
                Duration.getDescriptor().getFile(),
                Struct.getDescriptor().getFile(),
                FieldMask.getDescriptor().getFile(),
                Empty.getDescriptor().getFile(),
                WrappersProto.getDescriptor()
              })
          .findMessageTypeByName("EveryType");
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static FieldDescriptorProto.Builder field(String name, int number, Type type) {
    return FieldDescriptorProto.newBuilder()
        .setName(name)
        .setNumber(number)
        .setType(type)
        .setLabel(Label.LABEL_OPTIONAL);
  }

  private static FieldDescriptorProto.Builder message(String name, int number, String type) {
    return field(name, number, Type.TYPE_MESSAGE).setTypeName(type);
  }
}
