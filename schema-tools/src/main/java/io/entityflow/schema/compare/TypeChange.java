package io.entityflow.schema.compare;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.JavaType;
import io.entityflow.contract.bigquery.BigQuerySchemaMapper;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.registry.ContractException;
import java.util.List;
import java.util.Objects;

/**
 * How the type of a field changed between two versions of the same field number: not at all, in a
 * wire-compatible way, to another message or enum of a different shape, or wire-incompatibly.
 * Messages with different names are compared field by field; enums by their values. Well-known
 * types ({@code google.protobuf.*}) carry their meaning in their name, so changing from or to one
 * is wire-incompatible.
 *
 * <pre>{@code
 * TypeChange.of(before, after);  // WIRE_INCOMPATIBLE for int32 -> string
 * }</pre>
 */
enum TypeChange {
  /** Same type. */
  SAME,
  /** Another type with the same wire encoding. */
  COMPATIBLE,
  /** Another message or enum type, wire-compatible, whose columns or values differ. */
  SHAPE_CHANGED,
  /** Another wire encoding. */
  WIRE_INCOMPATIBLE;

  private static final int MAX_DEPTH = 16;

  /** The change of a field's element type (maps: the worst of key and value). */
  static TypeChange of(FieldDescriptor before, FieldDescriptor after) {
    return of(before, after, 0);
  }

  private static TypeChange of(FieldDescriptor before, FieldDescriptor after, int depth) {
    if (before.isMapField() && after.isMapField()) {
      TypeChange key =
          of(
              before.getMessageType().findFieldByNumber(1),
              after.getMessageType().findFieldByNumber(1),
              depth);
      TypeChange value =
          of(
              before.getMessageType().findFieldByNumber(2),
              after.getMessageType().findFieldByNumber(2),
              depth);
      return key.compareTo(value) >= 0 ? key : value;
    }
    JavaType b = before.getJavaType();
    JavaType a = after.getJavaType();
    if (b == JavaType.MESSAGE || a == JavaType.MESSAGE) {
      if (b != a || delimited(before) != delimited(after)) {
        return WIRE_INCOMPATIBLE;
      }
      return messages(before.getMessageType(), after.getMessageType(), depth);
    }
    if (b == JavaType.ENUM && a == JavaType.ENUM) {
      return enums(before.getEnumType(), after.getEnumType());
    }
    if (before.getType() == after.getType()) {
      return SAME;
    }
    return WireTypes.compatible(before, after) ? COMPATIBLE : WIRE_INCOMPATIBLE;
  }

  /** Whether a message field is encoded delimited (a proto2 group, DELIMITED message_encoding). */
  static boolean delimited(FieldDescriptor field) {
    return field.getType() == FieldDescriptor.Type.GROUP;
  }

  private static TypeChange messages(Descriptor before, Descriptor after, int depth) {
    if (before.getFullName().equals(after.getFullName()) || depth > MAX_DEPTH) {
      return SAME;
    }
    if (isWellKnown(before) || isWellKnown(after)) {
      return WIRE_INCOMPATIBLE;
    }
    for (FieldDescriptor bf : before.getFields()) {
      FieldDescriptor af = after.findFieldByNumber(bf.getNumber());
      if (af == null) {
        continue;
      }
      if (bf.isRepeated() != af.isRepeated()
          || bf.isMapField() != af.isMapField()
          || of(bf, af, depth + 1) == WIRE_INCOMPATIBLE) {
        return WIRE_INCOMPATIBLE;
      }
    }
    return Objects.equals(recordType(before), recordType(after)) ? COMPATIBLE : SHAPE_CHANGED;
  }

  private static boolean isWellKnown(Descriptor message) {
    return message.getFile().getPackage().equals("google.protobuf");
  }

  private static TypeChange enums(EnumDescriptor before, EnumDescriptor after) {
    if (before.getFullName().equals(after.getFullName())) {
      return SAME;
    }
    for (EnumValueDescriptor value : before.getValues()) {
      EnumValueDescriptor other = after.findValueByNumber(value.getNumber());
      if (other == null || !other.getName().equals(value.getName())) {
        return SHAPE_CHANGED;
      }
    }
    return COMPATIBLE;
  }

  private static String recordType(Descriptor message) {
    try {
      List<TableColumn> columns = BigQuerySchemaMapper.columnsOf(message);
      return String.join(", ", columns.stream().map(c -> c.name() + " " + c.sqlType()).toList());
    } catch (ContractException e) {
      return message.getFullName();
    }
  }
}
