package io.entityflow.pipelines.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.testing.sql.BigQuerySqlParser;
import io.entityflow.testing.sql.ParsedStatement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code CREATE OR REPLACE VIEW} of every sample entity's {@code _latest} view parses as
 * BigQuery SQL (node-sql-parser, bigquery dialect), with and without a dataset prefix.
 */
class LatestViewsParseAsBigQueryTest {
  private static final EntityRegistry REGISTRY = EntityRegistry.load();

  @ParameterizedTest(name = "dataset prefix ''{0}''")
  @ValueSource(strings = {"", "prod_"})
  void createViewOfEverySampleEntityParses(String datasetPrefix) {
    List<String> ddl = LatestViews.bigQueryDdl(REGISTRY, "acme-analytics", datasetPrefix);

    assertThat(ddl).hasSize(REGISTRY.entities().size());
    for (String statement : ddl) {
      assertThat(statement).startsWith("CREATE OR REPLACE VIEW `acme-analytics." + datasetPrefix);
      assertThat(BigQuerySqlParser.statement(statement))
          .as(statement)
          .isEqualTo(new ParsedStatement("create", List.of()));
    }
  }
}
