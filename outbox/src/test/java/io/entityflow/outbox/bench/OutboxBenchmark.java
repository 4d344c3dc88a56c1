package io.entityflow.outbox.bench;

import io.entityflow.contract.Operation;
import io.entityflow.outbox.Outbox;
import io.entityflow.outbox.config.OutboxDatabase;
import io.entityflow.outbox.fixtures.OutboxDatabaseFixture;
import io.entityflow.outbox.metrics.OutboxMetrics;
import io.entityflow.publisher.PublishRequest;
import io.entityflow.publisher.fixtures.EmulatorProject;
import io.entityflow.publisher.fixtures.Sales;
import io.entityflow.testing.PostgresServer;
import io.entityflow.testing.PubSubEmulator;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * Events committed through the outbox and published to a dedicated emulator (topic {@code sale_v1}
 * without subscription), recorder and relay in this JVM, PostgreSQL 17 from {@code PostgresServer},
 * ~300-byte Sale events:
 *
 * <ol>
 *   <li>throughput, transactions of 100 events and of 1 event: events / (first commit .. last
 *       Pub/Sub confirmation), plus the commit rate alone;
 *   <li>commit-to-publish latency (commit returned .. Pub/Sub confirmed) at a paced 1,000 events/s
 *       (one event per transaction), p50/p99/max;
 *   <li>idle latency: one event every 200 ms on an idle relay, LISTEN/NOTIFY on versus polling
 *       every second.
 * </ol>
 *
 * <p>Run from the repository root (see BENCHMARKS.md): {@code java -cp ...
 * io.entityflow.outbox.bench.OutboxBenchmark 100000 20000 30 2} (events with 100 per transaction,
 * events with 1 per transaction, seconds of the paced run, producer threads). The drain and the two
 * throughput scenarios run once to warm the JVM up (printed, not counted), then {@code
 * -Dbench.rounds} times (default 3).
 */
public final class OutboxBenchmark {
  private OutboxBenchmark() {}

  public static void main(String[] args) throws Exception {
    int bulkEvents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int singleEvents = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int pacedSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    int producers = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    try (PubSubEmulator emulator = PubSubEmulator.startDedicated()) {
      System.out.printf(
          "%d CPUs, event %d bytes, %d producer threads%n",
          Runtime.getRuntime().availableProcessors(),
          Sales.sale("sale-000001").getSerializedSize(),
          producers);
      System.out.println(serverSettings());
      // -Dbench.scenarios=drain,bulk,single,paced,idle (default: all) to run some of them only
      String scenarios = System.getProperty("bench.scenarios", "drain,bulk,single,paced,idle");
      // -Dbench.rounds=N measured runs of drain, bulk and single each, after one warm-up run of
      // each that is printed but not counted: a service publishes from a warm JVM, and a cold
      // run of 100,000 events spends much of its CPU compiling (JIT) rather than publishing
      int rounds = Integer.getInteger("bench.rounds", 3);
      for (int round = 0; round <= rounds; round++) {
        System.out.println(round == 0 ? "-- warm-up (not counted)" : "-- round " + round);
        if (scenarios.contains("drain")) {
          drain(emulator, bulkEvents);
        }
        if (scenarios.contains("bulk")) {
          throughput(emulator, bulkEvents, 100, producers);
        }
        if (scenarios.contains("single")) {
          throughput(emulator, singleEvents, 1, producers * 4);
        }
      }
      if (scenarios.contains("paced")) {
        paced(emulator, pacedSeconds);
      }
      if (scenarios.contains("idle")) {
        idle(emulator, true);
        idle(emulator, false);
      }
    }
    System.exit(0);
  }

  private static ApplicationContext context(PubSubEmulator emulator, Object... extra) {
    EmulatorProject project = new EmulatorProject(emulator);
    // a topic without subscription: the emulator stores nothing, like the publisher benchmark
    try (var topics = emulator.topicAdmin()) {
      topics.createTopic(project.topic("sale_v1"));
      // the service publishes its new subject keys (one subject: the fixture's customer)
      topics.createTopic(project.topic("subject_key_v1"));
    }
    OutboxDatabaseFixture database = new OutboxDatabaseFixture("bench");
    Map<String, Object> properties = database.properties("OutboxBenchmark");
    properties.put("entityflow.publisher.project-id", project.projectId());
    properties.put("entityflow.publisher.emulator-host", emulator.hostPort());
    properties.put("datasources.default.maximum-pool-size", 16);
    for (int i = 0; i < extra.length; i += 2) {
      properties.put((String) extra[i], extra[i + 1]);
    }
    return ApplicationContext.run(properties);
  }

