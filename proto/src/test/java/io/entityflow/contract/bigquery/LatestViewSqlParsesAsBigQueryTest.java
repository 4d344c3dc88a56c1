package io.entityflow.contract.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.testing.sql.BigQuerySqlParser;
import io.entityflow.testing.sql.ParsedStatement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The BigQuery form of every sample entity's {@code _latest} view query parses with a real
 * BigQuery-dialect parser (node-sql-parser, bigquery): a {@code SELECT} reading the backquoted
 * {@code `project.dataset.table`}, without query parameters. The DuckDB form is not BigQuery SQL
 * and is checked by the local warehouse's tests.
 */
class LatestViewSqlParsesAsBigQueryTest {
  static Stream<EntityDefinition> entities() {
    return EntityRegistry.load().entities().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entities")
  void bigQueryViewQueryOfEverySampleEntityParsesAsASelect(EntityDefinition entity) {
    String sql =
        LatestViewSql.bigQuery(
            EntityTable.of(entity), "acme-data-prod", "prod_" + entity.dataset());

    assertThat(BigQuerySqlParser.statement(sql))
        .isEqualTo(new ParsedStatement("select", List.of()));
  }
}
