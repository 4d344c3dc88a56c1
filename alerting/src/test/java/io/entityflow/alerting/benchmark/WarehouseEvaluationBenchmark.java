package io.entityflow.alerting.benchmark;

import io.entityflow.alerting.evaluation.Evaluation;
import io.entityflow.alerting.evaluation.Evaluator;
import io.entityflow.alerting.model.BaselineSettings;
import io.entityflow.alerting.rules.RuleSet;
import io.entityflow.alerting.rules.RulesFileParser;
import io.entityflow.alerting.rules.WatchedTable;
import io.entityflow.alerting.warehouse.LocalEventCountSource;
import io.entityflow.alerting.warehouse.TestWarehouse;
import io.entityflow.contract.registry.EntityRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Speed benchmark (run by hand, see BENCHMARKS.md): one evaluation of 1,000 series against the
 * local warehouse: {@code retail.sale_v1} segmented by {@code store_id} (250 stores x 4
 * operations), 29 days of history (2 events per series and hour, 1.39 million rows in Parquet).
 */
public final class WarehouseEvaluationBenchmark {
  private WarehouseEvaluationBenchmark() {}

  /** Runs the benchmark; optional arg: the warehouse directory to (re)use. */
  public static void main(String[] args) throws Exception {
    Path root = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("alerting-bench");
    if (!Files.exists(root.resolve("retail/sale_v1"))) {
      long t0 = System.nanoTime();
      TestWarehouse.write(
          root,
          "retail",
          "sale_v1",
          "SELECT op AS operation, 'store-' || s AS store_id, TIMESTAMPTZ '2026-01-05"
              + " 00:00:00+00' + to_seconds(h * 3600 + (k * 1800 + s * 7) % 3600) AS occurred_at FROM range(0,"
              + " 696) t(h), range(0, 250) u(s), (VALUES ('CREATED'), ('UPDATED'), ('DELETED'),"
              + " ('SNAPSHOT')) o(op), range(0, 2) v(k)");
      System.out.printf(
          Locale.ROOT, "wrote test data in %.1fs to %s%n", (System.nanoTime() - t0) / 1e9, root);
    }
    EntityRegistry registry = EntityRegistry.load();
    RuleSet rules =
        RulesFileParser.parse(
            "rules:\n  - id: per-store\n    match: {table: sale_v1}\n    segment: store_id\n",
            "benchmark");
    List<WatchedTable> sales =
        rules.watched(registry).stream().filter(t -> t.table().equals("sale_v1")).toList();
    Evaluator evaluator =
        new Evaluator(
            new LocalEventCountSource(root, registry),
            rules,
            sales,
            BaselineSettings.defaults(),
            Duration.ofMinutes(15),
            Clock.fixed(Instant.parse("2026-02-02T23:59:59Z"), ZoneOffset.UTC));
    for (int run = 1; run <= 5; run++) {
      long t0 = System.nanoTime();
      Evaluation e = evaluator.evaluate();
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "run %d: %d series evaluated, %d findings in %.3fs%n",
          run,
          e.series().size(),
          e.findings().size(),
          seconds);
      e.findings().forEach(f -> System.out.println("  finding: " + f.summary()));
    }
  }
}
