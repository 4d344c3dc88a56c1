package io.entityflow.schema.compare;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.entityflow.contract.source.ContractSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the extensions ({@code extend} fields, top-level or nested) of two contracts, matched by
 * full name: added, deleted, cardinality (singular, repeated) and wire type, including message
 * encoding.
 *
 * <pre>{@code
 * ExtensionComparator.compare(base, current, findings);
 * }</pre>
 */
final class ExtensionComparator {
  private ExtensionComparator() {}

  static void compare(ContractSnapshot base, ContractSnapshot current, Findings out) {
    Map<String, FieldDescriptor> before = extensions(base.files());
    Map<String, FieldDescriptor> after = extensions(current.files());
    for (FieldDescriptor extension : after.values()) {
      FieldDescriptor old = before.get(extension.getFullName());
      if (old == null) {
        add(out, Rule.EXTENSION_ADDED, extension, what(extension) + " was added.", "");
      } else {
        changed(old, extension, out);
      }
    }
    for (FieldDescriptor extension : before.values()) {
      if (after.containsKey(extension.getFullName())) {
        continue;
      }
      add(
          out,
          Rule.EXTENSION_DELETED,
          extension,
          what(extension) + " was deleted: readers lose its value.",
          "keep "
              + extension.getFullName()
              + " (deprecate it instead), "
              + Findings.orNewMajor(extension));
    }
  }

  private static void changed(FieldDescriptor before, FieldDescriptor after, Findings out) {
    if (before.isRepeated() != after.isRepeated()) {
      add(
          out,
          Rule.EXTENSION_CARDINALITY_CHANGED,
          after,
          what(after)
              + " changed from "
              + FieldComparator.label(before)
              + " to "
              + FieldComparator.label(after)
              + ".",
          "keep it " + FieldComparator.label(before) + ", " + Findings.orNewMajor(after));
    } else if (TypeChange.of(before, after) == TypeChange.WIRE_INCOMPATIBLE) {
      add(
          out,
          Rule.EXTENSION_TYPE_CHANGED,
          after,
          what(after)
              + " changed type from "
              + type(before)
              + " to "
              + type(after)
              + ", which is not wire-compatible.",
          "keep it " + type(before) + ", " + Findings.orNewMajor(after));
    }
  }

  /** Adds a finding at the extension's declaration (scope: the extended message). */
  private static void add(
      Findings out, Rule rule, FieldDescriptor extension, String change, String fix) {
    out.list()
        .add(
            new Finding(
                rule,
                extension.getFile().getName(),
                line(extension),
                extension.getContainingType().getFullName(),
                change,
                fix));
  }

  /** The 1-based line of an extension from its file's source info, 0 without source info. */
  static int line(FieldDescriptor extension) {
    List<Integer> path = new ArrayList<>();
    if (extension.getExtensionScope() == null) {
      path.add(FileDescriptorProto.EXTENSION_FIELD_NUMBER);
    } else {
      messagePath(extension.getExtensionScope(), path);
      path.add(DescriptorProto.EXTENSION_FIELD_NUMBER);
    }
    path.add(extension.getIndex());
    for (SourceCodeInfo.Location location :
        extension.getFile().toProto().getSourceCodeInfo().getLocationList()) {
      if (location.getPathList().equals(path) && location.getSpanCount() > 0) {
        return location.getSpan(0) + 1;
      }
    }
    return 0;
  }

  private static void messagePath(Descriptor message, List<Integer> path) {
    if (message.getContainingType() == null) {
      path.add(FileDescriptorProto.MESSAGE_TYPE_FIELD_NUMBER);
    } else {
      messagePath(message.getContainingType(), path);
      path.add(DescriptorProto.NESTED_TYPE_FIELD_NUMBER);
    }
    path.add(message.getIndex());
  }

  private static String what(FieldDescriptor extension) {
    return "extension "
        + extension.getFullName()
        + " ("
        + extension.getNumber()
        + ", "
        + Findings.typeOf(extension)
        + ") of "
        + extension.getContainingType().getFullName();
  }

  private static String type(FieldDescriptor field) {
    return Findings.typeOf(field) + (TypeChange.delimited(field) ? " (delimited)" : "");
  }

  private static Map<String, FieldDescriptor> extensions(List<FileDescriptor> files) {
    Map<String, FieldDescriptor> all = new LinkedHashMap<>();
    for (FileDescriptor file : files) {
      file.getExtensions().forEach(e -> all.put(e.getFullName(), e));
      file.getMessageTypes().forEach(m -> nested(m, all));
    }
    return all;
  }

  private static void nested(Descriptor message, Map<String, FieldDescriptor> all) {
    message.getExtensions().forEach(e -> all.put(e.getFullName(), e));
    message.getNestedTypes().forEach(m -> nested(m, all));
  }
}
