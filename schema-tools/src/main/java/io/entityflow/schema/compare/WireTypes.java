package io.entityflow.schema.compare;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.Type;

/**
 * Which scalar field types share a wire encoding, so that a field can change between them without
 * breaking old readers or writers: the varint types ({@code int32, uint32, int64, uint64, bool} and
 * enums), the zigzag types ({@code sint32, sint64}), {@code fixed32/sfixed32}, {@code
 * fixed64/sfixed64}, and {@code string/bytes}. {@code float} and {@code double} match only
 * themselves.
 *
 * <pre>{@code
 * WireTypes.compatible(int32Field, int64Field);   // true
 * WireTypes.compatible(int32Field, sint32Field);  // false
 * }</pre>
 */
final class WireTypes {
  private WireTypes() {}

  /** Whether two scalar or enum fields encode alike on the wire (messages are compared apart). */
  static boolean compatible(FieldDescriptor before, FieldDescriptor after) {
    return group(before.getType()).equals(group(after.getType()));
  }

  private static String group(Type type) {
    return switch (type) {
      case INT32, UINT32, INT64, UINT64, BOOL, ENUM -> "varint";
      case SINT32, SINT64 -> "zigzag";
      case FIXED32, SFIXED32 -> "fixed32";
      case FIXED64, SFIXED64 -> "fixed64";
      case STRING, BYTES -> "length-delimited";
      case MESSAGE, GROUP -> "message";
      case FLOAT -> "float";
      case DOUBLE -> "double";
    };
  }
}
