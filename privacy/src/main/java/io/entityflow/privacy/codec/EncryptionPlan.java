package io.entityflow.privacy.codec;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.entityflow.contract.privacy.EncryptedForm;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What {@link PiiEncryptor} does with each field number of one message type on the wire, computed
 * once per type: a PII value to encrypt, a nested message that reaches PII to rewrite, or (no
 * entry) bytes to copy as they are.
 *
 * <pre>{@code
 * EncryptionPlan plan = EncryptionPlan.of(Customer.getDescriptor());
 * plan.find(3).kind(); // PII (email)
 * plan.find(1);        // null: customer_id is copied
 * }</pre>
 *
 * <p>Guarantees: immutable once built, so shared between threads; recursive message types get one
 * plan per type (cycles point back at the same plan).
 */
final class EncryptionPlan {
  private static final int DENSE_LIMIT = 256;

  /** What happens to a field. */
  enum Kind {
    /** Every value is a ciphertext of its text form. */
    PII,
    /** A PII map: each entry keeps its key and gets a ciphertext of its value. */
    PII_MAP,
    /** A message (or map entry) reaching PII: rewritten with its own plan. */
    NESTED
  }

  /** How the text form of a PII value is read from the wire. */
  enum ValueKind {
    /** string or bytes: the wire bytes are the text. */
    RAW,
    /** a number, bool or enum. */
    SCALAR,
    /** a wrapper message: its value field's text (or its default's). */
    WRAPPER,
    /** any other message: parsed, then its text form. */
    MESSAGE
  }

  /**
   * One field's plan; {@code value} is the field whose text is encrypted (the field itself, or a
   * map's value field); {@code inner} a wrapper's value field.
   */
  record Field(
      FieldDescriptor field,
      Kind kind,
      FieldDescriptor value,
      ValueKind valueKind,
      FieldDescriptor inner,
      ValueKind innerKind,
      EncryptionPlan nested) {}

  private Field[] dense;
  private Map<Integer, Field> sparse;

  private EncryptionPlan() {}

  /** The plan of {@code type}. */
  static EncryptionPlan of(Descriptor type) {
    return build(type, new HashMap<>());
  }

  /** The plan of a field number, or null when its bytes are copied as they are. */
  Field find(int number) {
    if (number < dense.length) {
      return dense[number];
    }
    return sparse == null ? null : sparse.get(number);
  }

  private static EncryptionPlan build(Descriptor type, Map<Descriptor, EncryptionPlan> built) {
    EncryptionPlan known = built.get(type);
    if (known != null) {
      return known;
    }
    EncryptionPlan plan = new EncryptionPlan();
    built.put(type, plan);
    int max = 0;
    for (FieldDescriptor field : type.getFields()) {
      if (field.getNumber() < DENSE_LIMIT) {
        max = Math.max(max, field.getNumber());
      }
    }
    plan.dense = new Field[max + 1];
    for (FieldDescriptor field : type.getFields()) {
      Field planned = plan(field, built);
      if (planned == null) {
        continue;
      }
      if (field.getNumber() < DENSE_LIMIT) {
        plan.dense[field.getNumber()] = planned;
      } else {
        if (plan.sparse == null) {
          plan.sparse = new HashMap<>();
        }
        plan.sparse.put(field.getNumber(), planned);
      }
    }
    return plan;
  }

  private static Field plan(FieldDescriptor field, Map<Descriptor, EncryptionPlan> built) {
    if (EncryptedForm.isEncrypted(field)) {
      FieldDescriptor value =
          field.isMapField() ? field.getMessageType().findFieldByNumber(2) : field;
      FieldDescriptor inner = null;
      ValueKind innerKind = null;
      ValueKind valueKind = valueKind(value);
      if (valueKind == ValueKind.WRAPPER) {
        inner = value.getMessageType().findFieldByNumber(1);
        innerKind = valueKind(inner);
      }
      return new Field(
          field,
          field.isMapField() ? Kind.PII_MAP : Kind.PII,
          value,
          valueKind,
          inner,
          innerKind,
          null);
    }
    if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
        && reachesPii(field.getMessageType(), new HashSet<>())) {
      return new Field(
          field, Kind.NESTED, null, null, null, null, build(field.getMessageType(), built));
    }
    return null;
  }

  private static ValueKind valueKind(FieldDescriptor field) {
    return switch (field.getJavaType()) {
      case STRING, BYTE_STRING -> ValueKind.RAW;
      case MESSAGE ->
          PiiPlaintext.isWrapper(field.getMessageType()) ? ValueKind.WRAPPER : ValueKind.MESSAGE;
      default -> ValueKind.SCALAR;
    };
  }

  private static boolean reachesPii(Descriptor type, Set<Descriptor> visited) {
    if (!visited.add(type)) {
      return false;
    }
    for (FieldDescriptor field : type.getFields()) {
      if (EncryptedForm.isEncrypted(field)
          || (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
              && reachesPii(field.getMessageType(), visited))) {
        return true;
      }
    }
    return false;
  }
}
