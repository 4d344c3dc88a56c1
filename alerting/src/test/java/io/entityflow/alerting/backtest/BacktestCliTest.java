package io.entityflow.alerting.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.alerting.rules.TimeWindow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestCliTest {
  @TempDir Path dir;

  /** 10 days of one event per minute from 2026-01-05T00:00:00Z. */
  private Path steadyCsv() throws Exception {
    StringBuilder csv = new StringBuilder("timestamp,count\n");
    Instant t = Instant.parse("2026-01-05T00:00:00Z");
    for (int i = 0; i < 240 * 60; i++) {
      csv.append(t.plusSeconds(60L * i)).append(",1\n");
    }
    Path file = dir.resolve("history.csv");
    Files.writeString(file, csv);
    return file;
  }

  private String[] run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        BacktestCli.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new String[] {
      String.valueOf(status),
      out.toString(StandardCharsets.UTF_8),
      err.toString(StandardCharsets.UTF_8)
    };
  }

  @Test
  void injectedOutageIsDetectedAndItsDelayComparedToThePoissonOptimum() throws Exception {
    String[] r =
        run("--csv", steadyCsv().toString(), "--inject-outage", "2026-01-14T10:00:00Z/PT3H");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1].lines().toList())
        .containsExactly(
            "rule 'default' replayed from 2026-01-13T00:00:00Z to 2026-01-14T23:59:00Z (577"
                + " evaluations, every 5m)",
            "FIRING 2026-01-14T10:12:00.371Z SILENCE ef-0b2d6b90dba2ef13 [injected outage]: No"
                + " EVENTS events of csv.csv since 2026-01-14T09:59:30Z (12m): 12.5 expected,"
                + " P(none) = 3.7e-06 < alpha 3.7e-06; time to detect 12m",
            "UPDATED 2026-01-14T13:12:00.371Z DROP ef-0b2d6b90dba2ef13 [injected outage]:"
                + " csv.csv/EVENTS eased from SILENCE to DROP: EVENTS events of csv.csv dropped: 0"
                + " observed vs 180.0 expected since 2026-01-14T10:00:00Z (CUSUM 90.0 > 9.8)",
            "RESOLVED 2026-01-14T14:17:00.371Z DROP ef-0b2d6b90dba2ef13 [injected outage]:"
                + " csv.csv/EVENTS is back to its expected level: 20 in the last 20m (since"
                + " 2026-01-14T13:57:00.371Z, latest at 2026-01-14T14:16:30Z), 20.0 expected,"
                + " P(at most 20) = 0.56 >= 0.01",
            "summary: 1 pages, 1 updates, 1 resolves; 0 false pages outside injected outages"
                + " (0.00 per month)",
            "outage 2026-01-14T10:00:00Z to 2026-01-14T13:00:00Z: detected after 12m (Poisson"
                + " optimum 13m, 0.92x), 2 notifications");
  }

  @Test
  void steadyHistoryRaisesNoAlert() throws Exception {
    String[] r = run("--csv", steadyCsv().toString());
    assertThat(r[1].lines().toList())
        .containsExactly(
            "rule 'default' replayed from 2026-01-13T00:00:00Z to 2026-01-14T23:59:00Z (576"
                + " evaluations, every 5m)",
            "summary: 0 pages, 0 updates, 0 resolves; 0 false pages outside injected outages"
                + " (0.00 per month)");
  }

  @Test
  void replaysHourlyCountsFromTheLocalWarehouse() throws Exception {
    Path root = dir.resolve("warehouse");
    io.entityflow.alerting.warehouse.TestWarehouse.write(
        root,
        "retail",
        "sale_v1",
        io.entityflow.alerting.warehouse.TestWarehouse.salesPerMinute(
            "2026-01-05 00:00:00+00", 10 * 1440));
    String[] r =
        run(
            "--warehouse", root.toString(),
            "--series", "retail.sale_v1/CREATED",
            "--from", "2026-01-13T00:00:00Z",
            "--to", "2026-01-14T23:00:00Z",
            "--inject-outage", "2026-01-14T10:00:00Z/PT3H");
    assertThat(r[0]).isEqualTo("0");
    List<String> lines = r[1].lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "rule 'default' replayed from 2026-01-13T00:00:00Z to 2026-01-14T23:00:00Z (565"
                + " evaluations, every 5m)");
    // hourly history: each hour's 60 events are spread over it (the last of 09:00 at 09:59:30),
    // and the empty 10:00 hour is seen as it passes, so the silence is caught when it becomes
    // significant (12.5 expected events after the last one), not at the end of the hour
    assertThat(lines.get(1))
        .isEqualTo(
            "FIRING 2026-01-14T10:12:00.371Z SILENCE ef-6b9c5a29b1f4230a [injected outage]: No CREATED"
                + " events of retail.sale_v1 since 2026-01-14T09:59:30Z (12m): 12.5 expected,"
                + " P(none) = 3.7e-06 < alpha 3.7e-06; time to detect 12m");
    assertThat(lines)
        .contains(
            "outage 2026-01-14T10:00:00Z to 2026-01-14T13:00:00Z: detected after 12m (Poisson"
                + " optimum 13m, 0.92x), 2 notifications");
  }

  @Test
  void replaysAnEntityOfTheContractTheContractOptionNames() throws Exception {
    Path root = dir.resolve("warehouse");
    io.entityflow.alerting.warehouse.TestWarehouse.write(
        root,
        "logistics",
        "parcel_v1",
        "SELECT 'CREATED' AS operation, TIMESTAMPTZ '2026-01-05 00:00:00+00' + to_minutes(i)"
            + " AS occurred_at, 'p-' || i AS parcel_id FROM range(0, 14400) t(i)");
    Path contract =
        io.entityflow.contract.testing.OwnContract.writeDescriptorSet(dir.resolve("contract.desc"));

    String[] r =
        run(
            "--warehouse", root.toString(),
            "--contract", contract.toString(),
            "--series", "logistics.parcel_v1/CREATED",
            "--from", "2026-01-13T00:00:00Z",
            "--to", "2026-01-14T23:00:00Z");

    assertThat(r[2]).isEmpty();
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1].lines().toList())
        .containsExactly(
            "rule 'default' replayed from 2026-01-13T00:00:00Z to 2026-01-14T23:00:00Z (565"
                + " evaluations, every 5m)",
            "summary: 0 pages, 0 updates, 0 resolves; 0 false pages outside injected outages"
                + " (0.00 per month)");
  }

  @Test
  void staticMinimumReplaysItsRollingHalfHourWindowInBusinessHoursGivenToTheMinute()
      throws Exception {
    Path rules = dir.resolve("rules.yaml");
    Files.writeString(
        rules,
        "rules:\n  - id: open-hours\n    match: {dataset: csv}\n    minimum: 20\n"
            + "    window: PT30M\n    business-hours: \"09:30-17:45\"\n");
    String[] r =
        run(
            "--csv", steadyCsv().toString(),
            "--rules", rules.toString(),
            "--from", "2026-01-14T00:00:00Z",
            "--to", "2026-01-14T23:59:00Z",
            "--inject-outage", "2026-01-14T10:00:00Z/PT1H");
    assertThat(r[0]).isEqualTo("0");
    // one event a minute (at :30 s): 15 in 09:45-10:15; 20 again in 10:50-11:20
    assertThat(r[1].lines().toList())
        .containsExactly(
            "rule 'open-hours' replayed from 2026-01-14T00:00:00Z to 2026-01-14T23:59:00Z (288"
                + " evaluations, every 5m)",
            "FIRING 2026-01-14T10:15:00Z BELOW_MINIMUM ef-08bf200d16b54834 [injected outage]:"
                + " Only 15 EVENTS events of csv.csv in 2026-01-14T09:45:00Z to"
                + " 2026-01-14T10:15:00Z; at least 20 expected in business hours",
            "RESOLVED 2026-01-14T11:20:00Z BELOW_MINIMUM ef-08bf200d16b54834 [injected outage]:"
                + " csv.csv/EVENTS is back above its minimum: 20 events in the last window,"
                + " minimum 20",
            "summary: 1 pages, 0 updates, 1 resolves; 0 false pages outside injected outages"
                + " (0.00 per month)",
            "outage 2026-01-14T10:00:00Z to 2026-01-14T11:00:00Z: detected after 15m (ratio"
                + " n/a: static rule, no Poisson optimum), 2 notifications");
    assertThat(r[1]).doesNotContain("NaN");
  }

  @Test
  void detectionWithoutOptimumPrintsTheDelayAndWhyThereIsNoRatio() {
    TimeWindow outage =
        new TimeWindow(
            Instant.parse("2026-01-14T10:00:00Z"), Instant.parse("2026-01-14T13:00:00Z"), "x");
    OutageDetection learning =
        new OutageDetection(
            outage,
            Instant.parse("2026-01-14T12:05:00Z"),
            Duration.ofMinutes(125),
            null,
            "no learned baseline at the outage start",
            0,
            2);
    assertThat(BacktestCli.detected(learning))
        .isEqualTo("detected after 2h 5m (ratio n/a: no learned baseline at the outage start)");
    OutageDetection learned =
        new OutageDetection(
            outage,
            Instant.parse("2026-01-14T10:09:00Z"),
            Duration.ofMinutes(9),
            Duration.ofMinutes(8),
            null,
            1e-5,
            2);
    assertThat(BacktestCli.detected(learned))
        .isEqualTo("detected after 9m (Poisson optimum 8m, 1.13x)");
  }

  @Test
  void missingCsvIsNamed() {
    Path missing = dir.resolve("missing.csv");
    String[] r = run("--csv", missing.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2])
        .isEqualTo("entityflow backtest: no such file: " + missing + System.lineSeparator());
  }

  @Test
  void badCsvLineIsRefusedNamingLineAndFormat() throws Exception {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "timestamp,count\n2026-01-05T00:00:00Z,many\n");
    String[] r = run("--csv", file.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2].lines().findFirst().orElseThrow())
        .isEqualTo(
            "entityflow backtest: "
                + file
                + " line 2: '2026-01-05T00:00:00Z,many' is not 'timestamp,count' (e.g."
                + " 2026-01-05T10:00:00Z,12 with a count >= 0)");
  }
}
