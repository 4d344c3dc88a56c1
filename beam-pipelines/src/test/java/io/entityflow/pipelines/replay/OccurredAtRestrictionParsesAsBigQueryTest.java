package io.entityflow.pipelines.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.testing.sql.BigQuerySqlParser;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Storage Read API row restriction of a replay is a valid BigQuery predicate: a restriction is
 * not a statement, so it is parsed as the {@code WHERE} clause of a query on the table (the one
 * wrapping this check needs; the restriction itself is unchanged).
 */
class OccurredAtRestrictionParsesAsBigQueryTest {
  @ParameterizedTest(name = "[{0}, {1})")
  @CsvSource({
    "2026-11-01T00:00:00Z, 2026-11-02T00:00:00Z",
    "2026-11-01T10:00:00.000000001Z, 2026-11-01T10:00:00.000001999Z",
    "1970-01-01T00:00:00Z, 9999-12-31T23:59:59.999999Z"
  })
  void restrictionParsesAsTheWhereClauseOfAQuery(Instant from, Instant to) {
    String restriction = OccurredAtRestriction.of(from, to);

    assertThat(
            BigQuerySqlParser.parse(
                "SELECT * FROM `acme-data.retail.sale_v1` WHERE " + restriction))
        .isEqualTo("select");
  }
}
