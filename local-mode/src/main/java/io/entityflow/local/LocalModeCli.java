package io.entityflow.local;

import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.contract.source.ContractLoader;
import io.entityflow.contract.source.ContractUnreadableException;
import io.entityflow.testing.PubSubEmulator;
import java.io.PrintStream;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code entityflow demo | sql | status | stop}: local mode's commands (the repository's {@code
 * ./entityflow} launcher runs this class).
 *
 * <pre>{@code
 * ./entityflow demo [--minutes 20] [--no-outage] [--continue]
 * ./entityflow sql "SELECT operation, count(*) FROM retail.sale_v1 GROUP BY 1"
 * ./entityflow sql --contract build/contract.desc "SELECT count(*) FROM logistics.parcel_v1"
 * ./entityflow status [--contract build/contract.desc]
 * ./entityflow stop
 * ./entityflow forget --subject c-7 [--actor dpo@example.com]
 * }</pre>
 *
 * <p>{@code sql} and {@code status} read the warehouse's tables from the contract {@code
 * --contract} names (a descriptor set file, a directory of {@code .proto} files or a git ref;
 * default the contract on the classpath); {@code demo} publishes the sample entities, so it always
 * runs the classpath contract.
 *
 * <p>{@code demo} starts fresh by default: the previous run's data moves to {@code
 * .entityflow/previous/<UTC time>} (only the latest previous run is kept) and a new simulated
 * timeline starts with eight days of history. {@code demo --continue} keeps the data and resumes
 * the previous run's simulated clock where it stopped, without publishing history again (see {@link
 * DemoRunPlan}). Either way the first line says which.
 *
 * <p>Exit codes: 0 done, 1 the command failed (the reason is printed), 2 bad usage, an unreadable
 * contract or a missing prerequisite (with the command that installs it).
 */
public final class LocalModeCli {
  static final int ALERTING_PORT = 8089;

  private final LocalHome home;
  private final PrintStream out;
  private final PrintStream err;

  LocalModeCli(LocalHome home, PrintStream out, PrintStream err) {
    this.home = home;
    this.out = out;
    this.err = err;
  }

  /** Entry point. */
  public static void main(String[] args) {
    int code = new LocalModeCli(LocalHome.fromEnvironment(), System.out, System.err).run(args);
    System.exit(code);
  }

  int run(String[] args) {
    if (args.length == 0) {
      err.println("usage: entityflow demo|sql|status|stop|forget");
      return 2;
    }
    List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
    try {
      return switch (args[0]) {
        case "demo" -> demo(rest);
        case "sql" -> sql(rest);
        case "status" -> status(rest);
        case "stop" -> stop();
        case "forget" -> LocalForget.command(home, rest, out, err);
        default -> {
          err.println(
              "entityflow: unknown command '"
                  + args[0]
                  + "'; allowed: demo, sql, status, stop, forget");
          yield 2;
        }
      };
    } catch (ContractUnreadableException e) {
      err.println("entityflow " + args[0] + ": --contract: " + e.getMessage());
      return 2;
    } catch (IllegalStateException | IllegalArgumentException e) {
      err.println("entityflow " + args[0] + ": " + e.getMessage());
      return 1;
    }
  }

  /**
   * Takes {@code --contract X} out of {@code args} and loads that contract; the classpath's when
   * absent. Null (after printing the usage) when the option has no value.
   */
  private EntityRegistry contract(String command, List<String> args) {
    int at = args.indexOf("--contract");
    if (at < 0) {
      return EntityRegistry.load();
    }
    if (at + 1 >= args.size()) {
      err.println(
          "entityflow "
              + command
              + ": --contract needs a descriptor set file, a directory of .proto files or a git"
              + " ref");
      return null;
    }
    String location = args.get(at + 1);
    args.subList(at, at + 2).clear();
    return ContractLoader.registry(location);
  }

  private int sql(List<String> args) {
    EntityRegistry registry = contract("sql", args);
    if (registry == null) {
      return 2;
    }
    if (args.size() != 1) {
      err.println(
          "usage: entityflow sql [--contract <descriptor set|dir|git ref>] \"SELECT ...\" (one"
              + " quoted query)");
      return 2;
    }
    try {
      out.print(LocalSql.render(LocalSql.query(home.warehouse(), registry, args.get(0))));
      return 0;
    } catch (SQLException e) {
      err.println("entityflow sql: " + e.getMessage());
      return 1;
    }
  }

