package io.entityflow.pipelines.warehouse;

import io.entityflow.contract.bigquery.BigQueryType;
import io.entityflow.contract.bigquery.ColumnMode;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.warehouse.local.DuckDbTypes;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The DuckDB SQL that reads {@link NdjsonRows} output back into the table's exact column types: the
 * {@code columns={...}} of {@code read_json} (BYTES read as their base64 text) and the {@code
 * SELECT} list that decodes the bytes ({@code from_base64}), also inside structs and lists.
 *
 * <pre>{@code
 * String sql = "SELECT " + DuckDbJsonProjection.select(columns)
 *     + " FROM read_json('rows.json', format='newline_delimited', columns="
 *     + DuckDbJsonProjection.readColumns(columns) + ")";
 * }</pre>
 */
public final class DuckDbJsonProjection {
  private DuckDbJsonProjection() {}

  /** The {@code {"name": 'TYPE', ...}} struct literal for read_json. */
  public static String readColumns(List<TableColumn> columns) {
    return columns.stream()
        .map(c -> "'" + c.name().replace("'", "''") + "': '" + readType(c).replace("'", "''") + "'")
        .collect(Collectors.joining(", ", "{", "}"));
  }

  /** The select list producing the table's column types. */
  public static String select(List<TableColumn> columns) {
    return columns.stream()
        .map(
            c ->
                expression(c, DuckDbTypes.quote(c.name()), 0)
                    + " AS "
                    + DuckDbTypes.quote(c.name()))
        .collect(Collectors.joining(", "));
  }

  private static String readType(TableColumn column) {
    if (!hasBytes(column)) {
      return DuckDbTypes.of(column);
    }
    String base =
        column.type() == BigQueryType.BYTES
            ? "VARCHAR"
            : "STRUCT("
                + column.fields().stream()
                    .map(f -> DuckDbTypes.quote(f.name()) + " " + readType(f))
                    .collect(Collectors.joining(", "))
                + ")";
    return column.mode() == ColumnMode.REPEATED ? base + "[]" : base;
  }

  private static String expression(TableColumn column, String reference, int depth) {
    if (!hasBytes(column)) {
      return reference;
    }
    if (column.mode() == ColumnMode.REPEATED) {
      String variable = "x" + depth;
      return "list_transform("
          + reference
          + ", lambda "
          + variable
          + ": "
          + single(column, variable, depth + 1)
          + ")";
    }
    return single(column, reference, depth);
  }

  private static String single(TableColumn column, String reference, int depth) {
    if (column.type() == BigQueryType.BYTES) {
      return "from_base64(" + reference + ")";
    }
    return "CASE WHEN "
        + reference
        + " IS NULL THEN NULL ELSE struct_pack("
        + column.fields().stream()
            .map(
                f ->
                    DuckDbTypes.quote(f.name())
                        + " := "
                        + expression(f, reference + "." + DuckDbTypes.quote(f.name()), depth))
            .collect(Collectors.joining(", "))
        + ") END";
  }

  private static boolean hasBytes(TableColumn column) {
    return column.type() == BigQueryType.BYTES
        || column.fields().stream().anyMatch(DuckDbJsonProjection::hasBytes);
  }
}
