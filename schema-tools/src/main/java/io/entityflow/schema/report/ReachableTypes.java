package io.entityflow.schema.report;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The full names of every message and enum an entity's payload can contain, the entity itself
 * included, so that a change to a shared type is reported with every entity it affects.
 *
 * <pre>{@code
 * ReachableTypes.of(Sale.getDescriptor()); // [acme.retail.sale.v1.Sale, ...LineItem, acme.common.v1.Money, ...]
 * }</pre>
 */
final class ReachableTypes {
  private ReachableTypes() {}

  static Set<String> of(Descriptor root) {
    Set<String> names = new LinkedHashSet<>();
    visit(root, names);
    return names;
  }

  private static void visit(Descriptor message, Set<String> names) {
    if (!message.getOptions().getMapEntry() && !names.add(message.getFullName())) {
      return;
    }
    for (FieldDescriptor field : message.getFields()) {
      if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        visit(field.getMessageType(), names);
      } else if (field.getJavaType() == FieldDescriptor.JavaType.ENUM) {
        names.add(field.getEnumType().getFullName());
      }
    }
  }
}
