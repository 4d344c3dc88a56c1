package io.entityflow.testing.bigquery;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TimePartitioning;
import java.util.List;
import java.util.Objects;

/**
 * The rules of a schema update of an existing table (tables.patch / tables.update): columns may be
 * added as NULLABLE or REPEATED, at the top level or inside existing RECORDs, and REQUIRED columns
 * may be relaxed to NULLABLE. Removing, renaming or retyping a column, any other mode change,
 * adding a REQUIRED column and changing the partitioning are refused.
 *
 * <p>Source: https://cloud.google.com/bigquery/docs/managing-table-schemas (adding columns,
 * relaxing a column's mode; other changes need DDL or a new table) and
 * https://cloud.google.com/bigquery/docs/managing-partitioned-tables (partitioning is fixed at
 * creation).
 */
final class SchemaChangeRules {
  private SchemaChangeRules() {}

  /** Adds the violations of changing {@code live}'s definition to {@code wanted}'s. */
  static void check(Table live, Table wanted, List<Violation> found) {
    String label = Violation.label(live.getTableReference());
    fields(label, fields(live), fields(wanted), "", found);
    TimePartitioning before = live.getTimePartitioning();
    TimePartitioning after = wanted.getTimePartitioning();
    if (after != null
        && (before == null
            || !Objects.equals(before.getField(), after.getField())
            || !Objects.equals(before.getType(), after.getType()))) {
      found.add(
          new Violation(
              label,
              "timePartitioning",
              Rule.SCHEMA_PARTITIONING_CHANGE,
              "partitioning changes from " + describe(before) + " to " + describe(after),
              "the partitioning the table was created with (" + describe(before) + ")"));
    }
    if (wanted.getRangePartitioning() != null
        && !Objects.equals(wanted.getRangePartitioning(), live.getRangePartitioning())) {
      found.add(
          new Violation(
              label,
              "rangePartitioning",
              Rule.SCHEMA_PARTITIONING_CHANGE,
              "integer-range partitioning changes",
              "the partitioning the table was created with"));
    }
  }

  private static String describe(TimePartitioning partitioning) {
    if (partitioning == null) {
      return "none";
    }
    return partitioning.getType()
        + " on "
        + (partitioning.getField() == null ? "_PARTITIONTIME" : partitioning.getField());
  }

  private static List<TableFieldSchema> fields(Table table) {
    return table.getSchema() == null || table.getSchema().getFields() == null
        ? List.of()
        : table.getSchema().getFields();
  }

  private static void fields(
      String label,
      List<TableFieldSchema> before,
      List<TableFieldSchema> after,
      String prefix,
      List<Violation> found) {
    for (TableFieldSchema old : before) {
      String path = prefix + old.getName();
      TableFieldSchema now = FieldTypes.find(after, old.getName());
      if (now == null) {
        found.add(
            new Violation(
                label,
                path,
                Rule.SCHEMA_KEEP_COLUMN,
                "column removed",
                "every existing column kept with its name"));
        continue;
      }
      if (!now.getName().equals(old.getName())) {
        found.add(
            new Violation(
                label,
                path,
                Rule.SCHEMA_KEEP_COLUMN,
                "column renamed to '" + now.getName() + "'",
                "every existing column kept with its name"));
      }
      String oldType = FieldTypes.typeOf(old);
      String newType = FieldTypes.typeOf(now);
      if (!oldType.equals(newType)) {
        found.add(
            new Violation(
                label,
                path,
                Rule.SCHEMA_TYPE_CHANGE,
                "type changes from " + oldType + " to " + newType,
                "the column's type " + oldType));
      }
      String oldMode = FieldTypes.mode(old);
      String newMode = FieldTypes.mode(now);
      if (!oldMode.equals(newMode) && !(oldMode.equals("REQUIRED") && newMode.equals("NULLABLE"))) {
        found.add(
            new Violation(
                label,
                path,
                Rule.SCHEMA_MODE_CHANGE,
                "mode changes from " + oldMode + " to " + newMode,
                "the mode " + oldMode + (oldMode.equals("REQUIRED") ? " or NULLABLE" : "")));
      }
      if (FieldTypes.isRecord(old) && FieldTypes.isRecord(now)) {
        fields(label, FieldTypes.fields(old), FieldTypes.fields(now), path + ".", found);
      }
    }
    for (TableFieldSchema added : after) {
      if (FieldTypes.find(before, added.getName()) == null
          && FieldTypes.mode(added).equals("REQUIRED")) {
        found.add(
            new Violation(
                label,
                prefix + added.getName(),
                Rule.SCHEMA_ADD_COLUMN,
                "new column is REQUIRED",
                "new columns NULLABLE or REPEATED"));
      }
    }
  }
}
