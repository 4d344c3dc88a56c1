package io.entityflow.schema.compare;

import com.google.protobuf.DescriptorProtos.FieldOptions;
import com.google.protobuf.Descriptors.FieldDescriptor;

/**
 * The parts of a field change that never break the wire or JSON forms: presence (implicit or
 * explicit, which decides NULL or the zero value in BigQuery), comment and options. Editions {@code
 * features} are left out of the options: their effects are compared as presence, encoding,
 * cardinality and enum type.
 *
 * <pre>{@code
 * FieldDetails.compare(before, after, "field 'note' (3) of acme.x.v1.Order", "acme.x.v1.Order", out);
 * }</pre>
 */
final class FieldDetails {
  private FieldDetails() {}

  /** Adds presence, comment and option findings; {@code field} names the field in sentences. */
  static void compare(
      FieldDescriptor before, FieldDescriptor after, String field, String scope, Findings out) {
    if (!before.isRepeated() && before.hasPresence() != after.hasPresence()) {
      out.add(
          Rule.FIELD_PRESENCE_CHANGED,
          after,
          scope,
          field
              + " changed from "
              + presence(before)
              + " to "
              + presence(after)
              + " presence; the wire and JSON forms stay, but "
              + (after.hasPresence()
                  ? "an unset value is NULL in its BigQuery column from now on, where it was"
                      + " the zero value."
                  : "an unset value is the zero value in its BigQuery column from now on, where"
                      + " it was NULL."),
          "");
    }
    if (Findings.commentChanged(before, after)) {
      out.add(
          Rule.COMMENT_CHANGED,
          after,
          scope,
          "the comment of " + field + " changed (the column description follows).",
          "");
    }
    FieldOptions optionsBefore = before.getOptions().toBuilder().clearFeatures().build();
    FieldOptions optionsAfter = after.getOptions().toBuilder().clearFeatures().build();
    if (!optionsBefore.toByteString().equals(optionsAfter.toByteString())) {
      out.add(
          Rule.OPTION_CHANGED,
          after,
          scope,
          "the options of "
              + field
              + " changed from ["
              + FieldComparator.oneLine(optionsBefore)
              + "] to ["
              + FieldComparator.oneLine(optionsAfter)
              + "].",
          "");
    }
  }

  private static String presence(FieldDescriptor field) {
    return field.hasPresence() ? "explicit" : "implicit";
  }
}
