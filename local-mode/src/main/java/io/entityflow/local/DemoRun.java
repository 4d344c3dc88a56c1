package io.entityflow.local;

import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.testing.PubSubEmulator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One running {@code entityflow demo}: applies its {@link DemoRunPlan} to the data home (a fresh
 * run moves the previous run aside), prints the plan's one-line announcement, starts the whole
 * {@link LocalStack} with the demo service on the plan's timeline, and records the timeline's
 * simulated end while it runs and when it stops, for a later {@code demo --continue}.
 *
 * <pre>{@code
 * DemoRunPlan plan = DemoRunPlan.decide(home, false, Instant.now());
 * try (DemoRun run = DemoRun.start(home, plan, 8089, true, PubSubEmulator.shared(), System.out)) {
 *   run.recordProgress(); // the simulated now becomes the recorded end
 * } // stops every process and records the end
 * }</pre>
 *
 * <p>Guarantees: {@link #close()} is idempotent (the launcher calls it from a shutdown hook), and
 * the recorded end is the simulated instant at which the stop began, to the whole second.
 */
public final class DemoRun implements AutoCloseable {
  /** The alerting port that lets the service pick a free one (Micronaut's random port). */
  public static final int ANY_PORT = -1;

  private final LocalHome home;
  private final DemoRunPlan plan;
  private final LocalStack stack;
  private final long landedBefore;
  private boolean closed;

  private DemoRun(LocalHome home, DemoRunPlan plan, LocalStack stack, long landedBefore) {
    this.home = home;
    this.plan = plan;
    this.stack = stack;
    this.landedBefore = landedBefore;
  }

  /**
   * Applies {@code plan}, starts every process and waits until each is ready.
   *
   * @param alertingPort HTTP port of the alerting service, or {@link #ANY_PORT}
   * @param outage whether the demo service runs its planned outage
   * @param emulator the Pub/Sub emulator the run uses
   * @param out where the announcement, progress and the children's output go
   */
  public static DemoRun start(
      LocalHome home,
      DemoRunPlan plan,
      int alertingPort,
      boolean outage,
      PubSubEmulator emulator,
      PrintStream out) {
    plan.apply(home);
    out.println(plan.announcement());
    DemoTimeline timeline = plan.timeline();
    new TimelineRecord(plan.historyStart(), timeline.start()).write(home.timelineFile());
    deleteDemoPublished(home);
    long landedBefore = landedNow(home);
    Map<String, String> demoProperties =
        new LinkedHashMap<>(AlertingSettings.demoService(timeline, outage));
    demoProperties.put("entityflow.demo.published-counts-file", home.demoPublished().toString());
    String apiToken = UUID.randomUUID().toString();
    out.println(
        "entityflow demo: starting the emulator, the pipeline, the alerting service and the demo service");
    out.println("  data: " + home.warehouse() + "   logs: " + home.logs());
    LocalStack stack =
        LocalStack.start(
            new LocalStack.Settings(
                home,
                alertingPort,
                AlertingSettings.forLocalMode(home, timeline, apiToken),
                demoProperties,
                List.of(),
                out),
            emulator);
    Map<String, String> state = new LinkedHashMap<>();
    state.put("pid.demo", Long.toString(ProcessHandle.current().pid()));
    stack.children().forEach(c -> state.put("pid." + c.name(), Long.toString(c.pid())));
    state.put("emulator", stack.emulatorHost());
    if (alertingPort != ANY_PORT) {
      state.put("alerting", "http://127.0.0.1:" + alertingPort + "/status/index.html");
    }
    state.put("alerting.api-token", apiToken);
    state.put("simulated-clock", timeline.start() + " x" + timeline.speed());
    state.put("started", Instant.now().toString());
    new DemoState(state).write(home.stateFile());
    return new DemoRun(home, plan, stack, landedBefore);
  }

  /**
   * Rows + dead letters the warehouse held before this run's processes started (a continued run's
   * data), the base of the backlog on the progress line.
   */
  public long landedBefore() {
    return landedBefore;
  }

  /** Rows + dead letters in the warehouse now; 0 before the first table appears. */
  private static long landedNow(LocalHome home) {
    if (!Files.isDirectory(home.warehouse())) {
      return 0;
    }
    try {
      return ProgressRate.landed(ProgressReport.read(home.warehouse(), EntityRegistry.load()));
    } catch (SQLException noTableYet) {
      return 0;
    }
  }

  /** A previous run's count would read as this run's until the demo service rewrites it. */
  private static void deleteDemoPublished(LocalHome home) {
    try {
      Files.deleteIfExists(home.demoPublished());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + home.demoPublished(), e);
    }
  }

  /** The running processes. */
  public LocalStack stack() {
    return stack;
  }

  /** The names of the child processes that are no longer running. */
  public List<String> deadChildren() {
    return stack.children().stream().filter(c -> !c.alive()).map(ChildProcess::name).toList();
  }

  /** Records the simulated now as the timeline's end, so a killed run can still be continued. */
  public synchronized void recordProgress() {
    if (!closed) {
      recordEnd(plan.timeline().at(Instant.now()));
    }
  }

  /** Records the end to the whole second (less than a simulated second overlaps on continue). */
  private void recordEnd(Instant simulatedEnd) {
    new TimelineRecord(plan.historyStart(), simulatedEnd.truncatedTo(ChronoUnit.SECONDS))
        .write(home.timelineFile());
  }

  /** Records the simulated end, stops every process and removes the running demo's state. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    recordEnd(plan.timeline().at(Instant.now()));
    stack.close();
    try {
      Files.deleteIfExists(home.stateFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + home.stateFile(), e);
    }
    deleteDemoPublished(home);
  }
}
