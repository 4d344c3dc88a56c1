package io.entityflow.testing.sql;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses BigQuery (GoogleSQL) statements with the npm package {@code node-sql-parser} in its {@code
 * bigquery} dialect. The package is installed once into {@code bigquery-sql-parser/} under the npm
 * prefix ({@code target/npm}, or system property {@value #PREFIX_PROPERTY}); one {@code node}
 * process per JVM answers every statement, so hundreds of statements cost one start-up.
 *
 * <pre>{@code
 * assertThat(BigQuerySqlParser.parse("ALTER TABLE `retail.sale_v1` ADD COLUMN `gift` BOOL;"))
 *     .isEqualTo("alter");
 * assertThat(BigQuerySqlParser.statement(query).parameters()).containsExactly("from", "to");
 * }</pre>
 *
 * <p>Guarantees: a statement is accepted only if the parser builds an AST for exactly one statement
 * (a trailing {@code ;} is fine); {@code @name} query parameters and backquoted {@code
 * `project.dataset.table`} names are accepted as BigQuery accepts them. The statement is parsed as
 * given, never rewritten. Where node-sql-parser is more lenient than BigQuery, one check is added:
 * a GoogleSQL reserved keyword used as an unquoted column, STRUCT field or CLUSTER BY name (e.g.
 * {@code interval NUMERIC}) is refused, as BigQuery refuses it.
 *
 * <p>Known gaps of node-sql-parser 5.4.0 (valid BigQuery it refuses; tests must keep such
 * statements and assert the refusal, see {@link #refusal(String)}): the {@code JSON} and {@code
 * BIGNUMERIC} column types and {@code BYTES} without a length in DDL, {@code ALTER TABLE ... ALTER
 * COLUMN ...} (e.g. {@code SET DATA TYPE}), backquoted STRUCT field names, and {@code @@} system
 * variables.
 */
public final class BigQuerySqlParser {
  /** The pinned npm package. */
  public static final String PACKAGE = "node-sql-parser@5.4.0";

  /** System property naming the npm prefix directory; default {@code target/npm}. */
  public static final String PREFIX_PROPERTY = "entityflow.npm.prefix";

  private static NodeParserProcess process;

  private BigQuerySqlParser() {}

  /**
   * The AST type of a statement the parser accepts ({@code select}, {@code create}, {@code alter},
   * ...).
   *
   * @throws SqlRefusal with the parser's message and position when it refuses the statement
   */
  public static String parse(String sql) {
    return statement(sql).type();
  }

  /**
   * The type and {@code @name} parameters of a statement the parser accepts.
   *
   * @throws SqlRefusal with the parser's message and position when it refuses the statement
   */
  public static ParsedStatement statement(String sql) {
    JsonObject answer = ask(sql);
    if (!answer.get("ok").getAsBoolean()) {
      throw new SqlRefusal(
          sql,
          answer.get("message").getAsString(),
          answer.get("offset").getAsInt(),
          answer.get("line").getAsInt(),
          answer.get("column").getAsInt());
    }
    List<String> parameters = new ArrayList<>();
    for (JsonElement name : answer.getAsJsonArray("parameters")) {
      parameters.add(name.getAsString());
    }
    return new ParsedStatement(answer.get("type").getAsString(), parameters);
  }

  /**
   * The parser's refusal of a statement it must refuse: a broken statement, or a valid BigQuery
   * statement that hits a known gap of the parser.
   *
   * @throws AssertionError when the parser accepts the statement
   */
  public static SqlRefusal refusal(String sql) {
    try {
      ParsedStatement parsed = statement(sql);
      throw new AssertionError(
          PACKAGE
              + " (bigquery) was expected to refuse the statement but parsed it as "
              + parsed.type()
              + ":\n"
              + sql);
    } catch (SqlRefusal refusal) {
      return refusal;
    }
  }

  private static synchronized JsonObject ask(String sql) {
    if (process == null) {
      // A directory of its own: `npm install --no-save` into a prefix shared with other npm tools
      // of the module's tests would remove their packages (and they ours).
      process =
          NodeParserProcess.start(
              Path.of(System.getProperty(PREFIX_PROPERTY, "target/npm"), "bigquery-sql-parser")
                  .toAbsolutePath(),
              PACKAGE);
    }
    return process.ask(sql);
  }
}
