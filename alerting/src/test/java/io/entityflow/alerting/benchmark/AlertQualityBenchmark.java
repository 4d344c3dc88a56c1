package io.entityflow.alerting.benchmark;

import io.entityflow.alerting.backtest.BacktestResult;
import io.entityflow.alerting.backtest.Backtester;
import io.entityflow.alerting.backtest.CountRow;
import io.entityflow.alerting.backtest.CsvHistory;
import io.entityflow.alerting.backtest.OnCallMessage;
import io.entityflow.alerting.backtest.OutageDetection;
import io.entityflow.alerting.model.BaselineSettings;
import io.entityflow.alerting.model.SeriesKey;
import io.entityflow.alerting.notify.Notification;
import io.entityflow.alerting.rules.AlertRule;
import io.entityflow.alerting.rules.RuleSet;
import io.entityflow.alerting.rules.RulesFileParser;
import io.entityflow.alerting.rules.TimeWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Alert-quality benchmark (run by hand through {@code scripts/alert-quality-benchmark.sh}, see
 * BENCHMARKS.md): generates synthetic series with injected incidents ({@link QualitySeries}),
 * replays each through the service's judge, lifecycle and scheduler ({@link Backtester}), and
 * scores the notifications on-call would have received ({@link QualityScore}).
 *
 * <pre>{@code
 * AlertQualityBenchmark generate DIR [SERIES=100] [WEEKS=12] [SEED=42]
 * AlertQualityBenchmark run DIR [--step PT5M] [--threads 2] [--rules FILE] [--series 23,87]
 * AlertQualityBenchmark score DIR     # after/ and, when present, before/ side by side
 * }</pre>
 *
 * <p>Files in DIR: {@code csv/series-NNN.csv} (timestamp,count), {@code truth.csv} (series, kind =
 * total | near-total | shift | holiday, from, to, factor), {@code series.csv}, {@code span.txt}
 * (the judged span), {@code rules.yaml}; {@code after/series-NNN.tsv} (at, alert start, PAGE |
 * UPDATE | RESOLVE, kind, repeat, condition, summary) and {@code after/optimum.csv}.
 */
public final class AlertQualityBenchmark {
  static final Instant START = Instant.parse("2025-10-06T00:00:00Z");

  private AlertQualityBenchmark() {}

