package io.entityflow.warehouse.local;

import io.entityflow.contract.bigquery.BigQueryType;
import io.entityflow.contract.bigquery.ColumnMode;
import io.entityflow.contract.bigquery.TableColumn;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The DuckDB type of each BigQuery column type, so that local tables have the same columns as
 * BigQuery: STRING→VARCHAR, BYTES→BLOB, INTEGER→BIGINT, FLOAT→DOUBLE, NUMERIC→DECIMAL(38,9),
 * BOOLEAN→BOOLEAN, TIMESTAMP→TIMESTAMPTZ, JSON→JSON, RECORD→STRUCT, REPEATED→LIST.
 *
 * <pre>{@code
 * DuckDbTypes.of(column); // e.g. "STRUCT(\"sku\" VARCHAR, \"quantity\" BIGINT)[]"
 * }</pre>
 */
public final class DuckDbTypes {
  private DuckDbTypes() {}

  /** The DuckDB type of a column. */
  public static String of(TableColumn column) {
    String base =
        column.type() == BigQueryType.RECORD
            ? "STRUCT("
                + column.fields().stream()
                    .map(f -> quote(f.name()) + " " + of(f))
                    .collect(Collectors.joining(", "))
                + ")"
            : scalar(column.type());
    return column.mode() == ColumnMode.REPEATED ? base + "[]" : base;
  }

  /**
   * The DuckDB type of a scalar BigQuery type (what a decrypted value is cast to).
   *
   * @throws IllegalArgumentException for RECORD, which has no scalar type
   */
  public static String scalar(BigQueryType type) {
    return switch (type) {
      case STRING -> "VARCHAR";
      case BYTES -> "BLOB";
      case INTEGER -> "BIGINT";
      case FLOAT -> "DOUBLE";
      case NUMERIC -> "DECIMAL(38,9)";
      case BOOLEAN -> "BOOLEAN";
      case TIMESTAMP -> "TIMESTAMPTZ";
      case JSON -> "JSON";
      case RECORD ->
          throw new IllegalArgumentException(
              "RECORD has no scalar DuckDB type; allowed: STRING, BYTES, INTEGER, FLOAT, NUMERIC,"
                  + " BOOLEAN, TIMESTAMP, JSON");
    };
  }

  /** {@code "name" TYPE, ...} for a CREATE TABLE or a typed projection. */
  public static String columnList(List<TableColumn> columns) {
    return columns.stream()
        .map(c -> quote(c.name()) + " " + of(c))
        .collect(Collectors.joining(", "));
  }

  /** A quoted DuckDB identifier. */
  public static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
