package io.entityflow.terraform.pubsub;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.GenericDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import io.entityflow.contract.options.Sensitivity;
import io.entityflow.contract.registry.FieldSensitivity;
import io.entityflow.contract.registry.SourceLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes the Pub/Sub Protobuf schema of an entity: one self-contained {@code proto3} file with a
 * single top-level message and no imports, as Pub/Sub requires. Every type the entity reaches
 * (same-package messages and enums, shared types such as {@code acme.common.v1.Money}, well-known
 * types such as {@code google.protobuf.Timestamp}, {@code Duration}, wrappers, {@code
 * Struct}/{@code Value}/{@code ListValue}) is inlined as a nested type with the same field numbers,
 * types and names, so the bytes producers publish with the contract's classes decode with the
 * schema and vice versa. A field marked PII travels encrypted, so it is written as {@code bytes}
 * ({@code repeated bytes}, {@code map<K, bytes>}): the entity's encrypted form.
 *
 * <pre>{@code
 * String definition = PubSubSchemaGenerator.generate(Sale.getDescriptor());
 * // syntax = "proto3"; package acme.retail.sale.v1; message Sale { ... message Money {...} ... }
 * }</pre>
 *
 * <p>Guarantees: deterministic output (same descriptor, same text); the message keeps its package
 * and name, so its full name is the entity's {@code schema} attribute; field options of the
 * contract (sensitivity) are dropped because Pub/Sub cannot import them; comments of non well-known
 * types are kept. A field Pub/Sub's proto3 cannot express (a proto2 group or required field) is
 * refused with an {@link IllegalArgumentException} naming it.
 */
public final class PubSubSchemaGenerator {
  private static final String INDENT = "  ";

  private final Descriptor root;
  private final InlinedTypes types;
  private final StringBuilder out = new StringBuilder();

  private PubSubSchemaGenerator(Descriptor root) {
    this.root = root;
    this.types = InlinedTypes.of(root);
  }

  /** The self-contained schema definition of a top-level message. */
  public static String generate(Descriptor message) {
    return new PubSubSchemaGenerator(message).write();
  }

  private String write() {
    out.append("// Pub/Sub schema of ")
        .append(root.getFullName())
        .append(", generated from ")
        .append(root.getFile().getName())
        .append(" by `entityflow terraform`. Do not edit.\n");
    out.append("// Self-contained: imported types are inlined as nested messages with the same")
        .append(" field numbers.\n");
    out.append("syntax = \"proto3\";\n\n");
    if (!root.getFile().getPackage().isEmpty()) {
      out.append("package ").append(root.getFile().getPackage()).append(";\n\n");
    }
    writeMessage(root, root.getName(), "", types.units());
    return out.toString();
  }

  private void writeMessage(
      Descriptor message, String name, String indent, List<GenericDescriptor> inlined) {
    comment(message, indent);
    out.append(indent).append("message ").append(name).append(" {\n");
    String inner = indent + INDENT;
    Set<OneofDescriptor> written = new HashSet<>();
    for (FieldDescriptor field : message.getFields()) {
      OneofDescriptor oneof = field.getRealContainingOneof();
      if (oneof == null) {
        writeField(field, inner);
      } else if (written.add(oneof)) {
        comment(oneof, inner);
        out.append(inner).append("oneof ").append(oneof.getName()).append(" {\n");
        for (FieldDescriptor member : oneof.getFields()) {
          writeField(member, inner + INDENT);
        }
        out.append(inner).append("}\n");
      }
    }
    writeReserved(message.toProto(), inner);
    for (Descriptor nested : message.getNestedTypes()) {
      if (!nested.getOptions().getMapEntry()) {
        out.append('\n');
        writeMessage(nested, nested.getName(), inner, List.of());
      }
    }
    for (EnumDescriptor nested : message.getEnumTypes()) {
      out.append('\n');
      writeEnum(nested, nested.getName(), inner);
    }
    for (GenericDescriptor unit : inlined) {
      out.append('\n');
      out.append(inner)
          .append("// Inlined from ")
          .append(unit.getFullName())
          .append(" (")
          .append(unit.getFile().getName())
          .append(").\n");
      if (unit instanceof Descriptor unitMessage) {
        writeMessage(unitMessage, types.nameOf(unit), inner, List.of());
      } else {
        writeEnum((EnumDescriptor) unit, types.nameOf(unit), inner);
      }
    }
    out.append(indent).append("}\n");
  }

