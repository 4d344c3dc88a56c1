package io.entityflow.schema.compare;

import com.google.protobuf.DescriptorProtos.DescriptorProto.ReservedRange;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.entityflow.contract.options.EntityflowOptionsProto;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares two versions of one message (same full name): fields matched by number (deleted,
 * retired, moved to another number, reused, added, changed), reservations, comment and options. The
 * entity option is left to {@link EntityComparator}.
 *
 * <pre>{@code
 * MessageComparator.compare(baseSale, currentSale, findings);
 * }</pre>
 */
final class MessageComparator {
  private MessageComparator() {}

  static void compare(Descriptor before, Descriptor after, Findings out) {
    String scope = after.getFullName();
    Set<Integer> handled = new HashSet<>();
    Set<String> retired = new HashSet<>();
    for (FieldDescriptor field : before.getFields()) {
      FieldDescriptor same = after.findFieldByNumber(field.getNumber());
      if (same != null) {
        FieldComparator.compare(field, same, out);
        continue;
      }
      FieldDescriptor moved = after.findFieldByName(field.getName());
      if (moved != null && before.findFieldByNumber(moved.getNumber()) == null) {
        handled.add(moved.getNumber());
        out.add(
            Rule.FIELD_NUMBER_CHANGED,
            moved,
            scope,
            "field '"
                + field.getName()
                + "' of "
                + scope
                + " changed its number from "
                + field.getNumber()
                + " to "
                + moved.getNumber()
                + ".",
            "keep number "
                + field.getNumber()
                + " for '"
                + field.getName()
                + "' (numbers identify fields on the wire), "
                + Findings.orNewMajor(after));
        continue;
      }
      deleted(field, after, retired, out);
    }
    for (FieldDescriptor field : after.getFields()) {
      if (before.findFieldByNumber(field.getNumber()) != null
          || handled.contains(field.getNumber())) {
        continue;
      }
      added(field, before, out);
    }
    reservations(before, after, retired, out);
    documentation(before, after, out);
  }

  private static void deleted(
      FieldDescriptor field, Descriptor after, Set<String> retired, Findings out) {
    String scope = after.getFullName();
    boolean number = after.isReservedNumber(field.getNumber());
    boolean name = after.isReservedName(field.getName());
    String what =
        "field '"
            + field.getName()
            + "' ("
            + field.getNumber()
            + ", "
            + Findings.typeOf(field)
            + ") of "
            + scope
            + " was deleted";
    retired.add(String.valueOf(field.getNumber()));
    retired.add("\"" + field.getName() + "\"");
    if (number && name) {
      out.add(
          Rule.FIELD_RETIRED,
          after,
          scope,
          what + " and reserved; its column stays and is NULL from now on.",
          "");
      return;
    }
    String missing =
        !number && !name
            ? "reserve field "
                + field.getNumber()
                + " and name '"
                + field.getName()
                + "' in "
                + scope
                + " (reserved "
                + field.getNumber()
                + "; reserved \""
                + field.getName()
                + "\";)"
            : !number
                ? "also reserve field "
                    + field.getNumber()
                    + " in "
                    + scope
                    + " (reserved "
                    + field.getNumber()
                    + ";)"
                : "also reserve name '"
                    + field.getName()
                    + "' in "
                    + scope
                    + " (reserved \""
                    + field.getName()
                    + "\";)";
    out.add(
        Rule.FIELD_DELETED,
        after,
        scope,
        what
            + " without reserving its "
            + (!number && !name ? "number and name" : !number ? "number" : "name")
            + ".",
        missing + " so that neither is reused with another meaning");
  }

  private static void added(FieldDescriptor field, Descriptor before, Findings out) {
    String scope = field.getContainingType().getFullName();
    String what =
        "field '"
            + field.getName()
            + "' ("
            + field.getNumber()
            + ", "
            + Findings.typeOf(field)
            + ") of "
            + scope;
    if (before.isReservedNumber(field.getNumber())) {
      out.add(
          Rule.FIELD_NUMBER_REUSED,
          field,
          scope,
          what + " uses number " + field.getNumber() + ", which the base reserved.",
          "give '" + field.getName() + "' an unused number; reserved numbers stay reserved");
    } else if (before.isReservedName(field.getName())) {
      out.add(
          Rule.FIELD_NUMBER_REUSED,
          field,
          scope,
          what + " uses the name '" + field.getName() + "', which the base reserved.",
          "choose another name; reserved names stay reserved (their old column holds other data)");
    } else {
      out.add(Rule.FIELD_ADDED, field, scope, what + " was added.", "");
    }
  }

  private static void reservations(
      Descriptor before, Descriptor after, Set<String> retired, Findings out) {
    List<String> beforeReserved = reserved(before);
    List<String> added = new ArrayList<>();
    for (String item : reserved(after)) {
      if (!beforeReserved.contains(item) && !retired.contains(item)) {
        added.add(item);
      }
    }
    if (!added.isEmpty()) {
      out.add(
          Rule.RESERVED_ADDED,
          after,
          after.getFullName(),
          after.getFullName() + " newly reserves " + String.join(", ", added) + ".",
          "");
    }
  }

  private static List<String> reserved(Descriptor message) {
    List<String> items = new ArrayList<>();
    for (ReservedRange range : message.toProto().getReservedRangeList()) {
      items.add(
          range.getEnd() - 1 == range.getStart()
              ? String.valueOf(range.getStart())
              : range.getStart() + " to " + (range.getEnd() - 1));
    }
    for (String name : message.toProto().getReservedNameList()) {
      items.add("\"" + name + "\"");
    }
    return items;
  }

  private static void documentation(Descriptor before, Descriptor after, Findings out) {
    String scope = after.getFullName();
    if (Findings.commentChanged(before, after)) {
      out.add(Rule.COMMENT_CHANGED, after, scope, "the comment of " + scope + " changed.", "");
    }
    MessageOptions optionsBefore = withoutEntity(before.getOptions());
    MessageOptions optionsAfter = withoutEntity(after.getOptions());
    if (!optionsBefore.toByteString().equals(optionsAfter.toByteString())) {
      out.add(
          Rule.OPTION_CHANGED,
          after,
          scope,
          "the options of "
              + scope
              + " changed from ["
              + FieldComparator.oneLine(optionsBefore)
              + "] to ["
              + FieldComparator.oneLine(optionsAfter)
              + "].",
          "");
    }
  }

  private static MessageOptions withoutEntity(MessageOptions options) {
    return options.toBuilder()
        .clearExtension(EntityflowOptionsProto.entity)
        .clearFeatures()
        .build();
  }
}