  /** Runs one command. */
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      throw new IllegalArgumentException(
          "usage: AlertQualityBenchmark generate|run|score DIR [options], got " + List.of(args));
    }
    Path dir = Path.of(args[1]);
    switch (args[0]) {
      case "generate" ->
          generate(
              dir,
              args.length > 2 ? Integer.parseInt(args[2]) : 100,
              args.length > 3 ? Integer.parseInt(args[3]) : 12,
              args.length > 4 ? Long.parseLong(args[4]) : 42);
      case "run" ->
          run(
              dir,
              option(args, "--step", "PT5M"),
              option(args, "--threads", "2"),
              option(args, "--rules", dir.resolve("rules.yaml").toString()),
              option(args, "--series", ""));
      case "score" -> QualityScore.print(dir, System.out);
      default ->
          throw new IllegalArgumentException(
              "unknown command '" + args[0] + "'; allowed: generate, run, score");
    }
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 2; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  static void generate(Path dir, int count, int weeks, long seed) throws IOException {
    Files.createDirectories(dir.resolve("csv"));
    StringBuilder truth = new StringBuilder("series,kind,from,to,factor\n");
    StringBuilder series =
        new StringBuilder("series,class,base_per_hour,peak_hour,night,weekend,cv\n");
    Instant holidayFrom = null;
    Instant holidayTo = null;
    for (int i = 0; i < count; i++) {
      QualitySeries s = new QualitySeries(seed, i, START, weeks);
      holidayFrom = s.holidayFrom;
      holidayTo = s.holidayTo;
      StringBuilder csv = new StringBuilder("timestamp,count\n");
      for (CountRow r : s.rows()) {
        csv.append(r.at()).append(',').append(r.count()).append('\n');
      }
      Files.writeString(dir.resolve("csv").resolve(name(i) + ".csv"), csv);
      series.append(s.describe()).append('\n');
      for (QualitySeries.Truth t : s.truth) {
        truth.append(
            String.format(
                Locale.ROOT, "%d,%s,%s,%s,%.4f%n", i, t.kind(), t.from(), t.to(), t.factor()));
      }
    }
    Files.writeString(dir.resolve("truth.csv"), truth);
    Files.writeString(dir.resolve("series.csv"), series);
    BaselineSettings settings = BaselineSettings.defaults();
    Instant from = START.plus(settings.minHistory()).plus(settings.excludeRecent());
    Instant to = START.plus(Duration.ofDays(7L * weeks)).minus(QualitySeries.ROW);
    Files.writeString(dir.resolve("span.txt"), from + "," + to + "\n");
    Files.writeString(
        dir.resolve("rules.yaml"),
        "# Alert-quality benchmark: the service's default rule for every series.\n"
            + "# Holiday season of the 'holiday' series (class 1): "
            + holidayFrom
            + " to "
            + holidayTo
            + "\n# (flatter daily shape, nights 3x busier). A rules file with a seasonal calendar\n"
            + "# for these dates can be given to the run: AlertQualityBenchmark run DIR --rules FILE\n"
            + "# (scripts/alert-quality-benchmark.sh: NEW_RULES=FILE).\n"
            + "defaults:\n  sensitivity: medium\n");
    // the same with the holiday season as a calendar period, as a user marks it (dates in UTC,
    // both days included); the code before the calendar existed refuses the key
    Files.writeString(
        dir.resolve("rules-calendar.yaml"),
        "# Alert-quality benchmark: the default rule with the holiday season as a calendar period.\n"
            + "defaults:\n  sensitivity: medium\n  calendar:\n    - {name: holiday season, from: "
            + holidayFrom.atZone(java.time.ZoneOffset.UTC).toLocalDate()
            + ", to: "
            + holidayTo.minusNanos(1).atZone(java.time.ZoneOffset.UTC).toLocalDate()
            + "}\n");
    System.out.printf(
        Locale.ROOT, "generated %d series x %d weeks (seed %d) in %s%n", count, weeks, seed, dir);
  }

  /**
   * Replays the series of {@code DIR/csv} into {@code DIR/after}; {@code series} (comma-separated
   * indices, empty = all) replays only those, e.g. to iterate on the failing ones.
   */
  static void run(Path dir, String step, String threads, String rulesFile, String series)
      throws Exception {
    String[] span = Files.readString(dir.resolve("span.txt")).trim().split(",");
    Instant from = Instant.parse(span[0]);
    Instant to = Instant.parse(span[1]);
    RuleSet rules = RulesFileParser.parse(Path.of(rulesFile));
    AlertRule rule = rules.ruleFor("csv", "csv", "EVENTS");
    List<QualityScore.Outage> outages = QualityScore.readTruth(dir);
    Path out = dir.resolve("after");
    Files.createDirectories(out);
    List<Path> files;
    try (var s = Files.list(dir.resolve("csv"))) {
      files = s.sorted().toList();
    }
    if (!series.isBlank()) {
      Set<String> wanted = new HashSet<>();
      for (String i : series.split(",")) {
        wanted.add(name(Integer.parseInt(i.trim())) + ".csv");
      }
      files = files.stream().filter(f -> wanted.contains(f.getFileName().toString())).toList();
      if (files.size() != wanted.size()) {
        throw new IllegalArgumentException(
            "--series "
                + series
                + ": only "
                + files.size()
                + " of them are in "
                + dir.resolve("csv"));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(Integer.parseInt(threads));
    long began = System.nanoTime();
    List<Future<String>> done = new ArrayList<>();
    for (Path file : files) {
      int index = Integer.parseInt(file.getFileName().toString().replaceAll("\\D", ""));
      List<TimeWindow> watch =
          outages.stream()
              .filter(o -> o.series() == index && o.outage())
              .map(o -> new TimeWindow(o.from(), o.to(), o.kind()))
              .toList();
      done.add(
          pool.submit(
              () -> {
                long t0 = System.nanoTime();
                List<CountRow> rows = CsvHistory.read(file);
                BacktestResult r =
                    new Backtester(
                            rules,
                            rule,
                            new SeriesKey("csv", "csv", "EVENTS", null),
                            BaselineSettings.defaults(),
                            Duration.parse(step))
                        .run(rows, from, to, List.of(), watch);
                write(out.resolve(name(index) + ".tsv"), r);
                StringBuilder optimum = new StringBuilder();
                for (OutageDetection d : r.outages()) {
                  optimum.append(
                      String.format(
                          Locale.ROOT,
                          "%d,%s,%s,%.3e%n",
                          index,
                          d.outage().from(),
                          d.optimum() == null ? "-" : d.optimum().getSeconds(),
                          d.alpha()));
                }
                System.err.printf(
                    Locale.ROOT,
                    "%s: %d evaluations, %d notifications, %.1fs%n",
                    name(index),
                    r.evaluations(),
                    r.notifications().size(),
                    (System.nanoTime() - t0) / 1e9);
                return optimum.toString();
              }));
    }
    StringBuilder optimum = new StringBuilder("series,outage_from,optimum_seconds,alpha\n");
    for (Future<String> f : done) {
      optimum.append(f.get());
    }
    pool.shutdown();
    Files.writeString(out.resolve("optimum.csv"), optimum);
    System.out.printf(
        Locale.ROOT,
        "replayed %d series every %s with %s threads in %.1fs%n",
        files.size(),
        step,
        threads,
        (System.nanoTime() - began) / 1e9);
  }

  private static void write(Path file, BacktestResult r) {
    StringBuilder tsv = new StringBuilder();
    for (Notification n : r.notifications()) {
      OnCallMessage m = OnCallMessage.of(n);
      tsv.append(m.at())
          .append('\t')
          .append(m.alertStartedAt())
          .append('\t')
          .append(m.kind())
          .append('\t')
          .append(n.kind().name())
          .append('\t')
          .append(n.repeat())
          .append('\t')
          .append(n.condition())
          .append('\t')
          .append(n.summary().replace('\t', ' '))
          .append('\n');
    }
    try {
      Files.writeString(file, tsv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String name(int index) {
    return String.format(Locale.ROOT, "series-%03d", index);
  }
}
