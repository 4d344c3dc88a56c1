package io.entityflow.schema.compare;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import io.entityflow.contract.bigquery.TableColumn;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares two versions of the field with the same number: map, required, cardinality and oneof
 * first (wire), then the type and message encoding (wire), then the name and JSON name (JSON and
 * BigQuery), then the column (BigQuery), then presence, comment and options (features are compared
 * by their effect, not as options). At most one finding for the shape of the field, plus presence,
 * comment and option findings.
 *
 * <pre>{@code
 * FieldComparator.compare(beforeField, afterField, findings);
 * }</pre>
 */
final class FieldComparator {
  private FieldComparator() {}

  static void compare(FieldDescriptor before, FieldDescriptor after, Findings out) {
    String scope = after.getContainingType().getFullName();
    String field = "field '" + after.getName() + "' (" + after.getNumber() + ") of " + scope;
    String keep =
        "keep it "
            + Findings.typeOf(before)
            + "; add the new shape as a new field with "
            + "a new number and retire this one later, "
            + Findings.orNewMajor(after);
    if (before.isMapField() != after.isMapField()) {
      out.add(
          Rule.FIELD_MAP_CHANGED,
          after,
          scope,
          field
              + " changed from "
              + Findings.typeOf(before)
              + " to "
              + Findings.typeOf(after)
              + ".",
          keep);
      return;
    }
    if (before.isRequired() != after.isRequired() && before.isRepeated() == after.isRepeated()) {
      out.add(
          Rule.FIELD_CARDINALITY_CHANGED,
          after,
          scope,
          field
              + " changed from "
              + label(before)
              + " to "
              + label(after)
              + ": readers of the required version reject every payload without it.",
          "keep it " + label(before) + ", " + Findings.orNewMajor(after));
      return;
    }
    if (before.isRepeated() != after.isRepeated()) {
      out.add(
          Rule.FIELD_CARDINALITY_CHANGED,
          after,
          scope,
          field
              + " changed from "
              + Findings.typeOf(before)
              + " to "
              + Findings.typeOf(after)
              + ".",
          keep);
      return;
    }
    String oneofBefore = oneof(before);
    String oneofAfter = oneof(after);
    if (!Objects.equals(oneofBefore, oneofAfter)) {
      out.add(
          Rule.FIELD_ONEOF_CHANGED,
          after,
          scope,
          field
              + " moved from "
              + describeOneof(oneofBefore)
              + " to "
              + describeOneof(oneofAfter)
              + ".",
          "keep it " + describeOneof(oneofBefore) + ", " + Findings.orNewMajor(after));
      return;
    }
    TypeChange type = TypeChange.of(before, after);
    boolean renamed = !before.getName().equals(after.getName());
    if (type == TypeChange.WIRE_INCOMPATIBLE) {
      if (renamed) {
        out.add(
            Rule.FIELD_NUMBER_REUSED,
            after,
            scope,
            "field number "
                + after.getNumber()
                + " of "
                + scope
                + " was '"
                + before.getName()
                + "' ("
                + Findings.typeOf(before)
                + ") and is now reused by '"
                + after.getName()
                + "' ("
                + Findings.typeOf(after)
                + ").",
            "give '"
                + after.getName()
                + "' an unused number and reserve field "
                + before.getNumber()
                + " and name '"
                + before.getName()
                + "' (reserved "
                + before.getNumber()
                + "; reserved \""
                + before.getName()
                + "\";)");
      } else if (before.getJavaType() == after.getJavaType()
          && before.getType() != after.getType()
          && TypeChange.delimited(before) != TypeChange.delimited(after)) {
        out.add(
            Rule.FIELD_TYPE_CHANGED,
            after,
            scope,
            field
                + " changed its message encoding from "
                + encoding(before)
                + " to "
                + encoding(after)
                + " (features.message_encoding), which is not wire-compatible.",
            "keep it " + encoding(before) + ", " + Findings.orNewMajor(after));
      } else {
        out.add(
            Rule.FIELD_TYPE_CHANGED,
            after,
            scope,
            field
                + " changed type from "
                + Findings.typeOf(before)
                + " to "
                + Findings.typeOf(after)
                + ", which is not wire-compatible.",
            keep);
      }
      return;
    }
    if (renamed) {
      out.add(
          Rule.FIELD_RENAMED,
          after,
          scope,
          "field "
              + after.getNumber()
              + " of "
              + scope
              + " was renamed from '"
              + before.getName()
              + "' to '"
              + after.getName()
              + "': the BigQuery column '"
              + before.getName()
              + "' would vanish and break every query using it.",
          "keep the name '"
              + before.getName()
              + "' (document the new meaning in its comment), "
              + Findings.orNewMajor(after));
      return;
    }
    if (!before.getJsonName().equals(after.getJsonName())) {
      out.add(
          Rule.FIELD_JSON_NAME_CHANGED,
          after,
          scope,
          field
              + " changed its JSON name from '"
              + before.getJsonName()
              + "' to '"
              + after.getJsonName()
              + "': readers of the proto JSON form (Pub/Sub BigQuery subscriptions, many"
              + " non-Java clients) no longer find it.",
          "keep the JSON name '"
              + before.getJsonName()
              + "' (json_name = \""
              + before.getJsonName()
              + "\"), "
              + Findings.orNewMajor(after));
      return;
    }
    if (type == TypeChange.SHAPE_CHANGED) {
      out.add(
          Rule.NESTED_SHAPE_CHANGED,
          after,
          scope,
          field
              + " changed type from "
              + Findings.typeOf(before)
              + " to "
              + Findings.typeOf(after)
              + ", whose BigQuery columns or values differ.",
          "keep the type "
              + Findings.baseType(before)
              + ", add the new shape as a new field, "
              + Findings.orNewMajor(after));
      return;
    }
    if (type == TypeChange.COMPATIBLE) {
      compareColumns(before, after, field, scope, out);
    }
    FieldDetails.compare(before, after, field, scope, out);
  }

