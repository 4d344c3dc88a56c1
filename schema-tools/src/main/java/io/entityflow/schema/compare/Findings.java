package io.entityflow.schema.compare;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.GenericDescriptor;
import io.entityflow.contract.registry.EntityNames;
import io.entityflow.contract.registry.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Collects findings during one comparison, placing each at its declaration's {@code file:line}, and
 * phrases the recurring parts of messages (type names, the next major package).
 *
 * <pre>{@code
 * Findings out = new Findings();
 * out.add(Rule.FIELD_ADDED, field, "acme.x.v1.M", "field 'y' was added", "");
 * }</pre>
 */
final class Findings {
  private final List<Finding> list = new ArrayList<>();

  /** Adds a finding located at the declaration of {@code at}. */
  void add(Rule rule, GenericDescriptor at, String scope, String change, String fix) {
    SourceLocation location = SourceLocation.orFile(at);
    list.add(new Finding(rule, location.file(), location.line(), scope, change, fix));
  }

  /** The findings so far. */
  List<Finding> list() {
    return list;
  }

  /** The package a breaking change belongs in: the next major version of {@code protoPackage}. */
  static String nextMajor(String protoPackage) {
    OptionalInt major = EntityNames.majorVersion(protoPackage);
    if (major.isEmpty()) {
      return protoPackage + ".v2";
    }
    String suffix = ".v" + major.getAsInt();
    String stem =
        protoPackage.endsWith(suffix)
            ? protoPackage.substring(0, protoPackage.length() - suffix.length())
            : "";
    return (stem.isEmpty() ? "" : stem + ".") + "v" + (major.getAsInt() + 1);
  }

  /** The usual second half of a breaking fix: do it in a new major version instead. */
  static String orNewMajor(GenericDescriptor element) {
    String pkg = element.getFile().getPackage();
    return "or make the change in a new major package "
        + nextMajor(pkg)
        + " beside the untouched "
        + pkg;
  }

  /**
   * Whether the comments of two versions of an element differ. Only when both sides carry source
   * info: a side loaded from a descriptor set without it has no comments, which is no change.
   */
  static boolean commentChanged(GenericDescriptor before, GenericDescriptor after) {
    java.util.Optional<SourceLocation> b = SourceLocation.of(before);
    java.util.Optional<SourceLocation> a = SourceLocation.of(after);
    return b.isPresent() && a.isPresent() && !b.get().comment().equals(a.get().comment());
  }

  /** A field's type as written in a .proto file, e.g. {@code repeated acme.common.v1.Money}. */
  static String typeOf(FieldDescriptor field) {
    if (field.isMapField()) {
      FieldDescriptor key = field.getMessageType().findFieldByNumber(1);
      FieldDescriptor value = field.getMessageType().findFieldByNumber(2);
      return "map<" + baseType(key) + ", " + baseType(value) + ">";
    }
    return (field.isRepeated() ? "repeated " : "") + baseType(field);
  }

  /** A field's element type, e.g. {@code int64} or {@code acme.common.v1.Money}. */
  static String baseType(FieldDescriptor field) {
    return switch (field.getJavaType()) {
      case MESSAGE -> field.getMessageType().getFullName();
      case ENUM -> field.getEnumType().getFullName();
      default -> field.getType().name().toLowerCase(Locale.ROOT);
    };
  }
}
