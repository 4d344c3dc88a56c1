/**
 * BigQuery SQL checks for tests: every statement the project generates for BigQuery is parsed by a
 * real BigQuery-dialect parser ({@code node-sql-parser}, installed from npm by the tests
 * themselves), so a syntax error fails the build instead of a production deployment.
 *
 * <pre>{@code
 * assertThat(BigQuerySqlParser.parse(ddl)).isEqualTo("create");
 * ParsedStatement query = BigQuerySqlParser.statement(sql);   // type and @parameters
 * SqlRefusal gap = BigQuerySqlParser.refusal(knownGapSql);    // what the parser says
 * }</pre>
 */
package io.entityflow.testing.sql;
