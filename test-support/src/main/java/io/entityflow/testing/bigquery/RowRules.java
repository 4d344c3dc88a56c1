package io.entityflow.testing.bigquery;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The rules of a row written to a table: no unknown fields, REQUIRED columns non-null, REPEATED
 * values lists without nulls, RECORD values maps, each value of its column's type ({@link
 * ValueRules}), and the row at most 10 MB.
 *
 * <p>Sources: https://cloud.google.com/bigquery/docs/reference/rest/v2/tabledata/insertAll (rows
 * are JSON objects of the table's columns), https://cloud.google.com/bigquery/docs/schemas#modes,
 * https://cloud.google.com/bigquery/docs/nested-repeated#limitations (no NULL array elements) and
 * https://cloud.google.com/bigquery/quotas#streaming_inserts (maximum row size 10 MB; the Storage
 * Write API's AppendRows request is at most 10 MB as well,
 * https://cloud.google.com/bigquery/quotas#write-api-limits).
 */
final class RowRules {
  /** 10 MB. */
  static final long MAX_ROW_BYTES = 10L * 1024 * 1024;

  private RowRules() {}

  /** Adds the violations of {@code row} as a row of {@code table}. */
  static void check(Table table, Map<String, Object> row, List<Violation> found) {
    String label = Violation.label(table.getTableReference());
    List<TableFieldSchema> fields =
        table.getSchema() == null || table.getSchema().getFields() == null
            ? List.of()
            : table.getSchema().getFields();
    record(label, fields, row, "", found);
    long size = size(row);
    if (size > MAX_ROW_BYTES) {
      found.add(
          new Violation(
              label,
              "row",
              Rule.ROW_SIZE,
              "row is about " + size + " bytes as JSON",
              "at most " + MAX_ROW_BYTES + " bytes (10 MB)"));
    }
  }

  private static void record(
      String label,
      List<TableFieldSchema> fields,
      Map<?, ?> row,
      String prefix,
      List<Violation> found) {
    for (Map.Entry<?, ?> entry : row.entrySet()) {
      String name = String.valueOf(entry.getKey());
      if (FieldTypes.find(fields, name) == null) {
        found.add(
            new Violation(
                label,
                prefix + name,
                Rule.ROW_UNKNOWN_FIELD,
                "the row has a field the table lacks",
                fields.isEmpty()
                    ? "no fields"
                    : "the columns "
                        + String.join(
                            ", ", fields.stream().map(TableFieldSchema::getName).toList())));
      }
    }
    for (TableFieldSchema field : fields) {
      String path = prefix + field.getName();
      Object value = value(row, field.getName());
      String mode = FieldTypes.mode(field);
      if (value == null) {
        if (mode.equals("REQUIRED")) {
          found.add(
              new Violation(
                  label, path, Rule.ROW_REQUIRED, "REQUIRED column is missing or null", "a value"));
        }
        continue;
      }
      if (mode.equals("REPEATED")) {
        Collection<?> values = list(value);
        if (values == null) {
          found.add(
              new Violation(
                  label,
                  path,
                  Rule.ROW_SHAPE,
                  "REPEATED column holds " + ValueRules.describe(value),
                  "a list"));
          continue;
        }
        int index = 0;
        for (Object element : values) {
          String at = path + "[" + index++ + "]";
          if (element == null) {
            found.add(
                new Violation(
                    label, at, Rule.ROW_SHAPE, "array element is null", "non-null array elements"));
          } else {
            single(label, field, element, at, found);
          }
        }
      } else {
        single(label, field, value, path, found);
      }
    }
  }

  private static void single(
      String label, TableFieldSchema field, Object value, String path, List<Violation> found) {
    String type = FieldTypes.typeOf(field);
    if (type.equals("RECORD")) {
      if (value instanceof Map<?, ?> map) {
        record(label, FieldTypes.fields(field), map, path + ".", found);
      } else {
        found.add(
            new Violation(
                label,
                path,
                Rule.ROW_SHAPE,
                "RECORD column holds " + ValueRules.describe(value),
                "a map of the RECORD's fields"));
      }
      return;
    }
    String problem = ValueRules.problem(type, value);
    if (problem != null) {
      found.add(
          new Violation(
              label,
              path,
              Rule.ROW_VALUE,
              type + " value " + problem,
              ValueRules.ALLOWED.get(type)));
    }
  }

  private static Collection<?> list(Object value) {
    if (value instanceof Collection<?> collection) {
      return collection;
    }
    if (value instanceof Object[] array) {
      return List.of(array);
    }
    return null;
  }

  private static Object value(Map<?, ?> row, String name) {
    if (row.containsKey(name)) {
      return row.get(name);
    }
    for (Map.Entry<?, ?> entry : row.entrySet()) {
      if (String.valueOf(entry.getKey()).equalsIgnoreCase(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** About the size of the value as JSON, in bytes. */
  static long size(Object value) {
    if (value == null) {
      return 4;
    }
    if (value instanceof Map<?, ?> map) {
      long size = 2;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        size += size(String.valueOf(entry.getKey())) + 2 + size(entry.getValue());
      }
      return size;
    }
    if (value instanceof Collection<?> collection) {
      long size = 2;
      for (Object element : collection) {
        size += size(element) + 1;
      }
      return size;
    }
    if (value instanceof byte[] bytes) {
      return 2 + 4L * ((bytes.length + 2) / 3);
    }
    if (value instanceof CharSequence text) {
      return 2 + text.toString().getBytes(StandardCharsets.UTF_8).length;
    }
    return String.valueOf(value).length();
  }
}
