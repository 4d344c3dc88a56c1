package io.entityflow.schema.compare;

import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;

/**
 * Compares two versions of one enum (same full name): values matched by number (deleted, retired,
 * renamed, reusing a reserved number, added), open or closed, and comments. Enum columns hold the
 * value names, so a rename changes the data even though the wire keeps the number.
 *
 * <pre>{@code
 * EnumComparator.compare(baseChannel, currentChannel, findings);
 * }</pre>
 */
final class EnumComparator {
  private EnumComparator() {}

  static void compare(EnumDescriptor before, EnumDescriptor after, Findings out) {
    String scope = after.getFullName();
    for (EnumValueDescriptor value : before.getValues()) {
      EnumValueDescriptor same = after.findValueByNumber(value.getNumber());
      String what = "value " + value.getName() + " (" + value.getNumber() + ") of " + scope;
      if (same == null) {
        if (after.isReservedNumber(value.getNumber()) && after.isReservedName(value.getName())) {
          out.add(
              Rule.ENUM_VALUE_RETIRED,
              after,
              scope,
              what + " was deleted and reserved; old rows keep the name.",
              "");
        } else {
          out.add(
              Rule.ENUM_VALUE_DELETED,
              after,
              scope,
              what + " was deleted without reserving its number and name.",
              "reserve "
                  + value.getNumber()
                  + " and \""
                  + value.getName()
                  + "\" in "
                  + scope
                  + " (reserved "
                  + value.getNumber()
                  + "; reserved \""
                  + value.getName()
                  + "\";)");
        }
      } else if (!same.getName().equals(value.getName())) {
        out.add(
            Rule.ENUM_VALUE_RENAMED,
            same,
            scope,
            "value "
                + value.getNumber()
                + " of "
                + scope
                + " was renamed from "
                + value.getName()
                + " to "
                + same.getName()
                + ": the column values change from '"
                + value.getName()
                + "' to '"
                + same.getName()
                + "' and break queries.",
            "keep the name "
                + value.getName()
                + " (document the new meaning in its comment), "
                + Findings.orNewMajor(after));
      } else if (Findings.commentChanged(value, same)) {
        out.add(Rule.COMMENT_CHANGED, same, scope, "the comment of " + what + " changed.", "");
      }
    }
    for (EnumValueDescriptor value : after.getValues()) {
      if (before.findValueByNumber(value.getNumber()) != null) {
        continue;
      }
      String what = "value " + value.getName() + " (" + value.getNumber() + ") of " + scope;
      if (before.isReservedNumber(value.getNumber())) {
        out.add(
            Rule.ENUM_VALUE_NUMBER_REUSED,
            value,
            scope,
            what + " uses a number the base reserved.",
            "give " + value.getName() + " an unused number; reserved numbers stay reserved");
      } else {
        out.add(Rule.ENUM_VALUE_ADDED, value, scope, what + " was added.", "");
      }
    }
    if (before.isClosed() != after.isClosed()) {
      out.add(
          Rule.ENUM_TYPE_CHANGED,
          after,
          scope,
          scope
              + " changed from "
              + openness(before)
              + " to "
              + openness(after)
              + ": readers of the closed version put numbers they do not know into unknown"
              + " fields (the field reads as unset) where readers of the open version keep them,"
              + " so payloads decode differently.",
          "keep it "
              + openness(before)
              + " (features.enum_type = "
              + (before.isClosed() ? "CLOSED" : "OPEN")
              + "), "
              + Findings.orNewMajor(after));
    }
    if (Findings.commentChanged(before, after)) {
      out.add(Rule.COMMENT_CHANGED, after, scope, "the comment of " + scope + " changed.", "");
    }
  }

  private static String openness(EnumDescriptor enumType) {
    return enumType.isClosed() ? "closed" : "open";
  }
}
