package io.entityflow.publisher.privacy;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.entityflow.contract.options.Sensitivity;
import io.entityflow.contract.registry.FieldSensitivity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The PII fields of a message type at any depth, as dotted paths in declaration order, for error
 * messages.
 *
 * <pre>{@code
 * PiiFields.of(Customer.getDescriptor()); // [email, full_name, phone]
 * PiiFields.of(Sale.getDescriptor());     // [payment.cardholder_name]
 * }</pre>
 */
public final class PiiFields {
  private PiiFields() {}

  /** The dotted paths of every field marked PII reachable from {@code type}. */
  public static List<String> of(Descriptor type) {
    List<String> paths = new ArrayList<>();
    collect(type, "", paths, new HashSet<>());
    return paths;
  }

  private static void collect(
      Descriptor type, String prefix, List<String> out, Set<Descriptor> on) {
    if (!on.add(type)) {
      return;
    }
    for (FieldDescriptor field : type.getFields()) {
      if (FieldSensitivity.of(field) == Sensitivity.PII) {
        out.add(prefix + field.getName());
      } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        collect(field.getMessageType(), prefix + field.getName() + ".", out, on);
      }
    }
    on.remove(type);
  }
}
