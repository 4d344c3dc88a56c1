package io.entityflow.alerting.backtest;

import io.entityflow.alerting.evaluation.Durations;
import io.entityflow.alerting.model.BaselineSettings;
import io.entityflow.alerting.model.Sensitivity;
import io.entityflow.alerting.model.SeriesHistory;
import io.entityflow.alerting.model.SeriesKey;
import io.entityflow.alerting.notify.Notification;
import io.entityflow.alerting.rules.AlertRule;
import io.entityflow.alerting.rules.RuleSet;
import io.entityflow.alerting.rules.RulesFileParser;
import io.entityflow.alerting.rules.TimeWindow;
import io.entityflow.alerting.warehouse.CountQuery;
import io.entityflow.alerting.warehouse.LocalEventCountSource;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.contract.source.ContractLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code entityflow backtest}: replays history through the service's own judge, lifecycle and
 * scheduler ({@link Backtester}) and prints every notification on-call would have received (FIRING,
 * its repeats and updates, RESOLVED), a summary (pages, updates, resolves, false pages per month),
 * and for each injected outage the detection delay against the Poisson optimum.
 *
 * <pre>{@code
 * entityflow backtest --csv signups.csv --inject-outage 2026-02-03T10:00:00Z/PT3H
 * entityflow backtest --warehouse .entityflow/warehouse --series retail.sale_v1/CREATED --rules alert-rules.yaml
 * entityflow backtest --warehouse wh --contract contract.desc --series logistics.parcel_v1/CREATED
 * }</pre>
 *
 * <p>Exit codes: 0 done, 2 bad arguments or input (the message says what is allowed).
 */
public final class BacktestCli {
  static final String USAGE =
      "usage: entityflow backtest (--csv FILE | --warehouse DIR --series DATASET.TABLE/OPERATION)\n"
          + "  [--contract <descriptor set|dir|git ref>] [--rules FILE]\n"
          + "  [--sensitivity low|medium|high|N] [--time-zone ZONE]\n"
          + "  [--from RFC3339] [--to RFC3339] [--step PT5M] [--inject-outage START/DURATION]...";

  private BacktestCli() {}

