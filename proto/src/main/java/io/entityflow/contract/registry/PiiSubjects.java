package io.entityflow.contract.registry;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.entityflow.contract.options.EntityOptions;
import io.entityflow.contract.options.Sensitivity;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code pii-subject} rule: an entity with a PII field (at any depth) names, in {@code
 * pii_subject_field} or by default its {@code id_field}, the top-level field holding the id of the
 * data subject its PII belongs to. Package-private; used by {@link EntityRegistry}.
 */
final class PiiSubjects {
  private static final String ALLOWED =
      "a singular top-level string or integer field (string, int32, int64, uint32, uint64, sint32,"
          + " sint64, fixed32, fixed64, sfixed32, sfixed64) that is not marked PII";

  private PiiSubjects() {}

  /** Whether any field reachable from {@code message}, at any depth, is marked PII. */
  static boolean hasPii(Descriptor message) {
    return hasPii(message, new HashSet<>());
  }

  private static boolean hasPii(Descriptor message, Set<String> visited) {
    if (!visited.add(message.getFullName())
        || message.getFile().getPackage().equals("google.protobuf")) {
      return false;
    }
    for (FieldDescriptor field : message.getFields()) {
      if (FieldSensitivity.of(field) == Sensitivity.PII) {
        return true;
      }
      if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
          && hasPii(field.getMessageType(), visited)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The subject field of an entity: empty when the entity has no PII, {@code null} (with a
   * violation added) when the field breaks the rule.
   *
   * @param idField the validated id field (the default subject)
   */
  static Optional<FieldDescriptor> subjectField(
      Descriptor message,
      EntityOptions options,
      FieldDescriptor idField,
      List<ContractViolation> violations) {
    if (!hasPii(message)) {
      return Optional.empty();
    }
    boolean explicit = !options.getPiiSubjectField().isEmpty();
    String name = explicit ? options.getPiiSubjectField() : idField.getName();
    String label =
        explicit
            ? "pii_subject_field '" + name + "'"
            : "the PII subject (id field '" + name + "', as pii_subject_field is not set)";
    FieldDescriptor field = message.findFieldByName(name);
    if (field == null) {
      violations.add(
          EntityRegistry.violation(
              message,
              ContractRule.PII_SUBJECT,
              label
                  + " names no top-level field of the message; allowed: "
                  + ALLOWED
                  + " ("
                  + candidates(message)
                  + ")"));
      return null;
    }
    String problem = null;
    if (!integerOrString(field) || field.isRepeated()) {
      problem =
          field.isMapField()
              ? "a map"
              : (field.isRepeated() ? "repeated " : "") + EntityRegistry.typeName(field);
    } else if (FieldSensitivity.of(field) == Sensitivity.PII) {
      problem = "marked PII (the subject id stays in clear: it names the subject's key)";
    }
    if (problem != null) {
      violations.add(
          EntityRegistry.violation(
              message,
              ContractRule.PII_SUBJECT,
              label
                  + " is "
                  + problem
                  + "; allowed: "
                  + ALLOWED
                  + " ("
                  + candidates(message)
                  + ")"));
      return null;
    }
    return Optional.of(field);
  }

  private static String candidates(Descriptor message) {
    String names =
        message.getFields().stream()
            .filter(f -> integerOrString(f) && !f.isRepeated())
            .filter(f -> FieldSensitivity.of(f) != Sensitivity.PII)
            .map(FieldDescriptor::getName)
            .collect(Collectors.joining(", "));
    return names.isEmpty() ? "the message has none" : "candidates: " + names;
  }

  static boolean integerOrString(FieldDescriptor field) {
    return switch (field.getType()) {
      case STRING,
              INT32,
              INT64,
              UINT32,
              UINT64,
              SINT32,
              SINT64,
              FIXED32,
              FIXED64,
              SFIXED32,
              SFIXED64 ->
          true;
      default -> false;
    };
  }
}
