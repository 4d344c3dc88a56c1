package io.entityflow.alerting.warehouse;

/**
 * Checks the names a count query quotes into SQL: dataset, table and an optional segment column
 * must be plain identifiers (letters, digits, underscores, not starting with a digit).
 *
 * <pre>{@code
 * TableIdentifiers.require("retail", "sale_v1", "store_id"); // passes
 * TableIdentifiers.require("retail", "sale_v1; DROP", null); // IllegalArgumentException
 * }</pre>
 *
 * <p>Guarantees: names that pass contain no quote, dot or whitespace, so quoting them is safe; a
 * failure names the bad value.
 */
final class TableIdentifiers {
  private static final String PLAIN = "[A-Za-z_][A-Za-z0-9_]*";

  private TableIdentifiers() {}

  /**
   * Throws unless {@code dataset}, {@code table} and a non-null {@code segmentColumn} are plain.
   */
  static void require(String dataset, String table, String segmentColumn) {
    for (String name : new String[] {dataset, table}) {
      if (name == null || !name.matches(PLAIN)) {
        throw new IllegalArgumentException(
            "dataset and table must be plain identifiers, got '" + name + "'");
      }
    }
    if (segmentColumn != null && !segmentColumn.matches(PLAIN)) {
      throw new IllegalArgumentException(
          "segment column must be a plain column name, got '" + segmentColumn + "'");
    }
  }
}
