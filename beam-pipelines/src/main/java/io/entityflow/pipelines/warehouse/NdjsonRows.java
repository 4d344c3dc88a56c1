package io.entityflow.pipelines.warehouse;

import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.contract.JsonStrings;
import io.entityflow.contract.bigquery.ColumnMode;
import io.entityflow.contract.bigquery.TableColumn;
import java.util.List;
import java.util.Map;

/**
 * Writes rows as newline-delimited JSON typed by their columns, the input DuckDB reads into Parquet
 * ({@link ParquetPartWriter}): INTEGER and FLOAT as JSON numbers, JSON columns as their raw JSON,
 * everything else (strings, base64 bytes, NUMERIC, TIMESTAMP) as strings; absent values stay absent
 * (NULL). Non-finite floats are written as the strings {@code NaN}, {@code Infinity}, {@code
 * -Infinity}.
 *
 * <pre>{@code
 * StringBuilder out = new StringBuilder();
 * NdjsonRows.append(out, columns, row); // {"event_id":"e-1",...}\n
 * }</pre>
 */
public final class NdjsonRows {
  private NdjsonRows() {}

  /** Appends one row and a newline. */
  public static void append(StringBuilder out, List<TableColumn> columns, Map<String, ?> row) {
    object(out, columns, row);
    out.append('\n');
  }

  private static void object(StringBuilder out, List<TableColumn> columns, Map<?, ?> table) {
    Map<?, ?> row = values(table);
    out.append('{');
    boolean first = true;
    for (TableColumn column : columns) {
      Object value = row.get(column.name());
      if (value == null) {
        continue;
      }
      if (!first) {
        out.append(',');
      }
      first = false;
      JsonStrings.quote(out, column.name()).append(':');
      if (column.mode() == ColumnMode.REPEATED) {
        out.append('[');
        List<?> values = (List<?>) value;
        for (int i = 0; i < values.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          value(out, column, values.get(i));
        }
        out.append(']');
      } else {
        value(out, column, value);
      }
    }
    out.append('}');
  }

  /**
   * The map holding a row's values: a parsed row's own map, not the {@code TableRow} around it,
   * whose lookups first search its declared fields.
   */
  private static Map<?, ?> values(Map<?, ?> row) {
    return row instanceof TableRow table && table.getF() == null ? table.getUnknownKeys() : row;
  }

  private static void value(StringBuilder out, TableColumn column, Object value) {
    if (value == null) {
      out.append("null");
      return;
    }
    switch (column.type()) {
      case INTEGER -> {
        if (value instanceof Long number) {
          out.append((long) number);
        } else {
          out.append(Long.parseLong(value.toString()));
        }
      }
      case FLOAT -> {
        double number = ((Number) value).doubleValue();
        if (Double.isFinite(number)) {
          out.append(number);
        } else {
          JsonStrings.quote(out, Double.toString(number));
        }
      }
      case BOOLEAN -> out.append((boolean) (Boolean) value);
      case JSON -> out.append(value);
      case RECORD -> object(out, column.fields(), (Map<?, ?>) value);
      default -> JsonStrings.quote(out, value.toString());
    }
  }
}
