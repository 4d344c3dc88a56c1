package io.entityflow.contract.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.contract.TestContract;
import io.entityflow.contract.layout.SystemEntities;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.testing.sql.BigQuerySqlParser;
import io.entityflow.testing.sql.ParsedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The masked and decrypting view queries of every sample entity with PII, and of a table with every
 * shape of PII column (repeated, map, nested), parse with a real BigQuery-dialect parser
 * (node-sql-parser, bigquery) as one {@code SELECT}; the sweep parses as a {@code DELETE}.
 */
class PrivacyViewSqlParsesAsBigQueryTest {
  static Stream<EntityTable> tables() {
    List<EntityTable> tables = new ArrayList<>();
    EntityRegistry.load().entities().stream()
        .filter(SystemEntities::hasPii)
        .map(EntityTable::of)
        .forEach(tables::add);
    List<TableColumn> columns = new ArrayList<>(MetadataColumns.COLUMNS);
    columns.addAll(BigQuerySchemaMapper.columnsOf(TestContract.message("PiiShapes")));
    tables.add(
        new EntityTable("testing", "pii_shapes_v1", "", columns, "occurred_at", List.of("id")));
    return tables.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void maskedViewQueryParsesAsASelect(EntityTable table) {
    String sql =
        MaskedViewSql.bigQuery(table, subjectOf(table), "acme-data-prod", "prod_x", "prod_ef");

    assertThat(BigQuerySqlParser.statement(sql))
        .isEqualTo(new ParsedStatement("select", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void decryptingViewQueryParsesAsASelect(EntityTable table) {
    String sql =
        DecryptingViewSql.bigQuery(
            table, subjectOf(table), "acme-data-prod", "prod_x", "prod_ef", PrivacyViewSqlTest.KEK);

    assertThat(BigQuerySqlParser.statement(sql))
        .isEqualTo(new ParsedStatement("select", List.of()));
  }

  @Test
  void sweepParsesAsADelete() {
    assertThat(BigQuerySqlParser.statement(SubjectKeySweepSql.bigQuery("acme-data", "entityflow")))
        .isEqualTo(new ParsedStatement("delete", List.of()));
  }

  private static String subjectOf(EntityTable table) {
    return table.clusteringFields().get(0);
  }
}