  private static void compareColumns(
      FieldDescriptor before, FieldDescriptor after, String field, String scope, Findings out) {
    Optional<TableColumn> columnBefore = FieldColumns.of(before);
    Optional<TableColumn> columnAfter = FieldColumns.of(after);
    String from = columnBefore.map(TableColumn::sqlType).orElse("?");
    String to = columnAfter.map(TableColumn::sqlType).orElse("?");
    String change =
        field + " changed type from " + Findings.typeOf(before) + " to " + Findings.typeOf(after);
    if (from.equals(to)) {
      out.add(
          Rule.FIELD_TYPE_WIDENED,
          after,
          scope,
          change + " (wire-compatible); its column stays " + to + ".",
          "");
    } else if (FieldColumns.widensInPlace(from, to)) {
      out.add(
          Rule.FIELD_TYPE_WIDENED,
          after,
          scope,
          change
              + " (wire-compatible); its column widens from "
              + from
              + " to "
              + to
              + " (ALTER COLUMN "
              + after.getName()
              + " SET DATA TYPE "
              + to
              + ").",
          "");
    } else {
      out.add(
          Rule.COLUMN_TYPE_CHANGED,
          after,
          scope,
          change
              + ": its BigQuery column would change from "
              + from
              + " to "
              + to
              + ", which BigQuery cannot apply in place.",
          "keep it "
              + Findings.typeOf(before)
              + "; add a new field with a new number for the new"
              + " type, "
              + Findings.orNewMajor(after));
    }
  }

  /** {@code repeated}, {@code required} or {@code optional}. */
  static String label(FieldDescriptor field) {
    return field.isRepeated() ? "repeated" : field.isRequired() ? "required" : "optional";
  }

  private static String encoding(FieldDescriptor field) {
    return TypeChange.delimited(field) ? "delimited (group)" : "length-prefixed";
  }

  static String oneLine(com.google.protobuf.Message options) {
    return com.google.protobuf.TextFormat.printer()
        .emittingSingleLine(true)
        .printToString(options)
        .strip();
  }

  private static String oneof(FieldDescriptor field) {
    OneofDescriptor oneof = field.getRealContainingOneof();
    return oneof == null ? null : oneof.getName();
  }

  private static String describeOneof(String name) {
    return name == null ? "outside any oneof" : "oneof '" + name + "'";
  }
}
