package io.entityflow.pipelines.replay;

import io.entityflow.contract.bigquery.ColumnMode;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.warehouse.local.DuckDbTypes;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The DuckDB query that reads a local-warehouse table for a time range as one JSON text per row, in
 * the row form of {@code ProtoRowConverter} (INT64/NUMERIC as decimal strings, BYTES as base64,
 * TIMESTAMP as RFC 3339 UTC with microseconds, JSON as its text), oldest first.
 *
 * <pre>{@code
 * String sql = LocalRowsQuery.sql(table, Instant.parse("2026-11-01T00:00:00Z"), Instant.now());
 * }</pre>
 */
public final class LocalRowsQuery {
  private LocalRowsQuery() {}

  /** Rows with {@code from <= occurred_at < to}. */
  public static String sql(EntityTable table, Instant from, Instant to) {
    return "SELECT CAST(to_json(struct_pack("
        + table.columns().stream()
            .map(
                c ->
                    DuckDbTypes.quote(c.name())
                        + " := "
                        + expression(c, DuckDbTypes.quote(c.name()), 0))
            .collect(Collectors.joining(", "))
        + ")) AS VARCHAR) FROM "
        + DuckDbTypes.quote(table.dataset())
        + "."
        + DuckDbTypes.quote(table.name())
        + " WHERE occurred_at >= TIMESTAMPTZ '"
        + from
        + "' AND occurred_at < TIMESTAMPTZ '"
        + to
        + "' ORDER BY occurred_at, publish_time, event_id";
  }

  private static String expression(TableColumn column, String reference, int depth) {
    if (column.mode() == ColumnMode.REPEATED) {
      String variable = "r" + depth;
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
    return switch (column.type()) {
      case BYTES -> "to_base64(" + reference + ")";
      case TIMESTAMP -> "strftime(" + reference + ", '%Y-%m-%dT%H:%M:%S.%fZ')";
      case INTEGER, NUMERIC, JSON -> "CAST(" + reference + " AS VARCHAR)";
      case RECORD ->
          "CASE WHEN "
              + reference
              + " IS NULL THEN NULL ELSE struct_pack("
              + fields(column.fields(), reference, depth)
              + ") END";
      default -> reference;
    };
  }

  private static String fields(List<TableColumn> fields, String reference, int depth) {
    return fields.stream()
        .map(
            f ->
                DuckDbTypes.quote(f.name())
                    + " := "
                    + expression(f, reference + "." + DuckDbTypes.quote(f.name()), depth))
        .collect(Collectors.joining(", "));
  }
}
