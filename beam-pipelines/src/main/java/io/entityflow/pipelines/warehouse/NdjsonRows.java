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
 * NdjsonRows lines = NdjsonRows.of(columns); // once per table: keys rendered once
 * StringBuilder out = new StringBuilder();
 * lines.append(out, row); // {"event_id":"e-1",...}\n
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class NdjsonRows {
  private final TableColumn[] columns;
  private final String[] keys;
  private final NdjsonRows[] records;

  private NdjsonRows(List<TableColumn> columns) {
    int count = columns.size();
    this.columns = columns.toArray(new TableColumn[0]);
    this.keys = new String[count];
    this.records = new NdjsonRows[count];
    for (int i = 0; i < count; i++) {
      TableColumn column = this.columns[i];
      keys[i] = JsonStrings.quote(column.name()) + ':';
      if (!column.fields().isEmpty()) {
        records[i] = new NdjsonRows(column.fields());
      }
    }
  }

  /** The writer of rows of {@code columns}. */
  public static NdjsonRows of(List<TableColumn> columns) {
    return new NdjsonRows(List.copyOf(columns));
  }

  /** Appends one row and a newline. */
  public void append(StringBuilder out, Map<String, ?> row) {
    object(out, row);
    out.append('\n');
  }

  private void object(StringBuilder out, Map<?, ?> table) {
    Map<?, ?> row = values(table);
    out.append('{');
    boolean first = true;
    for (int i = 0; i < columns.length; i++) {
      Object value = row.get(columns[i].name());
      if (value == null) {
        continue;
      }
      if (!first) {
        out.append(',');
      }
      first = false;
      out.append(keys[i]);
      if (columns[i].mode() == ColumnMode.REPEATED) {
        out.append('[');
        List<?> values = (List<?>) value;
        for (int j = 0; j < values.size(); j++) {
          if (j > 0) {
            out.append(',');
          }
          value(out, i, values.get(j));
        }
        out.append(']');
      } else {
        value(out, i, value);
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

  private void value(StringBuilder out, int index, Object value) {
    if (value == null) {
      out.append("null");
      return;
    }
    switch (columns[index].type()) {
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
      case RECORD -> records[index].object(out, (Map<?, ?>) value);
      default -> JsonStrings.quote(out, value.toString());
    }
  }
}
