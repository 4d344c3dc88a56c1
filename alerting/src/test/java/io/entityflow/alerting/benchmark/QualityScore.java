package io.entityflow.alerting.benchmark;

import io.entityflow.alerting.backtest.Backtester;
import io.entityflow.alerting.backtest.Incident;
import io.entityflow.alerting.backtest.NotificationScore;
import io.entityflow.alerting.backtest.OnCallMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores the alert-quality benchmark's notifications, the new backtester's ({@code after/}) and,
 * when present, the pre-rewrite {@code BacktestCli}'s output ({@code before/}: each FIRING line =
 * one page and, when it resolved, one resolve), with the same {@link NotificationScore}: incident
 * windows are an outage's {@code [from, to + 6h)} and a level shift's first 7 days; every other
 * page is false. Prints one markdown table per series class, before and after side by side.
 *
 * <pre>{@code
 * QualityScore.print(Path.of("target/alert-quality"), System.out);
 * }</pre>
 */
final class QualityScore {
  static final Duration SETTLE = Duration.ofDays(7);
  private static final Pattern OLD_LINE =
      Pattern.compile("^FIRING (\\S+) (?:RESOLVED (\\S+)|\\(still firing\\)) .*");

  /** One line of truth.csv. */
  record Outage(int series, String kind, Instant from, Instant to, double factor) {
    boolean outage() {
      return kind.equals("total") || kind.equals("near-total");
    }
  }

  /** One series' score and what it is scored with. */
  record Scored(
      int series,
      String cls,
      NotificationScore score,
      List<Outage> truth,
      List<Long> optimumSeconds) {}

  private QualityScore() {}

  static List<Outage> readTruth(Path dir) throws IOException {
    List<Outage> out = new ArrayList<>();
    for (String line :
        Files.readAllLines(dir.resolve("truth.csv"))
            .subList(1, Files.readAllLines(dir.resolve("truth.csv")).size())) {
      String[] p = line.split(",");
      out.add(
          new Outage(
              Integer.parseInt(p[0]),
              p[1],
              Instant.parse(p[2]),
              Instant.parse(p[3]),
              Double.parseDouble(p[4])));
    }
    return out;
  }

  /** The incidents of one series, outages first (in truth order), then level shifts. */
  static List<Incident> incidents(List<Outage> truth) {
    List<Incident> incidents = new ArrayList<>();
    for (Outage o : truth) {
      if (o.outage()) {
        incidents.add(Incident.outage(o.kind(), o.from(), o.to(), Backtester.OUTAGE_GRACE));
      }
    }
    for (Outage o : truth) {
      if (o.kind().equals("shift")) {
        incidents.add(Incident.levelShift("shift", o.from(), SETTLE));
      }
    }
    return incidents;
  }

  /** The new backtester's messages, from its tsv. */
  static List<OnCallMessage> readAfter(Path file) throws IOException {
    List<OnCallMessage> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      String[] p = line.split("\t");
      out.add(
          new OnCallMessage(
              Instant.parse(p[0]), Instant.parse(p[1]), OnCallMessage.Kind.valueOf(p[2])));
    }
    return out;
  }

  /** The old BacktestCli's alerts as messages: a page per FIRING line and its resolve. */
  static List<OnCallMessage> parseBefore(List<String> lines) {
    List<OnCallMessage> out = new ArrayList<>();
    for (String line : lines) {
      Matcher m = OLD_LINE.matcher(line);
      if (m.matches()) {
        Instant fired = Instant.parse(m.group(1));
        out.add(new OnCallMessage(fired, fired, OnCallMessage.Kind.PAGE));
        if (m.group(2) != null) {
          out.add(new OnCallMessage(Instant.parse(m.group(2)), fired, OnCallMessage.Kind.RESOLVE));
        }
      }
    }
    out.sort((a, b) -> a.at().compareTo(b.at()));
    return out;
  }

  static void print(Path dir, PrintStream out) throws IOException {
    String[] span = Files.readString(dir.resolve("span.txt")).trim().split(",");
    Duration replayed = Duration.between(Instant.parse(span[0]), Instant.parse(span[1]));
    List<Outage> truth = readTruth(dir);
    Map<Integer, String> classes = new HashMap<>();
    for (String line : Files.readAllLines(dir.resolve("series.csv"))) {
      String[] p = line.split(",");
      if (!p[0].equals("series")) {
        classes.put(Integer.parseInt(p[0]), p[1]);
      }
    }
    Map<String, Long> optimum = new HashMap<>();
    for (String line : Files.readAllLines(dir.resolve("after").resolve("optimum.csv"))) {
      String[] p = line.split(",");
      if (!p[0].equals("series") && !p[2].equals("-")) {
        optimum.put(p[0] + "," + p[1], Long.parseLong(p[2]));
      }
    }
    Map<String, List<Scored>> runs = new LinkedHashMap<>();
    boolean before = Files.isDirectory(dir.resolve("before"));
    if (before) {
      runs.put(
          "before",
          score(
              dir,
              classes,
              truth,
              optimum,
              replayed,
              i ->
                  parseBefore(
                      lines(
                          dir.resolve("before").resolve(AlertQualityBenchmark.name(i) + ".txt")))));
    }
    runs.put(
        "after",
        score(
            dir,
            classes,
            truth,
            optimum,
            replayed,
            i -> {
              try {
                return readAfter(
                    dir.resolve("after").resolve(AlertQualityBenchmark.name(i) + ".tsv"));
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            }));
    out.printf(
        Locale.ROOT,
        "%d series, judged %s to %s (%.1f days each)%n%n",
        classes.size(),
        span[0],
        span[1],
        replayed.toMinutes() / 1440.0);
    for (String cls : List.of("all", "low", "holiday", "shift", "regular")) {
      Map<String, List<String>> columns = new LinkedHashMap<>();
      List<String> names = null;
      for (Map.Entry<String, List<Scored>> run : runs.entrySet()) {
        List<Scored> group =
            run.getValue().stream().filter(s -> cls.equals("all") || s.cls().equals(cls)).toList();
        Map<String, String> figures = QualityFigures.of(group, replayed);
        names = new ArrayList<>(figures.keySet());
        columns.put(run.getKey(), new ArrayList<>(figures.values()));
      }
      out.println("### " + cls + (cls.equals("all") ? "" : " series"));
      out.println();
      out.println("| figure | " + String.join(" | ", columns.keySet()) + " |");
      out.println("|---|" + "---|".repeat(columns.size()));
      for (int r = 0; r < names.size(); r++) {
        StringBuilder row = new StringBuilder("| " + names.get(r) + " |");
        for (List<String> col : columns.values()) {
          row.append(' ').append(col.get(r)).append(" |");
        }
        out.println(row);
      }
      out.println();
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Scored> score(
      Path dir,
      Map<Integer, String> classes,
      List<Outage> truth,
      Map<String, Long> optimum,
      Duration replayed,
      Function<Integer, List<OnCallMessage>> messages) {
    List<Scored> out = new ArrayList<>();
    for (int i = 0; i < classes.size(); i++) {
      int index = i;
      List<Outage> own = truth.stream().filter(o -> o.series() == index).toList();
      List<Long> optima = new ArrayList<>();
      for (Outage o : own) {
        if (o.outage()) {
          optima.add(optimum.get(index + "," + o.from()));
        }
      }
      out.add(
          new Scored(
              index,
              classes.get(index),
              NotificationScore.of(messages.apply(index), incidents(own), replayed),
              own,
              optima));
    }
    return out;
  }
}
