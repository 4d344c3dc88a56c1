package io.entityflow.testing.bigquery;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableRow;
import com.google.api.services.bigquery.model.TableSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * BigQuery's documented rules for table definitions, schema changes and rows, checked in tests
 * where Beam's fakes ({@code FakeDatasetService}) would accept what BigQuery refuses. Every rule is
 * a {@link Rule} naming the documentation section it comes from; each broken rule is one {@link
 * Violation}, and the {@code check*} methods throw a {@link BigQueryRuleException} listing all of
 * them.
 *
 * <pre>{@code
 * BigQueryRules.checkTable(table);                 // partitioning, clustering, names, types, ...
 * BigQueryRules.checkSchemaChange(live, newSchema); // additive changes only
 * BigQueryRules.checkRow(table, row);              // the row fits the table's schema
 * List<Violation> found = BigQueryRules.tableViolations(table); // without throwing
 * }</pre>
 *
 * <p>What is enforced (see each {@link Rule}): table names (1,024 UTF-8 bytes of letters, marks,
 * numbers, connectors, dashes, spaces), dataset names (1,024 letters, numbers, underscores), table
 * description (16,384 characters), at most 10,000 columns; column names of letters, numbers and
 * underscores starting with a letter or underscore (flexible column names are not accepted), at
 * most 300 characters, no reserved prefix, unique ignoring case at each level; column descriptions
 * of at most 1,024 characters; valid types and modes; RECORDs with fields, nested at most 15 deep,
 * without policy tags; time partitioning (DAY, HOUR, MONTH, YEAR) on a top-level TIMESTAMP, DATE or
 * DATETIME column, integer-range partitioning on a top-level INTEGER column; at most four
 * clustering columns, top-level, non-repeated, of the allowed types. Schema changes: only new
 * NULLABLE or REPEATED columns and REQUIRED-to-NULLABLE relaxations. Rows: known fields, REQUIRED
 * values present, lists without nulls, maps for RECORDs, values of their column's type and range,
 * at most 10 MB.
 *
 * <p>Stateless and thread-safe.
 */
public final class BigQueryRules {
  private BigQueryRules() {}

  /** The violations of a table definition (as sent to tables.insert). */
  public static List<Violation> tableViolations(Table table) {
    List<Violation> found = new ArrayList<>();
    TableRules.check(table, found);
    return found;
  }

  /**
   * Checks a table definition.
   *
   * @throws BigQueryRuleException listing every violation
   */
  public static void checkTable(Table table) {
    BigQueryRuleException.throwIfAny(tableViolations(table));
  }

  /**
   * The violations of changing the live table's definition to {@code wanted}: the change itself
   * (additive only, partitioning kept) and the resulting table's definition.
   */
  public static List<Violation> schemaChangeViolations(Table live, Table wanted) {
    List<Violation> found = new ArrayList<>();
    SchemaChangeRules.check(live, wanted, found);
    Table result = live.clone().setSchema(wanted.getSchema());
    if (wanted.getClustering() != null) {
      result.setClustering(wanted.getClustering());
    }
    if (wanted.getDescription() != null) {
      result.setDescription(wanted.getDescription());
    }
    TableRules.check(result, found);
    return found;
  }

  /**
   * Checks a change of the live table's definition to {@code wanted} (tables.patch / update).
   *
   * @throws BigQueryRuleException listing every violation
   */
  public static void checkSchemaChange(Table live, Table wanted) {
    BigQueryRuleException.throwIfAny(schemaChangeViolations(live, wanted));
  }

  /**
   * Checks a change of the live table's schema to {@code schema}.
   *
   * @throws BigQueryRuleException listing every violation
   */
  public static void checkSchemaChange(Table live, TableSchema schema) {
    checkSchemaChange(live, new Table().setSchema(schema));
  }

  /** The violations of {@code row} as a row of {@code table}. */
  public static List<Violation> rowViolations(Table table, TableRow row) {
    List<Violation> found = new ArrayList<>();
    RowRules.check(table, row, found);
    return found;
  }

  /**
   * Checks a row written to {@code table}.
   *
   * @throws BigQueryRuleException listing every violation
   */
  public static void checkRow(Table table, TableRow row) {
    BigQueryRuleException.throwIfAny(rowViolations(table, row));
  }

  /**
   * Checks rows written to {@code table} together.
   *
   * @throws BigQueryRuleException listing every violation of every row
   */
  public static void checkRows(Table table, List<TableRow> rows) {
    List<Violation> found = new ArrayList<>();
    for (TableRow row : rows) {
      RowRules.check(table, row, found);
    }
    BigQueryRuleException.throwIfAny(found);
  }
}
