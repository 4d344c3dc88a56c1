package io.entityflow.testing.bigquery;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of a table definition: table and dataset names, description, column count and every
 * column ({@link ColumnRules}), partitioning and clustering ({@link LayoutRules}).
 *
 * <pre>{@code
 * List<Violation> found = new ArrayList<>();
 * TableRules.check(table, found);
 * }</pre>
 */
final class TableRules {
  /** https://cloud.google.com/bigquery/docs/tables#table_naming: at most 1,024 UTF-8 bytes. */
  static final int MAX_TABLE_NAME_BYTES = 1024;

  /** https://cloud.google.com/bigquery/docs/datasets#dataset-naming: at most 1,024 characters. */
  static final int MAX_DATASET_NAME = 1024;

  /** https://cloud.google.com/bigquery/quotas#table_limits: at most 16,384 characters. */
  static final int MAX_TABLE_DESCRIPTION = 16_384;

  /** https://cloud.google.com/bigquery/quotas#table_limits: at most 10,000 columns. */
  static final int MAX_COLUMNS = 10_000;

  private static final Pattern DATASET = Pattern.compile("[A-Za-z0-9_]+");

  private TableRules() {}

  /** Adds the violations of {@code table} to {@code found}. */
  static void check(Table table, List<Violation> found) {
    TableReference reference = table.getTableReference();
    String label = Violation.label(reference);
    if (reference == null) {
      found.add(
          new Violation(
              label,
              "table name",
              Rule.TABLE_NAME,
              "no table reference",
              "a project, dataset and table"));
    } else {
      tableName(label, reference.getTableId(), found);
      datasetName(label, reference.getDatasetId(), found);
    }
    if (table.getDescription() != null && table.getDescription().length() > MAX_TABLE_DESCRIPTION) {
      found.add(
          new Violation(
              label,
              "table description",
              Rule.TABLE_DESCRIPTION,
              "description has " + table.getDescription().length() + " characters",
              "at most " + MAX_TABLE_DESCRIPTION + " characters"));
    }
    List<TableFieldSchema> fields =
        table.getSchema() == null || table.getSchema().getFields() == null
            ? List.of()
            : table.getSchema().getFields();
    int columns = count(fields);
    if (columns > MAX_COLUMNS) {
      found.add(
          new Violation(
              label,
              "schema",
              Rule.COLUMN_COUNT,
              "the schema has " + columns + " columns (nested ones included)",
              "at most " + MAX_COLUMNS + " columns"));
    }
    ColumnRules.check(label, fields, "", 1, found);
    LayoutRules.check(label, table, fields, found);
  }

  private static int count(List<TableFieldSchema> fields) {
    int count = 0;
    for (TableFieldSchema field : fields) {
      count += 1 + count(FieldTypes.fields(field));
    }
    return count;
  }

  private static void tableName(String label, String name, List<Violation> found) {
    String allowed =
        "1 to "
            + MAX_TABLE_NAME_BYTES
            + " UTF-8 bytes of Unicode letters, marks, numbers, connectors (_), dashes and spaces";
    if (name == null || name.isEmpty()) {
      found.add(new Violation(label, "table name", Rule.TABLE_NAME, "the name is empty", allowed));
      return;
    }
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_TABLE_NAME_BYTES) {
      found.add(
          new Violation(
              label,
              "table name",
              Rule.TABLE_NAME,
              "the name has " + bytes + " UTF-8 bytes",
              allowed));
    }
    Set<Integer> reported = new HashSet<>();
    name.codePoints()
        .filter(c -> !tableNameCharacter(c) && reported.add(c))
        .forEach(
            c ->
                found.add(
                    new Violation(
                        label,
                        "table name",
                        Rule.TABLE_NAME,
                        "'" + name + "' has '" + Character.toString(c) + "'",
                        allowed)));
  }

  private static boolean tableNameCharacter(int c) {
    return switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER,
              Character.LOWERCASE_LETTER,
              Character.TITLECASE_LETTER,
              Character.MODIFIER_LETTER,
              Character.OTHER_LETTER,
              Character.NON_SPACING_MARK,
              Character.ENCLOSING_MARK,
              Character.COMBINING_SPACING_MARK,
              Character.DECIMAL_DIGIT_NUMBER,
              Character.LETTER_NUMBER,
              Character.OTHER_NUMBER,
              Character.CONNECTOR_PUNCTUATION,
              Character.DASH_PUNCTUATION,
              Character.SPACE_SEPARATOR ->
          true;
      default -> false;
    };
  }

  private static void datasetName(String label, String name, List<Violation> found) {
    String allowed = "1 to " + MAX_DATASET_NAME + " letters, numbers and underscores";
    if (name == null || name.isEmpty()) {
      found.add(
          new Violation(label, "dataset name", Rule.DATASET_NAME, "the name is empty", allowed));
    } else if (name.length() > MAX_DATASET_NAME) {
      found.add(
          new Violation(
              label,
              "dataset name",
              Rule.DATASET_NAME,
              "the name has " + name.length() + " characters",
              allowed));
    } else if (!DATASET.matcher(name).matches()) {
      found.add(
          new Violation(
              label,
              "dataset name",
              Rule.DATASET_NAME,
              "'" + name + "' has characters other than letters, numbers and underscores",
              allowed));
    }
  }

  /** The top-level field named {@code name} (column names ignore case), or null. */
  static TableFieldSchema topLevel(List<TableFieldSchema> fields, String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return fields.stream()
        .filter(f -> f.getName() != null && f.getName().toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst()
        .orElse(null);
  }
}
