package io.entityflow.terraform.pubsub;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.GenericDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The types a self-contained schema of one top-level message must carry, and the name each gets in
 * it. The message keeps its own nested types; every other type it reaches (same-package messages,
 * shared types such as {@code acme.common.v1.Money}, well-known types such as {@code
 * google.protobuf.Timestamp}) is inlined as a nested type of the message, one whole top-level type
 * (with its own nested types) at a time.
 *
 * <pre>{@code
 * InlinedTypes types = InlinedTypes.of(Sale.getDescriptor());
 * types.units();                                   // LineItem, Money, CardPayment, ..., Timestamp
 * types.reference(Money.getDescriptor());          // "Sale.Money"
 * }</pre>
 *
 * <p>Guarantees: units are listed once, in the order they are first reached from the message's
 * fields; inlined names are unique within the message (a unit whose simple name is taken gets its
 * package prepended in UpperCamelCase, e.g. {@code GoogleProtobufTimestamp}).
 */
final class InlinedTypes {
  private final Descriptor root;
  private final List<GenericDescriptor> units = new ArrayList<>();
  private final Map<String, String> unitNames = new LinkedHashMap<>();
  private final Set<String> walked = new HashSet<>();
  private final Set<String> taken = new HashSet<>();

  private InlinedTypes(Descriptor root) {
    this.root = root;
  }

  /** The inlined types of a top-level message. */
  static InlinedTypes of(Descriptor root) {
    if (root.getContainingType() != null) {
      throw new IllegalArgumentException(
          "message '"
              + root.getFullName()
              + "' is nested; allowed: a top-level message (an entity)");
    }
    InlinedTypes types = new InlinedTypes(root);
    types.taken.add(root.getName());
    root.getNestedTypes().forEach(n -> types.taken.add(n.getName()));
    root.getEnumTypes().forEach(e -> types.taken.add(e.getName()));
    types.walk(root);
    return types;
  }

  /** The top-level types (messages or enums) inlined into the message, in discovery order. */
  List<GenericDescriptor> units() {
    return List.copyOf(units);
  }

  /** The name a unit is declared with inside the message. */
  String nameOf(GenericDescriptor unit) {
    String name = unitNames.get(unit.getFullName());
    if (name == null) {
      throw new IllegalArgumentException(
          "type '" + unit.getFullName() + "' is not inlined into " + root.getFullName());
    }
    return name;
  }

  /** How a field refers to a type in the generated schema, e.g. {@code Sale.Money}. */
  String reference(GenericDescriptor type) {
    String full = type.getFullName();
    String rootName = root.getFullName();
    if (full.equals(rootName) || full.startsWith(rootName + ".")) {
      return root.getName() + full.substring(rootName.length());
    }
    GenericDescriptor unit = outermost(type);
    return root.getName() + "." + nameOf(unit) + full.substring(unit.getFullName().length());
  }

  private void walk(Descriptor message) {
    if (!walked.add(message.getFullName())) {
      return;
    }
    for (FieldDescriptor field : message.getFields()) {
      if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        reach(field.getMessageType());
      } else if (field.getJavaType() == FieldDescriptor.JavaType.ENUM) {
        reach(field.getEnumType());
      }
    }
    for (Descriptor nested : message.getNestedTypes()) {
      walk(nested);
    }
  }

  private void reach(GenericDescriptor type) {
    String full = type.getFullName();
    if (full.equals(root.getFullName()) || full.startsWith(root.getFullName() + ".")) {
      return;
    }
    GenericDescriptor unit = outermost(type);
    if (unitNames.containsKey(unit.getFullName())) {
      return;
    }
    String name = unit.getName();
    if (!taken.add(name)) {
      name = upperCamel(unit.getFile().getPackage()) + unit.getName();
      if (!taken.add(name)) {
        throw new IllegalArgumentException(
            "cannot inline type '"
                + full
                + "' into "
                + root.getFullName()
                + ": both '"
                + unit.getName()
                + "' and '"
                + name
                + "' are already taken");
      }
    }
    unitNames.put(unit.getFullName(), name);
    units.add(unit);
    if (unit instanceof Descriptor message) {
      walk(message);
    }
  }

  private static GenericDescriptor outermost(GenericDescriptor type) {
    Descriptor container =
        type instanceof EnumDescriptor e ? e.getContainingType() : ((Descriptor) type);
    if (container == null) {
      return type;
    }
    while (container.getContainingType() != null) {
      container = container.getContainingType();
    }
    return container;
  }

  private static String upperCamel(String protoPackage) {
    StringBuilder out = new StringBuilder();
    for (String part : protoPackage.split("[._]")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }
}