  private static void throughput(PubSubEmulator emulator, int events, int perTx, int threads)
      throws Exception {
    try (ApplicationContext context = context(emulator)) {
      Outbox outbox = context.getBean(Outbox.class);
      DataSource dataSource = context.getBean(OutboxDatabase.class).dataSource();
      OutboxMetrics metrics = context.getBean(OutboxMetrics.class);
      AtomicInteger next = new AtomicInteger();
      int transactions = events / perTx;
      Map<String, Long> before = ProcessCpu.ticks(PostgresServer.shared().port());
      long start = System.nanoTime();
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Thread worker =
            new Thread(
                () -> {
                  try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    int tx;
                    while ((tx = next.getAndIncrement()) < transactions) {
                      List<PublishRequest> requests = new ArrayList<>(perTx);
                      for (int i = 0; i < perTx; i++) {
                        requests.add(
                            PublishRequest.of(
                                Sales.sale(String.format("sale-%07d", tx * perTx + i)),
                                Operation.UPDATED));
                      }
                      outbox.recordAll(connection, requests);
                      connection.commit();
                    }
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
        worker.start();
        workers.add(worker);
      }
      for (Thread worker : workers) {
        worker.join();
      }
      long committed = System.nanoTime();
      while (metrics.published() < (long) transactions * perTx) {
        Thread.sleep(1);
      }
      long published = System.nanoTime();
      Map<String, Long> after = ProcessCpu.ticks(PostgresServer.shared().port());
      int total = transactions * perTx;
      System.out.printf(
          "transactions of %d: %d events, %d producer threads: committed %.0f events/s,"
              + " committed and published %.0f events/s (%.2f s), failed %d;"
              + " CPU per event (record and relay): JVM %.1f µs, PostgreSQL %.1f µs,"
              + " emulator %.1f µs%n",
          perTx,
          total,
          threads,
          total / ((committed - start) / 1e9),
          total / ((published - start) / 1e9),
          (published - start) / 1e9,
          metrics.failed(),
          micros(before, after, "jvm", total),
          micros(before, after, "postgres", total),
          micros(before, after, "emulator", total));
    }
  }

  /**
   * Records {@code events} with the relay off (transactions of 100, one thread), then starts a
   * relay and measures how fast it drains them, with the CPU time of this JVM, PostgreSQL and the
   * emulator per event.
   */
  private static void drain(PubSubEmulator emulator, int events) throws Exception {
    try (ApplicationContext recorder =
        context(emulator, "entityflow.outbox.relay.enabled", false)) {
      Outbox outbox = recorder.getBean(Outbox.class);
      DataSource dataSource = recorder.getBean(OutboxDatabase.class).dataSource();
      long start = System.nanoTime();
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        for (int tx = 0; tx < events / 100; tx++) {
          List<PublishRequest> requests = new ArrayList<>(100);
          for (int i = 0; i < 100; i++) {
            requests.add(
                PublishRequest.of(
                    Sales.sale(String.format("sale-%07d", tx * 100 + i)), Operation.UPDATED));
          }
          outbox.recordAll(connection, requests);
          connection.commit();
        }
      }
      long recorded = System.nanoTime();
      Map<String, Object> relay =
          new java.util.HashMap<>(recorder.getProperties("datasources.default"));
      try (ApplicationContext relayContext =
          ApplicationContext.run(
              Map.of(
                  // the relay publishes rows as recorded (encrypted) but its service has keys too
                  "entityflow.privacy.key-store",
                  "memory",
                  "entityflow.privacy.kek-uri",
                  recorder.getProperty("entityflow.privacy.kek-uri", String.class).get(),
                  "spec.name",
                  "OutboxBenchmark",
                  "micronaut.application.name",
                  "checkout",
                  "datasources.default.url",
                  relay.get("url"),
                  "datasources.default.username",
                  "postgres",
                  "datasources.default.password",
                  "",
                  "entityflow.outbox.migrate",
                  false,
                  "entityflow.publisher.project-id",
                  recorder.getProperty("entityflow.publisher.project-id", String.class).get(),
                  "entityflow.publisher.emulator-host",
                  emulator.hostPort()))) {
        OutboxMetrics metrics = relayContext.getBean(OutboxMetrics.class);
        while (metrics.published() == 0) {
          Thread.sleep(1);
        }
        // measured from the first confirmation on: the context start-up is not counted
        Map<String, Long> before = ProcessCpu.ticks(PostgresServer.shared().port());
        long drainStart = System.nanoTime();
        long first = metrics.published();
        while (metrics.published() < events) {
          Thread.sleep(1);
        }
        long drained = System.nanoTime();
        Map<String, Long> after = ProcessCpu.ticks(PostgresServer.shared().port());
        System.out.printf(
            "record only (relay off), transactions of 100, 1 thread: %.0f events/s;"
                + " drain of %d waiting rows by a relay: %.0f events/s;"
                + " CPU per event while draining: JVM %.1f µs, PostgreSQL %.1f µs, emulator %.1f µs%n",
            events / ((recorded - start) / 1e9),
            events,
            (events - first) / ((drained - drainStart) / 1e9),
            micros(before, after, "jvm", events - first),
            micros(before, after, "postgres", events - first),
            micros(before, after, "emulator", events - first));
      }
    }
  }

