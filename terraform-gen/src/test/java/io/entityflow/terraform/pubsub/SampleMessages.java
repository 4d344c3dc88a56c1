package io.entityflow.terraform.pubsub;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds messages with every field set (for a oneof: the member at a chosen index) and compares
 * messages of different descriptors field by field, by number and name.
 */
final class SampleMessages {
  private static final int MAX_DEPTH = 4;

  private SampleMessages() {}

  /** A message of the type with every field set; oneofs set their member at {@code branch}. */
  static DynamicMessage everyField(Descriptor type, int branch) {
    return build(type, branch, 0);
  }

  private static DynamicMessage build(Descriptor type, int branch, int depth) {
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
    for (FieldDescriptor field : type.getFields()) {
      OneofDescriptor oneof = field.getRealContainingOneof();
      if (oneof != null && oneof.getField(branch % oneof.getFieldCount()) != field) {
        continue;
      }
      if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && depth >= MAX_DEPTH) {
        continue;
      }
      if (field.isMapField()) {
        Descriptor entry = field.getMessageType();
        DynamicMessage.Builder e = DynamicMessage.newBuilder(entry);
        e.setField(entry.findFieldByNumber(1), value(entry.findFieldByNumber(1), 1, branch, depth));
        e.setField(entry.findFieldByNumber(2), value(entry.findFieldByNumber(2), 1, branch, depth));
        builder.addRepeatedField(field, e.build());
      } else if (field.isRepeated()) {
        builder.addRepeatedField(field, value(field, 1, branch, depth));
        builder.addRepeatedField(field, value(field, 2, branch, depth));
      } else {
        builder.setField(field, value(field, 1, branch, depth));
      }
    }
    return builder.build();
  }

  private static Object value(FieldDescriptor field, int seed, int branch, int depth) {
    int n = field.getNumber() * 10 + seed;
    return switch (field.getType()) {
      case STRING -> field.getName() + "-" + n;
      case BYTES -> ByteString.copyFrom(new byte[] {(byte) n, (byte) 0xff, 0});
      case BOOL -> true;
      case DOUBLE -> n + 0.25;
      case FLOAT -> n + 0.5f;
      case INT32, SINT32, SFIXED32 -> -n;
      case UINT32, FIXED32 -> 0x8000_0000 + n;
      case INT64, SINT64, SFIXED64 -> -10_000_000_000L - n;
      case UINT64, FIXED64 -> 0x8000_0000_0000_0000L + n;
      case ENUM -> lastValue(field.getEnumType());
      case MESSAGE -> build(field.getMessageType(), branch, depth + 1);
      case GROUP -> throw new IllegalArgumentException("groups are not used: " + field);
    };
  }

  private static Object lastValue(EnumDescriptor type) {
    return type.getValues().get(type.getValues().size() - 1);
  }

  /**
   * A canonical form of a message: field "number:name" to value, nested messages canonical too,
   * enums as "number:NAME" (the first name of an aliased number), strings as their UTF-8 bytes
   * (string and bytes are the same on the wire, and a PII string is bytes in the Pub/Sub schema),
   * PII messages as their encoding (one bytes field in the Pub/Sub schema), maps as sorted maps,
   * unknown fields under "unknown".
   */
  static Map<String, Object> canonical(Message message) {
    Map<String, Object> out = new TreeMap<>();
    for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
      FieldDescriptor field = entry.getKey();
      String key = field.getNumber() + ":" + field.getName();
      if (field.isMapField()) {
        Map<String, Object> map = new TreeMap<>();
        for (Object item : (List<?>) entry.getValue()) {
          Map<String, Object> e = canonical((Message) item);
          Object mapKey = e.get("1:key");
          map.put(
              mapKey instanceof com.google.protobuf.ByteString text
                  ? text.toStringUtf8()
                  : String.valueOf(mapKey),
              e.get("2:value"));
        }
        out.put(key, map);
      } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
          && io.entityflow.contract.registry.FieldSensitivity.of(field)
              == io.entityflow.contract.options.Sensitivity.PII) {
        // A PII message travels as one bytes field: compare its encoding.
        out.put(
            key,
            field.isRepeated()
                ? ((List<?>) entry.getValue())
                    .stream().map(m -> ((Message) m).toByteString()).toList()
                : ((Message) entry.getValue()).toByteString());
      } else if (field.isRepeated()) {
        out.put(key, ((List<?>) entry.getValue()).stream().map(SampleMessages::scalar).toList());
      } else {
        out.put(key, scalar(entry.getValue()));
      }
    }
    if (!message.getUnknownFields().asMap().isEmpty()) {
      out.put("unknown", message.getUnknownFields().toString());
    }
    return out;
  }

  private static Object scalar(Object value) {
    if (value instanceof Message m) {
      return canonical(m);
    }
    if (value instanceof String text) {
      return com.google.protobuf.ByteString.copyFromUtf8(text);
    }
    if (value instanceof com.google.protobuf.Descriptors.EnumValueDescriptor e) {
      // An alias is the same number on the wire: name it by the first value with that number.
      return e.getNumber() + ":" + e.getType().findValueByNumber(e.getNumber()).getName();
    }
    return value;
  }
}