  /** Runs and exits with the status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      return execute(args, out);
    } catch (IllegalArgumentException e) {
      err.println("entityflow backtest: " + e.getMessage());
      err.println(USAGE);
      return 2;
    } catch (java.nio.file.NoSuchFileException e) {
      err.println("entityflow backtest: no such file: " + e.getFile());
      return 2;
    } catch (Exception e) {
      err.println("entityflow backtest: " + e.getMessage());
      return 2;
    }
  }

  private static int execute(String[] args, PrintStream out) throws Exception {
    String csv = null;
    String warehouse = null;
    String series = null;
    String contract = null;
    String rulesFile = null;
    String sensitivity = null;
    String zone = null;
    Instant from = null;
    Instant to = null;
    Duration step = Duration.ofMinutes(5);
    List<TimeWindow> outages = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + flag + " needs a value");
      }
      String value = args[++i];
      switch (flag) {
        case "--csv" -> csv = value;
        case "--warehouse" -> warehouse = value;
        case "--series" -> series = value;
        case "--contract" -> contract = value;
        case "--rules" -> rulesFile = value;
        case "--sensitivity" -> sensitivity = value;
        case "--time-zone" -> zone = value;
        case "--from" -> from = Instant.parse(value);
        case "--to" -> to = Instant.parse(value);
        case "--step" -> step = Duration.parse(value);
        case "--inject-outage" -> outages.add(outage(value));
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    if ((csv == null) == (warehouse == null)) {
      throw new IllegalArgumentException("give exactly one of --csv or --warehouse");
    }
    String[] parts = series == null ? new String[] {"csv", "csv", "EVENTS"} : splitSeries(series);
    RuleSet rules =
        rulesFile == null ? RuleSet.defaultsOnly() : RulesFileParser.parse(Path.of(rulesFile));
    AlertRule rule = rules.ruleFor(parts[0], parts[1], parts[2]);
    if (sensitivity != null) {
      rule = rule.withSensitivity(Sensitivity.parse(sensitivity));
    }
    if (zone != null) {
      rule = rule.toBuilder().zone(ZoneId.of(zone)).build();
    }
    BaselineSettings settings = BaselineSettings.defaults();
    List<CountRow> rows =
        csv != null
            ? CsvHistory.read(Path.of(csv))
            : warehouseRows(Path.of(warehouse), ContractLoader.registry(contract), parts, from, to);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("no history found for " + (csv != null ? csv : series));
    }
    Instant start =
        from != null
            ? from
            : rows.get(0).at().plus(settings.minHistory()).plus(settings.excludeRecent());
    Instant end = to != null ? to : rows.get(rows.size() - 1).at();
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException(
          "history too short: the replay needs "
              + Durations.format(settings.minHistory().plus(settings.excludeRecent()))
              + " of learning before --from; history spans "
              + rows.get(0).at()
              + " to "
              + rows.get(rows.size() - 1).at());
    }
    SeriesKey key = new SeriesKey(parts[0], parts[1], parts[2], null);
    BacktestResult result =
        new Backtester(rules, rule, key, settings, step).run(rows, start, end, outages, outages);
    print(out, rule, start, end, step, result);
    return 0;
  }

  private static void print(
      PrintStream out,
      AlertRule rule,
      Instant start,
      Instant end,
      Duration step,
      BacktestResult result) {
    out.println(
        "rule '"
            + rule.id()
            + "' replayed from "
            + start
            + " to "
            + end
            + " ("
            + result.evaluations()
            + " evaluations, every "
            + Durations.format(step)
            + ")");
    List<Incident> injected =
        result.outages().stream()
            .map(
                d ->
                    Incident.outage(
                        "injected", d.outage().from(), d.outage().to(), Backtester.OUTAGE_GRACE))
            .toList();
    for (Notification n : result.notifications()) {
      Instant started = OnCallMessage.of(n).alertStartedAt();
      out.println(
          n.kind().name()
              + (n.repeat() ? " (repeat)" : "")
              + " "
              + n.at()
              + " "
              + n.condition()
              + " "
              + n.dedupKey()
              + (injected.stream().anyMatch(i -> i.attributes(started)) ? " [injected outage]" : "")
              + ": "
              + n.summary());
    }
    NotificationScore score = result.score();
    out.println(
        String.format(
            Locale.ROOT,
            "summary: %d pages, %d updates, %d resolves; %d false pages outside injected outages"
                + " (%.2f per month)",
            score.pages(),
            score.updates(),
            score.resolves(),
            score.falsePages(),
            score.falsePagesPerMonth()));
    for (OutageDetection d : result.outages()) {
      out.println(
          "outage "
              + d.outage().from()
              + " to "
              + d.outage().to()
              + ": "
              + (d.detectedAt() == null ? "NOT detected" : detected(d))
              + ", "
              + d.notifications()
              + (d.notifications() == 1 ? " notification" : " notifications"));
    }
  }

  /**
   * The detection delay against the Poisson optimum, or, without an optimum, the delay and why
   * there is no ratio.
   */
  static String detected(OutageDetection d) {
    String delay = "detected after " + Durations.format(d.delay());
    if (d.ratio().isEmpty()) {
      return delay + " (ratio n/a: " + noRatioReason(d) + ")";
    }
    return String.format(
        Locale.ROOT,
        "%s (Poisson optimum %s, %.2fx)",
        delay,
        Durations.format(d.optimum()),
        d.ratio().getAsDouble());
  }

  private static String noRatioReason(OutageDetection d) {
    return d.noOptimumReason() != null
        ? d.noOptimumReason()
        : "Poisson optimum " + Durations.format(d.optimum());
  }

  private static List<CountRow> warehouseRows(
      Path root, EntityRegistry registry, String[] parts, Instant from, Instant to) {
    Instant end = to != null ? to : Instant.now();
    Instant start =
        from != null
            ? from.minus(BaselineSettings.defaults().lookback())
            : end.minus(Duration.ofDays(90));
    LocalEventCountSource source = new LocalEventCountSource(root, registry);
    List<CountRow> rows = new ArrayList<>();
    for (SeriesHistory h :
        source.hourlyCounts(new CountQuery(parts[0], parts[1], null, start, end))) {
      if (!h.key().operation().equals(parts[2])) {
        continue;
      }
      for (int i = 0; i < h.counts().size(); i++) {
        rows.add(new CountRow(h.counts().hourStart(i), h.counts().count(i)));
      }
    }
    return rows;
  }

  private static String[] splitSeries(String series) {
    int slash = series.indexOf('/');
    int dot = series.indexOf('.');
    if (slash < 0 || dot < 0 || dot > slash) {
      throw new IllegalArgumentException(
          "--series must look like retail.sale_v1/CREATED, got '" + series + "'");
    }
    return new String[] {
      series.substring(0, dot), series.substring(dot + 1, slash), series.substring(slash + 1)
    };
  }

  private static TimeWindow outage(String value) {
    int slash = value.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException(
          "--inject-outage must look like 2026-02-03T10:00:00Z/PT3H, got '" + value + "'");
    }
    Instant start = Instant.parse(value.substring(0, slash));
    return new TimeWindow(
        start, start.plus(Duration.parse(value.substring(slash + 1))), "injected");
  }
}
