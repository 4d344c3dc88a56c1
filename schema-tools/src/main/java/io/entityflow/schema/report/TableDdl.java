package io.entityflow.schema.report;

import io.entityflow.contract.bigquery.ColumnMode;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.TableColumn;
import java.util.stream.Collectors;

/**
 * The {@code CREATE TABLE} statement of a new entity table: every column with its GoogleSQL type
 * ({@code NOT NULL} for required metadata columns), day partitioning on {@code occurred_at} and
 * clustering on the id, as {@link EntityTable} defines them. Column names are backquoted, so a
 * field named like a reserved keyword (e.g. {@code interval}) stays a valid column name.
 *
 * <pre>{@code
 * TableDdl.create(EntityTable.of(cart));
 * // CREATE TABLE `shop.cart_v1` (
 * //   `event_id` STRING NOT NULL,
 * //   ...
 * // )
 * // PARTITION BY DATE(`occurred_at`)
 * // CLUSTER BY `cart_id`;
 * }</pre>
 */
public final class TableDdl {
  private TableDdl() {}

  /** The statement creating {@code table}. */
  public static String create(EntityTable table) {
    return "CREATE TABLE `"
        + table.qualifiedName()
        + "` (\n"
        + table.columns().stream()
            .map(TableDdl::definition)
            .collect(Collectors.joining(",\n", "  ", "\n"))
            .replace(",\n", ",\n  ")
        + ")\nPARTITION BY DATE("
        + quoted(table.partitionField())
        + ")\nCLUSTER BY "
        + table.clusteringFields().stream().map(TableDdl::quoted).collect(Collectors.joining(", "))
        + ";";
  }

  /** A column name in backquotes: valid GoogleSQL even when the name is a reserved keyword. */
  static String quoted(String column) {
    return "`" + column + "`";
  }

  private static String definition(TableColumn column) {
    return quoted(column.name())
        + " "
        + column.sqlType()
        + (column.mode() == ColumnMode.REQUIRED ? " NOT NULL" : "");
  }
}
