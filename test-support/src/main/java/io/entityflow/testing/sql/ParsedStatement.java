package io.entityflow.testing.sql;

import java.util.List;

/**
 * A statement the BigQuery parser accepted: its kind and the named query parameters it reads.
 *
 * <pre>{@code
 * ParsedStatement s = BigQuerySqlParser.statement("SELECT * FROM `p.d.t` WHERE a < @to");
 * s.type();        // "select"
 * s.parameters();  // ["to"]
 * }</pre>
 *
 * @param type the AST type as node-sql-parser names it: {@code select}, {@code create}, {@code
 *     alter}, ...
 * @param parameters the names of the {@code @name} query parameters, without {@code @}, sorted,
 *     each once
 */
public record ParsedStatement(String type, List<String> parameters) {
  /** Copies the parameters. */
  public ParsedStatement {
    parameters = List.copyOf(parameters);
  }
}
