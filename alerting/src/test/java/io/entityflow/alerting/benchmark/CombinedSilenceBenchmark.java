package io.entityflow.alerting.benchmark;

import io.entityflow.alerting.model.Baseline;
import io.entityflow.alerting.model.CombinedSilence;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Speed benchmark (run by hand, see BENCHMARKS.md): what predicting the combined stream's silence
 * crossing adds to one evaluation of 1,000 series. Baselines with a daily shape (nights at 5% of
 * the day) in four time zones; the search starts at 18:00 UTC with a threshold that is reached only
 * after a night (the slow case: many hours walked, then the bisection) and with the stream's own
 * alpha (the usual case: within the first hour).
 */
public final class CombinedSilenceBenchmark {
  private CombinedSilenceBenchmark() {}

  /** Runs the benchmark; optional arg: series count (default 1000). */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    String[] zones = {"UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"};
    List<Baseline> baselines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] rates = new double[168];
      for (int h = 0; h < 168; h++) {
        int hourOfDay = h % 24;
        rates[h] = (1 + i % 10) * (hourOfDay >= 8 && hourOfDay < 20 ? 1.0 : 0.05);
      }
      baselines.add(
          new Baseline(
              rates,
              1.0,
              i % 3 == 0 ? 0.1 : 0,
              ZoneId.of(zones[i % 4]),
              Duration.ofDays(28),
              h -> false));
    }
    Instant since = Instant.parse("2026-01-05T18:00:00Z");
    CombinedSilence all = new CombinedSilence(baselines, since);
    double usual = Math.log(0.2 / all.expectedPerMonth());
    double slow = all.logProbabilityOfNone(since.plus(Duration.ofHours(20))) + 1e-9;
    for (String name : new String[] {"usual", "slow"}) {
      double logAlpha = name.equals("usual") ? usual : slow;
      Instant at = null;
      long best = Long.MAX_VALUE;
      long first = -1;
      for (int run = 0; run < 20; run++) {
        long t0 = System.nanoTime();
        at = all.improbableSilenceAt(logAlpha, since.plus(Duration.ofDays(1)));
        long took = System.nanoTime() - t0;
        first = first < 0 ? took : first;
        best = Math.min(best, took);
      }
      System.out.printf(
          Locale.ROOT,
          "%s: %d series, crossing at %s, first run %.2f ms, best of 20: %.2f ms%n",
          name,
          n,
          at,
          first / 1e6,
          best / 1e6);
    }
  }
}
