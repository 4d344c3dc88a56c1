package io.entityflow.testing.bigquery;

import com.google.api.services.bigquery.model.TableFieldSchema;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of columns, applied at every level of nesting: names (characters, length, reserved
 * prefixes, case-insensitive uniqueness), descriptions, types, modes, RECORD fields, nesting depth
 * and policy tags.
 *
 * <p>Column names: the classic rule (letters, numbers, underscores; a letter or underscore first)
 * is enforced, not the wider "flexible column names": the project writes rows with the Storage
 * Write API (gRPC), where flexible names need special handling, and declares tables in Terraform.
 * Reserved prefixes are refused at every level (the documentation states them for column names
 * without exempting nested ones).
 */
final class ColumnRules {
  /** https://cloud.google.com/bigquery/docs/schemas#column_names: at most 300 characters. */
  static final int MAX_NAME = 300;

  /** https://cloud.google.com/bigquery/docs/schemas#column_descriptions: 1,024 characters. */
  static final int MAX_DESCRIPTION = 1024;

  /** https://cloud.google.com/bigquery/docs/nested-repeated#limitations: 15 levels. */
  static final int MAX_DEPTH = 15;

  /** https://cloud.google.com/bigquery/docs/schemas#column_names, upper case. */
  static final List<String> RESERVED_PREFIXES =
      List.of(
          "_TABLE_",
          "_FILE_",
          "_PARTITION",
          "_ROW_TIMESTAMP",
          "__ROOT__",
          "_COLLATION_",
          "_CHANGE_");

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ColumnRules() {}

  /** Adds the violations of {@code fields}, found at nesting {@code depth} (1 = top). */
  static void check(
      String label,
      List<TableFieldSchema> fields,
      String prefix,
      int depth,
      List<Violation> found) {
    Set<String> seen = new HashSet<>();
    for (TableFieldSchema field : fields) {
      String name = field.getName();
      String path = prefix + (name == null ? "<no name>" : name);
      name(label, path, name, seen, found);
      if (field.getDescription() != null && field.getDescription().length() > MAX_DESCRIPTION) {
        found.add(
            new Violation(
                label,
                path,
                Rule.COLUMN_DESCRIPTION,
                "description has " + field.getDescription().length() + " characters",
                "at most " + MAX_DESCRIPTION + " characters"));
      }
      if (FieldTypes.canonical(field.getType()) == null) {
        found.add(
            new Violation(
                label,
                path,
                Rule.COLUMN_TYPE,
                "type is " + (field.getType() == null ? "missing" : "'" + field.getType() + "'"),
                FieldTypes.ALLOWED_TYPES));
      }
      if (!FieldTypes.MODES.contains(FieldTypes.mode(field))) {
        found.add(
            new Violation(
                label,
                path,
                Rule.COLUMN_MODE,
                "mode is '" + field.getMode() + "'",
                String.join(", ", FieldTypes.MODES)));
      }
      boolean record = FieldTypes.isRecord(field);
      List<TableFieldSchema> children = FieldTypes.fields(field);
      if (record && children.isEmpty()) {
        found.add(
            new Violation(
                label,
                path,
                Rule.RECORD_FIELDS,
                "RECORD has no fields",
                "a RECORD with at least one field"));
      } else if (!record && !children.isEmpty()) {
        found.add(
            new Violation(
                label,
                path,
                Rule.RECORD_FIELDS,
                FieldTypes.typeOf(field) + " column has " + children.size() + " sub-fields",
                "sub-fields on RECORD (STRUCT) columns only"));
      }
      if (record && hasPolicyTags(field)) {
        found.add(
            new Violation(
                label,
                path,
                Rule.POLICY_TAG_LEAF,
                "RECORD column has policy tags " + field.getPolicyTags().getNames(),
                "policy tags on leaf (non-RECORD) columns only"));
      }
      if (record && depth > MAX_DEPTH) {
        found.add(
            new Violation(
                label,
                path,
                Rule.NESTING_DEPTH,
                "RECORD at nesting level " + depth,
                "RECORDs nested at most " + MAX_DEPTH + " levels deep"));
      } else if (!children.isEmpty()) {
        check(label, children, path + ".", depth + 1, found);
      }
    }
  }

  private static void name(
      String label, String path, String name, Set<String> seen, List<Violation> found) {
    if (name == null || name.isEmpty()) {
      found.add(
          new Violation(
              label,
              path,
              Rule.COLUMN_NAME,
              "the column has no name",
              "a name of letters,"
                  + " numbers and underscores, starting with a letter or underscore"));
      return;
    }
    if (!NAME.matcher(name).matches()) {
      found.add(
          new Violation(
              label,
              path,
              Rule.COLUMN_NAME,
              "name '" + name + "' " + firstBadCharacter(name),
              "letters, numbers and underscores, starting with a letter or underscore"
                  + " (flexible column names are not accepted)"));
    }
    if (name.length() > MAX_NAME) {
      found.add(
          new Violation(
              label,
              path,
              Rule.COLUMN_NAME_LENGTH,
              "name has " + name.length() + " characters",
              "at most " + MAX_NAME + " characters"));
    }
    String upper = name.toUpperCase(Locale.ROOT);
    RESERVED_PREFIXES.stream()
        .filter(upper::startsWith)
        .findFirst()
        .ifPresent(
            reserved ->
                found.add(
                    new Violation(
                        label,
                        path,
                        Rule.COLUMN_NAME_RESERVED,
                        "name '" + name + "' starts with the reserved prefix " + reserved,
                        "names not starting with "
                            + String.join(", ", RESERVED_PREFIXES)
                            + " (in any case)")));
    if (!seen.add(name.toLowerCase(Locale.ROOT))) {
      found.add(
          new Violation(
              label,
              path,
              Rule.COLUMN_NAME_DUPLICATE,
              "a column named '" + name + "' (ignoring case) already exists at this level",
              "names unique at each level, ignoring case"));
    }
  }

  private static String firstBadCharacter(String name) {
    int first = name.codePointAt(0);
    if (!(Character.isLetter(first) && first < 128) && first != '_') {
      return "starts with '" + Character.toString(first) + "'";
    }
    int bad =
        name.codePoints()
            .filter(c -> !(c < 128 && (Character.isLetterOrDigit(c) || c == '_')))
            .findFirst()
            .orElse('?');
    return "has '" + Character.toString(bad) + "'";
  }

  private static boolean hasPolicyTags(TableFieldSchema field) {
    return field.getPolicyTags() != null
        && field.getPolicyTags().getNames() != null
        && !field.getPolicyTags().getNames().isEmpty();
  }
}
