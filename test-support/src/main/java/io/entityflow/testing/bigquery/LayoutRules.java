package io.entityflow.testing.bigquery;

import com.google.api.services.bigquery.model.RangePartitioning;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TimePartitioning;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules of a table's physical layout: time or integer-range partitioning on a top-level column
 * of an allowed type, and at most four clustering columns of allowed types.
 */
final class LayoutRules {
  static final List<String> TIME_PARTITION_GRANULARITIES = List.of("DAY", "HOUR", "MONTH", "YEAR");

  /** https://cloud.google.com/bigquery/docs/clustered-tables#limitations: up to four columns. */
  static final int MAX_CLUSTERING = 4;

  /** https://cloud.google.com/bigquery/quotas#partitioned_tables: 10,000 partitions per table. */
  static final long MAX_RANGE_PARTITIONS = 10_000;

  private LayoutRules() {}

  static void check(
      String label, Table table, List<TableFieldSchema> fields, List<Violation> found) {
    TimePartitioning time = table.getTimePartitioning();
    RangePartitioning range = table.getRangePartitioning();
    if (time != null && range != null) {
      found.add(
          new Violation(
              label,
              "partitioning",
              Rule.PARTITION_ONE,
              "the table has both time partitioning and integer-range partitioning",
              "one of them"));
    }
    if (time != null) {
      timePartitioning(label, time, fields, found);
    }
    if (range != null) {
      rangePartitioning(label, range, fields, found);
    }
    if (table.getClustering() != null && table.getClustering().getFields() != null) {
      clustering(label, table.getClustering().getFields(), fields, found);
    }
  }

  private static void timePartitioning(
      String label, TimePartitioning time, List<TableFieldSchema> fields, List<Violation> found) {
    String granularity = time.getType();
    if (!TIME_PARTITION_GRANULARITIES.contains(granularity)) {
      found.add(
          new Violation(
              label,
              "timePartitioning.type",
              Rule.PARTITION_TYPE,
              "granularity is " + (granularity == null ? "missing" : "'" + granularity + "'"),
              String.join(", ", TIME_PARTITION_GRANULARITIES)));
    }
    if (time.getField() == null) {
      return;
    }
    String allowed = "TIMESTAMP, DATE or DATETIME";
    TableFieldSchema column = column(label, time.getField(), fields, allowed, found);
    if (column == null) {
      return;
    }
    String type = FieldTypes.typeOf(column);
    String what = (granularity == null ? "" : granularity + " ") + "time partitioning column";
    if (!FieldTypes.TIME_PARTITION_TYPES.contains(type)) {
      found.add(
          new Violation(
              label,
              time.getField(),
              Rule.PARTITION_COLUMN_TYPE,
              what + " has type " + type,
              allowed));
    } else if (type.equals("DATE") && "HOUR".equals(granularity)) {
      found.add(
          new Violation(
              label,
              time.getField(),
              Rule.PARTITION_COLUMN_TYPE,
              what + " has type DATE",
              "TIMESTAMP or DATETIME for HOUR; DATE for DAY, MONTH or YEAR"));
    }
  }

  private static void rangePartitioning(
      String label, RangePartitioning range, List<TableFieldSchema> fields, List<Violation> found) {
    String field = range.getField() == null ? "rangePartitioning.field" : range.getField();
    TableFieldSchema column =
        range.getField() == null ? null : column(label, field, fields, "INTEGER (INT64)", found);
    if (range.getField() == null) {
      found.add(
          new Violation(
              label,
              field,
              Rule.PARTITION_COLUMN,
              "no partitioning column",
              "a top-level INTEGER column"));
    } else if (column != null && !FieldTypes.typeOf(column).equals("INTEGER")) {
      found.add(
          new Violation(
              label,
              field,
              Rule.PARTITION_COLUMN_TYPE,
              "integer-range partitioning column has type " + FieldTypes.typeOf(column),
              "INTEGER (INT64)"));
    }
    RangePartitioning.Range bounds = range.getRange();
    Long start = bounds == null ? null : bounds.getStart();
    Long end = bounds == null ? null : bounds.getEnd();
    Long interval = bounds == null ? null : bounds.getInterval();
    String allowed =
        "start < end, interval > 0 and at most " + MAX_RANGE_PARTITIONS + " partitions";
    if (start == null || end == null || interval == null) {
      found.add(
          new Violation(
              label, field, Rule.PARTITION_RANGE, "range start, end or interval missing", allowed));
    } else if (start >= end || interval <= 0) {
      found.add(
          new Violation(
              label,
              field,
              Rule.PARTITION_RANGE,
              "range is start " + start + ", end " + end + ", interval " + interval,
              allowed));
    } else if ((end - start + interval - 1) / interval > MAX_RANGE_PARTITIONS) {
      found.add(
          new Violation(
              label,
              field,
              Rule.PARTITION_RANGE,
              "range makes " + (end - start + interval - 1) / interval + " partitions",
              allowed));
    }
  }

  /**
   * The top-level, non-repeated column {@code name}, or null (and a violation) when there is none.
   */
  private static TableFieldSchema column(
      String label,
      String name,
      List<TableFieldSchema> fields,
      String types,
      List<Violation> found) {
    TableFieldSchema column = TableRules.topLevel(fields, name);
    String allowed = "a top-level " + types + " column, NULLABLE or REQUIRED";
    if (column == null) {
      found.add(
          new Violation(
              label,
              name,
              Rule.PARTITION_COLUMN,
              "no top-level column '" + name + "' to partition on",
              allowed));
      return null;
    }
    if (FieldTypes.isRepeated(column)) {
      found.add(
          new Violation(
              label, name, Rule.PARTITION_COLUMN, "partitioning column is REPEATED", allowed));
    }
    return column;
  }

  private static void clustering(
      String label, List<String> clustering, List<TableFieldSchema> fields, List<Violation> found) {
    if (clustering.size() > MAX_CLUSTERING) {
      found.add(
          new Violation(
              label,
              "clustering",
              Rule.CLUSTERING_COUNT,
              clustering.size() + " clustering columns " + clustering,
              "at most " + MAX_CLUSTERING + " clustering columns"));
    }
    Set<String> seen = new HashSet<>();
    for (String name : clustering) {
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        found.add(
            new Violation(
                label,
                name,
                Rule.CLUSTERING_COUNT,
                "clustering column named twice",
                "each clustering column once"));
        continue;
      }
      TableFieldSchema column = TableRules.topLevel(fields, name);
      if (column == null) {
        found.add(
            new Violation(
                label,
                name,
                Rule.CLUSTERING_COLUMN,
                "no top-level column '" + name + "' to cluster on",
                FieldTypes.ALLOWED_CLUSTERING_TYPES));
      } else if (FieldTypes.isRepeated(column)) {
        found.add(
            new Violation(
                label,
                name,
                Rule.CLUSTERING_COLUMN,
                "clustering column is REPEATED",
                FieldTypes.ALLOWED_CLUSTERING_TYPES));
      } else if (!FieldTypes.CLUSTERING_TYPES.contains(FieldTypes.typeOf(column))) {
        found.add(
            new Violation(
                label,
                name,
                Rule.CLUSTERING_COLUMN,
                "clustering column has type " + FieldTypes.typeOf(column),
                FieldTypes.ALLOWED_CLUSTERING_TYPES));
      }
    }
  }
}
