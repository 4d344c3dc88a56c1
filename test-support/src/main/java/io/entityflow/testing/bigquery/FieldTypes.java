package io.entityflow.testing.bigquery;

import com.google.api.services.bigquery.model.TableFieldSchema;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The column type and mode names of the BigQuery REST API, with the legacy and GoogleSQL spellings
 * of a type mapped to one canonical (legacy) name.
 *
 * <pre>{@code
 * FieldTypes.canonical("INT64"); // "INTEGER"
 * FieldTypes.mode(field);        // "NULLABLE" when unset
 * }</pre>
 */
final class FieldTypes {
  /** Type name as written in a schema → canonical name. */
  private static final Map<String, String> CANONICAL =
      Map.ofEntries(
          Map.entry("STRING", "STRING"),
          Map.entry("BYTES", "BYTES"),
          Map.entry("INTEGER", "INTEGER"),
          Map.entry("INT64", "INTEGER"),
          Map.entry("FLOAT", "FLOAT"),
          Map.entry("FLOAT64", "FLOAT"),
          Map.entry("BOOLEAN", "BOOLEAN"),
          Map.entry("BOOL", "BOOLEAN"),
          Map.entry("TIMESTAMP", "TIMESTAMP"),
          Map.entry("DATE", "DATE"),
          Map.entry("TIME", "TIME"),
          Map.entry("DATETIME", "DATETIME"),
          Map.entry("GEOGRAPHY", "GEOGRAPHY"),
          Map.entry("NUMERIC", "NUMERIC"),
          Map.entry("BIGNUMERIC", "BIGNUMERIC"),
          Map.entry("JSON", "JSON"),
          Map.entry("RECORD", "RECORD"),
          Map.entry("STRUCT", "RECORD"),
          Map.entry("RANGE", "RANGE"));

  /** The type names, as listed in the REST reference. */
  static final String ALLOWED_TYPES =
      "STRING, BYTES, INTEGER (INT64), FLOAT (FLOAT64), BOOLEAN (BOOL), TIMESTAMP, DATE, TIME,"
          + " DATETIME, GEOGRAPHY, NUMERIC, BIGNUMERIC, JSON, RECORD (STRUCT), RANGE";

  static final List<String> MODES = List.of("NULLABLE", "REQUIRED", "REPEATED");

  /** Canonical types a clustering column may have. */
  static final Set<String> CLUSTERING_TYPES =
      Set.of(
          "BIGNUMERIC",
          "BOOLEAN",
          "DATE",
          "DATETIME",
          "GEOGRAPHY",
          "INTEGER",
          "NUMERIC",
          "RANGE",
          "STRING",
          "TIMESTAMP");

  static final String ALLOWED_CLUSTERING_TYPES =
      "top-level, non-repeated columns of type BIGNUMERIC, BOOL, DATE, DATETIME, GEOGRAPHY, INT64,"
          + " NUMERIC, RANGE, STRING or TIMESTAMP";

  /** Canonical types a time-partitioning column may have. */
  static final Set<String> TIME_PARTITION_TYPES = Set.of("TIMESTAMP", "DATE", "DATETIME");

  private FieldTypes() {}

  /** The canonical name of a type, or null when it is no BigQuery type. */
  static String canonical(String type) {
    return type == null ? null : CANONICAL.get(type);
  }

  /** The canonical type of a field, or its type as written when it is unknown. */
  static String typeOf(TableFieldSchema field) {
    String canonical = canonical(field.getType());
    return canonical != null ? canonical : String.valueOf(field.getType());
  }

  /** The mode of a field ({@code NULLABLE} when unset). */
  static String mode(TableFieldSchema field) {
    return field.getMode() == null ? "NULLABLE" : field.getMode();
  }

  static boolean isRecord(TableFieldSchema field) {
    return "RECORD".equals(canonical(field.getType()));
  }

  static boolean isRepeated(TableFieldSchema field) {
    return "REPEATED".equals(mode(field));
  }

  /** The field's sub-fields, empty when it has none. */
  static List<TableFieldSchema> fields(TableFieldSchema field) {
    return field.getFields() == null ? List.of() : field.getFields();
  }

  /** The field named {@code name}, ignoring case as BigQuery does, or null. */
  static TableFieldSchema find(List<TableFieldSchema> fields, String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return fields.stream()
        .filter(f -> f.getName() != null && f.getName().toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst()
        .orElse(null);
  }
}