  private int status(List<String> args) {
    EntityRegistry registry = contract("status", args);
    if (registry == null) {
      return 2;
    }
    if (!args.isEmpty()) {
      err.println(
          "entityflow status: unknown argument '"
              + args.get(0)
              + "'; allowed: --contract <descriptor set|dir|git ref>");
      return 2;
    }
    Optional<DemoState> state = DemoState.read(home.stateFile());
    if (state.isEmpty()) {
      out.println("no demo is running (no " + home.stateFile() + ")");
    } else {
      state
          .get()
          .pids()
          .forEach(
              (name, pid) ->
                  out.println(name + " pid " + pid + (alive(pid) ? " running" : " not running")));
      state.get().values().entrySet().stream()
          .filter(e -> !e.getKey().startsWith("pid.") && !e.getKey().contains("token"))
          .forEach(e -> out.println(e.getKey() + " " + e.getValue()));
    }
    try {
      out.println(ProgressReport.read(home.warehouse(), registry).line());
    } catch (SQLException e) {
      err.println("cannot read the warehouse at " + home.warehouse() + ": " + e.getMessage());
      return 1;
    }
    return 0;
  }

  private int stop() {
    Optional<DemoState> state = DemoState.read(home.stateFile());
    if (state.isEmpty()) {
      out.println("no demo is running");
      return 0;
    }
    Map<String, Long> pids = state.get().pids();
    Long demo = pids.get("demo");
    if (demo != null) {
      ProcessHandle.of(demo).ifPresent(ProcessHandle::destroy);
      ProcessHandle.of(demo)
          .ifPresent(
              p ->
                  p.onExit()
                      .orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                      .exceptionally(t -> p)
                      .join());
    }
    pids.forEach(
        (name, pid) ->
            ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .ifPresent(
                    p -> {
                      p.destroyForcibly();
                      out.println("killed " + name + " (pid " + pid + ")");
                    }));
    try {
      Files.deleteIfExists(home.stateFile());
    } catch (java.io.IOException e) {
      err.println("cannot delete " + home.stateFile() + ": " + e.getMessage());
      return 1;
    }
    out.println("demo stopped; data stays in " + home.warehouse());
    return 0;
  }

  private int demo(List<String> args) {
    Duration runFor = null;
    boolean outage = true;
    boolean continueTimeline = false;
    for (int i = 0; i < args.size(); i++) {
      switch (args.get(i)) {
        case "--minutes" -> runFor = Duration.ofMinutes(Long.parseLong(args.get(++i)));
        case "--no-outage" -> outage = false;
        case "--continue" -> continueTimeline = true;
        default -> {
          err.println(
              "entityflow demo: unknown option '"
                  + args.get(i)
                  + "'; allowed: --minutes N, --no-outage, --continue");
          return 2;
        }
      }
    }
    if (!PubSubEmulator.available()) {
      err.println(
          "entityflow demo: the Pub/Sub emulator is missing. Install it with\n"
              + "  gcloud components install pubsub-emulator\n"
              + "or on Debian/Ubuntu\n"
              + "  sudo apt-get install google-cloud-cli-pubsub-emulator\n"
              + "or point PUBSUB_EMULATOR_HOST at a running emulator.");
      return 2;
    }
    Optional<DemoState> running = DemoState.read(home.stateFile());
    if (running.isPresent()
        && running.get().pids().containsKey("demo")
        && alive(running.get().pids().get("demo"))) {
      err.println(
          "entityflow demo: a demo is already running (pid "
              + running.get().pids().get("demo")
              + "); stop it with ./entityflow stop");
      return 1;
    }
    DemoRunPlan plan;
    try {
      plan = DemoRunPlan.decide(home, continueTimeline, Instant.now());
    } catch (IllegalArgumentException e) {
      err.println("entityflow demo: " + e.getMessage());
      return 2;
    }
    DemoRun run = DemoRun.start(home, plan, ALERTING_PORT, outage, PubSubEmulator.shared(), out);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("entityflow demo: stopping");
                  try {
                    run.close();
                  } catch (RuntimeException e) {
                    err.println("entityflow demo: " + e.getMessage());
                  }
                }));
    out.println(
        "entityflow demo: running. Status page: http://127.0.0.1:"
            + ALERTING_PORT
            + "/status/index.html  SQL: ./entityflow sql \"SELECT ...\"  Stop: Ctrl-C");
    Instant end = runFor == null ? Instant.MAX : Instant.now().plus(runFor);
    EntityRegistry registry = EntityRegistry.load();
    try {
      out.print(DemoPrivacy.summary(home.warehouse(), registry));
    } catch (SQLException e) {
      err.println("entityflow demo: cannot read the masked view: " + e.getMessage());
    }
    ProgressRate rate = new ProgressRate(run.landedBefore());
    while (Instant.now().isBefore(end)) {
      sleep(Duration.ofSeconds(15));
      List<String> dead = run.deadChildren();
      if (!dead.isEmpty()) {
        err.println(
            "entityflow demo: "
                + String.join(", ", dead)
                + " stopped unexpectedly; see "
                + home.logs());
        return 1;
      }
      run.recordProgress();
      try {
        out.println(
            "progress: "
                + rate.line(
                    ProgressReport.read(home.warehouse(), registry),
                    Instant.now(),
                    ProgressRate.published(home.demoPublished()))
                + " | "
                + AlertingSettings.alertSummary(home));
      } catch (SQLException e) {
        err.println("progress: cannot read the warehouse: " + e.getMessage());
      }
    }
    return 0;
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