  private void writeField(FieldDescriptor field, String indent) {
    if (field.getType() == FieldDescriptor.Type.GROUP || field.isRequired()) {
      throw new IllegalArgumentException(
          "field '"
              + field.getFullName()
              + "' is a proto2 "
              + (field.isRequired() ? "required field" : "group")
              + "; allowed in a Pub/Sub proto3 schema: singular, optional, repeated and map"
              + " fields of scalar, enum or message type");
    }
    comment(field, indent);
    out.append(indent);
    if (FieldSensitivity.of(field) == Sensitivity.PII) {
      writeEncryptedType(field);
    } else if (field.isMapField()) {
      Descriptor entry = field.getMessageType();
      out.append("map<")
          .append(typeOf(entry.findFieldByNumber(1)))
          .append(", ")
          .append(typeOf(entry.findFieldByNumber(2)))
          .append("> ");
    } else {
      if (field.isRepeated()) {
        out.append("repeated ");
      } else if (field.toProto().getProto3Optional()
          || (field.hasPresence()
              && field.getContainingOneof() == null
              && field.getJavaType() != FieldDescriptor.JavaType.MESSAGE)) {
        out.append("optional ");
      }
      out.append(typeOf(field)).append(' ');
    }
    out.append(field.getName()).append(" = ").append(field.getNumber());
    if (field.isRepeated() && field.getOptions().hasPacked()) {
      out.append(" [packed = ").append(field.getOptions().getPacked()).append(']');
    }
    out.append(";\n");
  }

  /**
   * The type of a PII field in the encrypted form producers publish: {@code bytes} (one
   * ciphertext), {@code repeated bytes}, or {@code map<K, bytes>} for a PII map.
   */
  private void writeEncryptedType(FieldDescriptor field) {
    if (field.isMapField()) {
      out.append("map<").append(typeOf(field.getMessageType().findFieldByNumber(1)));
      out.append(", bytes> ");
    } else if (field.isRepeated()) {
      out.append("repeated bytes ");
    } else {
      out.append(field.toProto().getProto3Optional() ? "optional bytes " : "bytes ");
    }
  }

  private String typeOf(FieldDescriptor field) {
    return switch (field.getJavaType()) {
      case MESSAGE -> types.reference(field.getMessageType());
      case ENUM -> types.reference(field.getEnumType());
      default -> field.getType().name().toLowerCase(Locale.ROOT);
    };
  }

  private void writeEnum(EnumDescriptor type, String name, String indent) {
    comment(type, indent);
    out.append(indent).append("enum ").append(name).append(" {\n");
    String inner = indent + INDENT;
    if (type.getOptions().getAllowAlias()) {
      out.append(inner).append("option allow_alias = true;\n");
    }
    for (EnumValueDescriptor value : type.getValues()) {
      comment(value, inner);
      out.append(inner)
          .append(value.getName())
          .append(" = ")
          .append(value.getNumber())
          .append(";\n");
    }
    EnumDescriptorProto proto = type.toProto();
    List<String> reserved = new ArrayList<>();
    for (EnumDescriptorProto.EnumReservedRange range : proto.getReservedRangeList()) {
      reserved.add(range(range.getStart(), range.getEnd()));
    }
    writeReservedLines(reserved, proto.getReservedNameList(), inner);
    out.append(indent).append("}\n");
  }

  private void writeReserved(DescriptorProto proto, String indent) {
    List<String> numbers = new ArrayList<>();
    for (DescriptorProto.ReservedRange range : proto.getReservedRangeList()) {
      // Message reserved ranges are end-exclusive in descriptors.
      numbers.add(range(range.getStart(), range.getEnd() - 1));
    }
    writeReservedLines(numbers, proto.getReservedNameList(), indent);
  }

  private void writeReservedLines(List<String> numbers, List<String> names, String indent) {
    if (!numbers.isEmpty()) {
      out.append(indent).append("reserved ").append(String.join(", ", numbers)).append(";\n");
    }
    if (!names.isEmpty()) {
      List<String> quoted = names.stream().map(n -> "\"" + n + "\"").toList();
      out.append(indent).append("reserved ").append(String.join(", ", quoted)).append(";\n");
    }
  }

  private static String range(int start, int endInclusive) {
    if (start == endInclusive) {
      return Integer.toString(start);
    }
    return start + " to " + (endInclusive >= 536_870_911 ? "max" : Integer.toString(endInclusive));
  }

  private void comment(GenericDescriptor descriptor, String indent) {
    if (descriptor.getFile().getPackage().equals("google.protobuf")) {
      return;
    }
    String text = SourceLocation.of(descriptor).map(SourceLocation::comment).orElse("");
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        out.append(indent).append("// ").append(line.strip()).append('\n');
      }
    }
  }
}
