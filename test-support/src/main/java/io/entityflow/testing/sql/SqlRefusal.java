package io.entityflow.testing.sql;

/**
 * The BigQuery parser refused a statement: the parser's own message, where it stopped and the
 * statement. An {@link AssertionError}, so a refused statement fails the test that parsed it.
 *
 * <pre>{@code
 * SqlRefusal refusal = BigQuerySqlParser.refusal("SELECT FROM WHERE");
 * refusal.reason();  // Expected "#", "(", "--", ".", "/*", or [ \t\n\r] but "W" found.
 * refusal.line();    // 1
 * refusal.column();  // 13
 * }</pre>
 *
 * <p>Guarantees: {@link #getMessage()} names the parser, the position, the reason, and shows the
 * statement with a caret under the position (or the whole statement when the parser gave none).
 */
public final class SqlRefusal extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final String sql;
  private final String reason;
  private final int offset;
  private final int line;
  private final int column;

  /**
   * A refusal of {@code sql} at 0-based character {@code offset}, 1-based {@code line} and {@code
   * column} (offset -1, line and column 0 when the parser gave no position).
   */
  public SqlRefusal(String sql, String reason, int offset, int line, int column) {
    super(describe(sql, reason, line, column));
    this.sql = sql;
    this.reason = reason;
    this.offset = offset;
    this.line = line;
    this.column = column;
  }

  /** The refused statement. */
  public String sql() {
    return sql;
  }

  /** The parser's message. */
  public String reason() {
    return reason;
  }

  /** 0-based character offset in {@link #sql()} where the parser stopped; -1 when it gave none. */
  public int offset() {
    return offset;
  }

  /** 1-based line where the parser stopped; 0 when it gave no position. */
  public int line() {
    return line;
  }

  /** 1-based column where the parser stopped; 0 when it gave no position. */
  public int column() {
    return column;
  }

  private static String describe(String sql, String reason, int line, int column) {
    StringBuilder out = new StringBuilder(BigQuerySqlParser.PACKAGE).append(" (bigquery) refused");
    if (line > 0) {
      out.append(" at line ").append(line).append(", column ").append(column);
    }
    out.append(": ").append(reason).append('\n');
    String[] lines = sql.split("\n", -1);
    if (line > 0 && line <= lines.length) {
      out.append("  ").append(lines[line - 1]).append('\n');
      out.append("  ").append(" ".repeat(Math.max(0, column - 1))).append("^\n");
    }
    return out.append("in statement:\n").append(sql).toString();
  }
}
