package io.entityflow.alerting.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.bigquery.QueryJobConfiguration;
import io.entityflow.contract.bigquery.BigQueryType;
import io.entityflow.contract.bigquery.ColumnMode;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.testing.sql.BigQuerySqlParser;
import io.entityflow.testing.sql.ParsedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every query {@link BigQueryEventCountSource} sends parses as BigQuery SQL (node-sql-parser,
 * bigquery dialect), and its {@code @name} parameters are exactly the job's named parameters:
 * hourly and window counts of every sample entity, unsegmented and segmented by each of its scalar
 * columns (meter_reading_v1's {@code interval}, a reserved keyword, included), and the watermark
 * query.
 */
class BigQueryQueriesParseTest {
  private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-02T00:30:00.123456Z");

  // The job builders never call BigQuery.
  private final BigQueryEventCountSource source =
      new BigQueryEventCountSource(
          null, "acme-data", PhysicalLayout.of(EntityRegistry.load()).withDatasetPrefix("prod_"));

  static Stream<EntityDefinition> entities() {
    return EntityRegistry.load().entities().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entities")
  void hourlyAndWindowCountsOfEverySampleEntityParseWithTheirParameters(EntityDefinition entity) {
    List<QueryJobConfiguration> jobs = new ArrayList<>();
    for (String segment : segments(entity)) {
      jobs.add(source.job(new CountQuery(entity.dataset(), entity.tableName(), segment, FROM, TO)));
      jobs.add(
          source.windowJob(
              new WindowCountQuery(entity.dataset(), entity.tableName(), segment, FROM, TO)));
    }

    assertThat(jobs).hasSize(2 * segments(entity).size());
    for (QueryJobConfiguration job : jobs) {
      assertThat(job.useLegacySql()).isFalse();
      assertThat(job.getNamedParameters()).containsOnlyKeys("from", "to");
      assertThat(BigQuerySqlParser.statement(job.getQuery()))
          .as(job.getQuery())
          .isEqualTo(new ParsedStatement("select", List.of("from", "to")));
    }
  }

  @Test
  void segmentByAReservedKeywordColumnIsQuoted() {
    String sql =
        source
            .windowJob(new WindowCountQuery("energy", "meter_reading_v1", "interval", FROM, TO))
            .getQuery();

    assertThat(sql)
        .isEqualTo(
            "SELECT operation, CAST(`interval` AS STRING) AS segment, COUNT(*) AS events FROM"
                + " `acme-data.prod_energy.meter_reading_v1` WHERE occurred_at >= @from AND"
                + " occurred_at < @to GROUP BY operation, segment");
    assertThat(BigQuerySqlParser.parse(sql)).isEqualTo("select");
  }

  @Test
  void watermarkQueryParsesWithoutParameters() {
    QueryJobConfiguration job = source.watermarkJob();

    assertThat(job.getNamedParameters()).isEmpty();
    assertThat(BigQuerySqlParser.statement(job.getQuery()))
        .isEqualTo(new ParsedStatement("select", List.of()));
  }

  /** No segment, then every top-level scalar entity column. */
  private static List<String> segments(EntityDefinition entity) {
    List<String> segments = new ArrayList<>();
    segments.add(null);
    EntityTable.of(entity).entityColumns().stream()
        .filter(c -> c.type() != BigQueryType.RECORD && c.mode() != ColumnMode.REPEATED)
        .forEach(c -> segments.add(c.name()));
    return segments;
  }
}
