package io.entityflow.alerting.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.entityflow.alerting.model.BaselineSettings;
import io.entityflow.alerting.model.LearningExclusions;
import io.entityflow.alerting.model.SeriesHistory;
import io.entityflow.alerting.rules.RuleSet;
import io.entityflow.alerting.rules.RulesFileParser;
import io.entityflow.alerting.warehouse.CountQuery;
import io.entityflow.alerting.warehouse.EventCountSource;
import io.entityflow.alerting.warehouse.LocalEventCountSource;
import io.entityflow.alerting.warehouse.TestWarehouse;
import io.entityflow.alerting.warehouse.WindowCountQuery;
import io.entityflow.contract.registry.EntityRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluator reads last year's counts only near a calendar period, and learns from them. */
class EvaluatorCalendarTest {
  @TempDir Path root;
  private final EntityRegistry registry = EntityRegistry.load();
  private final List<CountQuery> queries = new ArrayList<>();

  private static final RuleSet RULES =
      RulesFileParser.parse(
          "defaults:\n  calendar:\n    - {name: sale days, from: 2026-01-19, to: 2026-01-20}\n",
          "inline");

  /**
   * One sale per minute for 14 days up to 2026-01-18T23:59Z; a year earlier one per minute in the 7
   * days before the period and two per minute in it (2025-01-20 and 21).
   */
  @BeforeEach
  void salesThisYearAndLast() throws Exception {
    TestWarehouse.write(
        root, "retail", "sale_v1", TestWarehouse.salesPerMinute("2026-01-05 00:00:00+00", 20160));
    TestWarehouse.write(
        root, "retail", "sale_v1", TestWarehouse.salesPerMinute("2025-01-13 00:00:00+00", 12960));
    TestWarehouse.write(
        root, "retail", "sale_v1", TestWarehouse.salesPerMinute("2025-01-20 00:00:00+00", 2880));
  }

  private Evaluation evaluateAt(String now) {
    LocalEventCountSource local = new LocalEventCountSource(root, registry);
    EventCountSource recording =
        new EventCountSource() {
          @Override
          public List<SeriesHistory> hourlyCounts(CountQuery query) {
            queries.add(query);
            return local.hourlyCounts(query);
          }

          @Override
          public List<List<SeriesHistory>> hourlyCounts(List<CountQuery> batch) {
            queries.addAll(batch);
            return local.hourlyCounts(batch);
          }

          @Override
          public List<Map<String, Long>> windowCounts(List<WindowCountQuery> batch) {
            return local.windowCounts(batch);
          }

          @Override
          public Optional<Instant> ingestedThrough() {
            return local.ingestedThrough();
          }
        };
    return new Evaluator(
            recording,
            RULES,
            RULES.watched(registry),
            BaselineSettings.defaults(),
            Duration.ofMinutes(15),
            Duration.ZERO,
            Clock.fixed(Instant.parse(now), ZoneOffset.UTC),
            LearningExclusions.NONE)
        .evaluate();
  }

  private List<CountQuery> saleQueries() {
    return queries.stream().filter(q -> q.table().equals("sale_v1")).toList();
  }

  @Test
  void lastYearIsQueriedOnlyNearACalendarPeriod() {
    evaluateAt("2026-01-16T12:00:00Z");
    assertThat(saleQueries()).hasSize(1);
    queries.clear();
    evaluateAt("2026-01-18T23:59:30Z");
    assertThat(saleQueries())
        .extracting(CountQuery::from, CountQuery::to)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Instant.parse("2025-11-22T22:00:00Z"), Instant.parse("2026-01-18T23:59:30Z")),
            org.assertj.core.groups.Tuple.tuple(
                Instant.parse("2025-01-13T00:00:00Z"), Instant.parse("2025-01-22T00:00:00Z")));
  }

  @Test
  void calendarHoursExpectLastYearsRate() {
    Evaluation e = evaluateAt("2026-01-19T00:00:30Z");
    SeriesStatus sale =
        e.series().stream()
            .filter(s -> s.seriesId().equals("retail.sale_v1/CREATED"))
            .findFirst()
            .orElseThrow();
    // 120 per hour last year in the period, 60 before it, 60 now: (120 + 2) / (60 + 2) x 60
    assertThat(sale.expectedRate()).isCloseTo(118.06, within(0.01));
  }
}
