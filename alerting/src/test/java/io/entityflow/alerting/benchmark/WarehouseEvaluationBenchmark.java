package io.entityflow.alerting.benchmark;

import io.entityflow.alerting.evaluation.Evaluation;
import io.entityflow.alerting.service.AlertingService;
import io.entityflow.alerting.warehouse.TestWarehouse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Speed benchmark (run by hand, see BENCHMARKS.md): what a user sees of one evaluation of 1,000
 * series against the local warehouse. Starts the service's application context in a fresh JVM
 * (scheduler on, as deployed) and reports the start-up time and the duration of the FIRST scheduled
 * evaluation (timer {@code entityflow.alerting.evaluation.duration}), then four more evaluations.
 * Data: {@code retail.sale_v1} segmented by {@code store_id} (250 stores x 4 operations), 29 days
 * of history (2 events per series and hour, 1.39 million rows in Parquet); the other contract
 * tables are watched too (empty).
 */
public final class WarehouseEvaluationBenchmark {
  private WarehouseEvaluationBenchmark() {}

  /**
   * Runs the benchmark; optional args: the warehouse directory to (re)use, and the service clock's
   * start (default {@code 2026-02-02T23:59:59Z}, 56 s after the last event: ingestion down; {@code
   * 2026-02-02T23:59:10Z} judges before the combined stream is silent, so the evaluation also
   * predicts its crossing).
   */
  public static void main(String[] args) throws Exception {
    Path root = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("alerting-bench");
    if (!Files.exists(root.resolve("retail/sale_v1"))) {
      long t0 = System.nanoTime();
      TestWarehouse.write(
          root,
          "retail",
          "sale_v1",
          "SELECT op AS operation, 'store-' || s AS store_id, TIMESTAMPTZ '2026-01-05"
              + " 00:00:00+00' + to_seconds(h * 3600 + (k * 1800 + s * 7) % 3600) AS occurred_at"
              + " FROM range(0, 696) t(h), range(0, 250) u(s), (VALUES ('CREATED'), ('UPDATED'),"
              + " ('DELETED'), ('SNAPSHOT')) o(op), range(0, 2) v(k)");
      System.out.printf(
          Locale.ROOT, "wrote test data in %.1fs to %s%n", (System.nanoTime() - t0) / 1e9, root);
      return;
    }
    Path rules = Files.createTempFile("alerting-bench-rules", ".yaml");
    Files.writeString(
        rules, "rules:\n  - id: per-store\n    match: {table: sale_v1}\n    segment: store_id\n");
    Map<String, Object> properties = new HashMap<>();
    properties.put("entityflow.alerting.local.root", root.toString());
    properties.put("entityflow.alerting.rules-file", rules.toString());
    properties.put("entityflow.alerting.state-file", "");
    properties.put(
        "entityflow.alerting.clock-start", args.length > 1 ? args[1] : "2026-02-02T23:59:59Z");
    properties.put("entityflow.alerting.evaluation-interval", "PT1H");
    properties.put("entityflow.alerting.notify.console.enabled", "false");
    long started = System.nanoTime();
    try (ApplicationContext context = ApplicationContext.run(properties)) {
      double startup = (System.nanoTime() - started) / 1e9;
      Timer timer =
          context.getBean(MeterRegistry.class).timer("entityflow.alerting.evaluation.duration");
      AlertingService service = context.getBean(AlertingService.class);
      while (timer.count() < 1 || service.lastEvaluation().series().isEmpty()) {
        Thread.sleep(5);
      }
      Evaluation first = service.lastEvaluation();
      System.out.printf(
          Locale.ROOT,
          "context started in %.3fs; first scheduled evaluation: %d series, %d findings in %.3fs%n",
          startup,
          first.series().size(),
          first.findings().size(),
          timer.totalTime(TimeUnit.NANOSECONDS) / 1e9);
      for (int run = 2; run <= 5; run++) {
        long t0 = System.nanoTime();
        Evaluation e = service.evaluateNow();
        System.out.printf(
            Locale.ROOT,
            "evaluation %d: %d series, %d findings in %.3fs (evaluate and notify)%n",
            run,
            e.series().size(),
            e.findings().size(),
            (System.nanoTime() - t0) / 1e9);
      }
      first.findings().forEach(f -> System.out.println("  finding: " + f.summary()));
      System.out.println("  next silence predicted at: " + first.nextSilenceAt());
    } finally {
      Files.deleteIfExists(rules);
    }
  }
}