  /**
   * The PostgreSQL settings that decide whether a commit waits for the disk, as the server says.
   */
  private static String serverSettings() throws java.sql.SQLException {
    PostgresServer.Database database = PostgresServer.shared().createDatabase("settings");
    try (Connection connection = database.dataSource().getConnection();
        java.sql.Statement statement = connection.createStatement();
        java.sql.ResultSet result =
            statement.executeQuery(
                "SELECT current_setting('fsync'), current_setting('synchronous_commit')")) {
      result.next();
      return "PostgreSQL fsync="
          + result.getString(1)
          + ", synchronous_commit="
          + result.getString(2)
          + " (-D"
          + PostgresServer.DURABLE_PROPERTY
          + "=true for both on)";
    }
  }

  private static double micros(
      Map<String, Long> before, Map<String, Long> after, String group, long events) {
    return (after.get(group) - before.get(group)) * 10_000.0 / events;
  }

  private static void paced(PubSubEmulator emulator, int seconds) throws Exception {
    try (ApplicationContext context = context(emulator)) {
      long[] latencies = run(context, seconds * 1000, 1_000_000);
      print("paced 1,000 events/s, 1 per transaction", latencies);
    }
  }

  private static void idle(PubSubEmulator emulator, boolean listen) throws Exception {
    try (ApplicationContext context = context(emulator, "entityflow.outbox.relay.listen", listen)) {
      Thread.sleep(1000);
      long[] latencies = run(context, 50, 200_000_000);
      print(
          "idle relay, one event every 200 ms, "
              + (listen ? "LISTEN/NOTIFY (poll 1s as fallback)" : "polling every 1s only"),
          latencies);
    }
  }

  /** Records {@code events} single-event transactions, one every {@code intervalNanos}. */
  private static long[] run(ApplicationContext context, int events, long intervalNanos)
      throws Exception {
    TimedPublisher.timing = true;
    Outbox outbox = context.getBean(Outbox.class);
    DataSource dataSource = context.getBean(OutboxDatabase.class).dataSource();
    Map<String, Long> committedAt = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      for (int i = 0; i < events; i++) {
        long due = start + i * intervalNanos;
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
          // sleep, not spin: a spinning producer would take one of the two cores from the relay
          LockSupport.parkNanos(wait);
        }
        String eventId = UUID.randomUUID().toString();
        outbox.record(
            connection,
            PublishRequest.of(Sales.sale(String.format("sale-%07d", i)), Operation.UPDATED)
                .withEventId(eventId));
        connection.commit();
        committedAt.put(eventId, System.nanoTime());
      }
    }
    while (!TimedPublisher.CONFIRMED.keySet().containsAll(committedAt.keySet())) {
      Thread.sleep(10);
    }
    long[] latencies =
        committedAt.entrySet().stream()
            .mapToLong(e -> TimedPublisher.CONFIRMED.get(e.getKey()) - e.getValue())
            .sorted()
            .toArray();
    return latencies;
  }

  private static void print(String what, long[] sorted) {
    System.out.printf(
        "%s: %d events, commit-to-publish p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        what,
        sorted.length,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }
}
