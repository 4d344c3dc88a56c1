package io.entityflow.alerting.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.alerting.model.BaselineSettings;
import io.entityflow.alerting.rules.RuleSet;
import io.entityflow.alerting.warehouse.LocalEventCountSource;
import io.entityflow.alerting.warehouse.TestWarehouse;
import io.entityflow.contract.registry.EntityRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {
  @TempDir Path root;
  private final EntityRegistry registry = EntityRegistry.load();

  /** 14 days of one CREATED sale per minute, the last at 2026-01-18T23:59:00Z. */
  @BeforeEach
  void twoWeeksOfSales() throws Exception {
    TestWarehouse.write(
        root, "retail", "sale_v1", TestWarehouse.salesPerMinute("2026-01-05 00:00:00+00", 20160));
  }

  private Evaluation evaluateAt(String now) {
    return evaluateAt(now, RuleSet.defaultsOnly());
  }

  private Evaluation evaluateAt(String now, RuleSet rules) {
    return evaluateAt(now, rules, Duration.ZERO);
  }

  private Evaluation evaluateAt(String now, RuleSet rules, Duration ingestionPendingFor) {
    return new Evaluator(
            new LocalEventCountSource(root, registry),
            rules,
            rules.watched(registry),
            BaselineSettings.defaults(),
            Duration.ofMinutes(15),
            ingestionPendingFor,
            Clock.fixed(Instant.parse(now), ZoneOffset.UTC))
        .evaluate();
  }

  /** 14 days of one CREATED customer per minute, like the sales. */
  private void twoWeeksOfCustomers() throws Exception {
    TestWarehouse.write(
        root,
        "retail",
        "customer_v1",
        "SELECT 'CREATED' AS operation, TIMESTAMPTZ '2026-01-05 00:00:00+00' + to_minutes(i)"
            + " AS occurred_at FROM range(0, 20160) t(i)");
  }

  @Test
  void silenceFiresWhenNoneSinceTheLastEventIsImprobable() {
    Evaluation e = evaluateAt("2026-01-19T00:30:00Z");
    assertThat(e.watermark()).isNull();
    assertThat(e.judgedUntil()).isEqualTo(Instant.parse("2026-01-19T00:30:00Z"));
    assertThat(e.findings()).hasSize(1);
    Finding f = e.findings().get(0);
    assertThat(f.condition()).isEqualTo(Condition.SILENCE);
    assertThat(f.seriesId()).isEqualTo("retail.sale_v1/CREATED");
    assertThat(f.summary())
        .isEqualTo(
            "No CREATED events of retail.sale_v1 since 2026-01-18T23:59:00Z (31m): 31.0 expected,"
                + " P(none) = 3.4e-14 < alpha 3.7e-06; time to detect 12m");
    assertThat(f.dedupKey()).isEqualTo(Finding.dedupKey("default", "retail.sale_v1/CREATED"));
    SeriesStatus sale =
        e.series().stream()
            .filter(s -> s.seriesId().equals("retail.sale_v1/CREATED"))
            .findFirst()
            .orElseThrow();
    assertThat(sale.state()).isEqualTo(SeriesState.SILENT);
    assertThat(sale.distribution()).isEqualTo("Poisson");
    assertThat(sale.expectedRate()).isCloseTo(60.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(sale.chart()).hasSize(48);
    assertThat(sale.chart().get(47).observed()).isEqualTo(60);
    assertThat(sale.chart().get(47).expected())
        .isCloseTo(60.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(
            e.series().stream()
                .filter(s -> s.seriesId().equals("retail.customer_v1/CREATED"))
                .map(SeriesStatus::state)
                .toList())
        .isEqualTo(List.of(SeriesState.LEARNING));
  }

  @Test
  void segmentColumnWatchesEachValueAsItsOwnSeries() {
    RuleSet rules =
        io.entityflow.alerting.rules.RulesFileParser.parse(
            "rules:\n  - id: per-store\n    match: {table: sale_v1}\n    segment: store_id\n",
            "inline");
    Evaluation e = evaluateAt("2026-01-19T00:30:00Z", rules);
    assertThat(
            e.series().stream()
                .filter(s -> s.seriesId().startsWith("retail.sale_v1/CREATED"))
                .map(s -> s.seriesId() + " " + s.state() + " " + Math.round(s.expectedRate()))
                .toList())
        .containsExactlyInAnyOrder(
            "retail.sale_v1/CREATED/store_id=store-0 SILENT 30",
            "retail.sale_v1/CREATED/store_id=store-1 SILENT 30");
    assertThat(e.findings())
        .extracting(Finding::seriesId, Finding::condition, Finding::suppressed)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "retail.sale_v1/CREATED/store_id=store-0", Condition.SILENCE, true),
            org.assertj.core.groups.Tuple.tuple(
                "retail.sale_v1/CREATED/store_id=store-1", Condition.SILENCE, true),
            org.assertj.core.groups.Tuple.tuple("*", Condition.INGESTION_DOWN, false));
  }

  @Test
  void tenMinutesWithoutEventsAtSixtyPerHourIsNotYetSilent() {
    Evaluation e = evaluateAt("2026-01-19T00:09:00Z");
    assertThat(e.findings()).isEmpty();
    // ln(1/alpha) = 12.51 expected events after the last one at 23:59: the scheduler comes back
    // then
    assertThat(e.nextSilenceAt()).isEqualTo(Instant.parse("2026-01-19T00:11:30.371Z"));
  }

  @Test
  void ingestionDownFindingWaitsTheIngestionPendingFor() throws Exception {
    TestWarehouse.heartbeat(root, "2026-01-19 00:09:00+00");
    Evaluation e =
        evaluateAt("2026-01-19T00:30:00Z", RuleSet.defaultsOnly(), Duration.ofMinutes(2));
    assertThat(e.findings())
        .extracting(Finding::condition, f -> f.rule().pendingFor())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Condition.INGESTION_DOWN, Duration.ofMinutes(2)));
  }

  @Test
  void nothingAfterTheIngestionWatermarkIsJudgedAndALaggingWatermarkIsIngestionDown()
      throws Exception {
    TestWarehouse.heartbeat(root, "2026-01-19 00:09:00+00");
    Evaluation e = evaluateAt("2026-01-19T00:30:00Z");
    assertThat(e.watermark()).isEqualTo(Instant.parse("2026-01-19T00:09:00Z"));
    assertThat(e.judgedUntil()).isEqualTo(Instant.parse("2026-01-19T00:09:00Z"));
    assertThat(e.findings())
        .extracting(Finding::condition)
        .containsExactly(Condition.INGESTION_DOWN);
    assertThat(e.findings().get(0).summary())
        .isEqualTo(
            "Ingestion down: the pipeline has ingested events only through 2026-01-19T00:09:00Z"
                + " (21m ago, more than 15m)");
  }

  @Test
  void everySeriesSilentAtOnceBecomesOneIngestionDownAlert() throws Exception {
    twoWeeksOfCustomers();
    Evaluation e = evaluateAt("2026-01-19T00:30:00Z");
    assertThat(e.findings())
        .extracting(Finding::condition, Finding::suppressed)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(Condition.SILENCE, true),
            org.assertj.core.groups.Tuple.tuple(Condition.SILENCE, true),
            org.assertj.core.groups.Tuple.tuple(Condition.INGESTION_DOWN, false));
    Finding down =
        e.findings().stream()
            .filter(f -> f.condition() == Condition.INGESTION_DOWN)
            .findFirst()
            .orElseThrow();
    assertThat(down.summary())
        .isEqualTo(
            "Ingestion down: no events of any of 2 watched series since 2026-01-18T23:59:00Z"
                + " (31m); 62.0 expected");
  }

  @Test
  void combinedStreamCrossingBringsTheNextEvaluationForwardToIngestionDown() throws Exception {
    twoWeeksOfCustomers();
    Evaluation e = evaluateAt("2026-01-19T00:03:00Z");
    assertThat(e.findings()).isEmpty();
    // each series alone: 12.28 events at 60/h after 23:59 (00:11:16.983); both as one stream:
    // alpha = 0.2 / 86,400 expected a month, ln(1/alpha) = 12.98 events at ~120/h = 6m 29.3s
    // (the learned rates are 60/h up to rounding; the first millisecond below alpha is .286)
    assertThat(e.nextSilenceAt()).isEqualTo(Instant.parse("2026-01-19T00:05:29.286Z"));
    assertThat(evaluateAt("2026-01-19T00:05:29.285Z").findings()).isEmpty();
    assertThat(evaluateAt("2026-01-19T00:05:29.286Z").findings())
        .extracting(Finding::seriesId, Finding::condition)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("*", Condition.INGESTION_DOWN));
  }

  @Test
  void staticMinimumCountsItsHalfHourWindowExactlyInTheWarehouse() {
    RuleSet rules =
        io.entityflow.alerting.rules.RulesFileParser.parse(
            """
            rules:
              - id: sales-open-hours
                match: {table: sale_v1, operation: CREATED}
                minimum: 40
                window: PT30M
                business-hours: "09:30-17:45"
            """,
            "inline");
    // one sale a minute: 30 in 09:45-10:15 (Sunday 2026-01-18), fewer than 40
    Evaluation e = evaluateAt("2026-01-18T10:15:00Z", rules);
    assertThat(e.findings())
        .singleElement()
        .returns(Condition.BELOW_MINIMUM, Finding::condition)
        .returns(
            "Only 30 CREATED events of retail.sale_v1 in 2026-01-18T09:45:00Z to"
                + " 2026-01-18T10:15:00Z; at least 40 expected in business hours",
            Finding::summary);
    // at 09:50 the window would start at 09:20, before opening: not judged
    assertThat(evaluateAt("2026-01-18T09:50:00Z", rules).findings()).isEmpty();
  }
}
