package io.entityflow.schema.report;

import io.entityflow.contract.bigquery.BigQueryType;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.schema.compare.FieldColumns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a compatible change does to an existing table: top-level columns added (applied with {@code
 * ALTER TABLE ... ADD COLUMN}), sub-columns added to existing RECORD columns (applied as a schema
 * update, DDL cannot add them) and columns widened in place ({@code ALTER COLUMN ... SET DATA
 * TYPE}). Removed or renamed columns are not listed: the check reports them as breaking.
 *
 * <pre>{@code
 * ColumnDiff diff = ColumnDiff.between(EntityTable.of(before), EntityTable.of(after));
 * diff.ddl(); // ["ALTER TABLE `retail.sale_v1` ADD COLUMN `gift_wrap` BOOL;"]
 * }</pre>
 *
 * @param table the table, {@code dataset.table}
 * @param added top-level columns added, in table order
 * @param nestedAdded sub-columns added to existing RECORD columns, by dotted path
 * @param widened leaf columns whose type widens, path to {@code FROM -> TO}
 */
public record ColumnDiff(
    String table,
    List<TableColumn> added,
    Map<String, TableColumn> nestedAdded,
    Map<String, String> widened) {

  /** The difference from the {@code before} table to the {@code after} table. */
  public static ColumnDiff between(EntityTable before, EntityTable after) {
    Map<String, TableColumn> old = flatten(before.columns());
    List<TableColumn> added = new ArrayList<>();
    Map<String, TableColumn> nested = new LinkedHashMap<>();
    Map<String, String> widened = new LinkedHashMap<>();
    for (Map.Entry<String, TableColumn> entry : flatten(after.columns()).entrySet()) {
      String path = entry.getKey();
      TableColumn column = entry.getValue();
      TableColumn previous = old.get(path);
      int dot = path.lastIndexOf('.');
      if (previous == null) {
        if (dot < 0) {
          added.add(column);
        } else if (old.containsKey(path.substring(0, dot))) {
          nested.put(path, column);
        }
      } else if (column.type() != BigQueryType.RECORD
          && !previous.sqlType().equals(column.sqlType())
          && FieldColumns.widensInPlace(previous.sqlType(), column.sqlType())) {
        widened.put(path, previous.sqlType() + " -> " + column.sqlType());
      }
    }
    return new ColumnDiff(after.qualifiedName(), added, nested, widened);
  }

  public ColumnDiff {
    added = List.copyOf(added);
    nestedAdded = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nestedAdded));
    widened = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(widened));
  }

  /** Whether the table needs no change. */
  public boolean isEmpty() {
    return added.isEmpty() && nestedAdded.isEmpty() && widened.isEmpty();
  }

  /**
   * The DDL statements: one {@code ADD COLUMN} per added column, one per widened column; column
   * names backquoted.
   */
  public List<String> ddl() {
    List<String> statements = new ArrayList<>();
    for (TableColumn column : added) {
      statements.add(
          "ALTER TABLE `"
              + table
              + "` ADD COLUMN "
              + TableDdl.quoted(column.name())
              + " "
              + column.sqlType()
              + ";");
    }
    for (Map.Entry<String, String> entry : widened.entrySet()) {
      if (!entry.getKey().contains(".")) {
        String to = entry.getValue().substring(entry.getValue().indexOf("-> ") + 3);
        statements.add(
            "ALTER TABLE `"
                + table
                + "` ALTER COLUMN "
                + TableDdl.quoted(entry.getKey())
                + " SET DATA TYPE "
                + to
                + ";");
      }
    }
    return statements;
  }

  private static Map<String, TableColumn> flatten(List<TableColumn> columns) {
    Map<String, TableColumn> out = new LinkedHashMap<>();
    flatten("", columns, out);
    return out;
  }

  private static void flatten(
      String prefix, List<TableColumn> columns, Map<String, TableColumn> out) {
    for (TableColumn column : columns) {
      String path = prefix + column.name();
      out.put(path, column);
      flatten(path + ".", column.fields(), out);
    }
  }
}
