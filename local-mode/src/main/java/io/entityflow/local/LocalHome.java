package io.entityflow.local;

import java.nio.file.Path;
import java.util.List;

/**
 * Where local mode keeps things: the repository root (to find each module's build) and the data
 * home, {@code <repo>/.entityflow} by default ({@code ENTITYFLOW_HOME}). The data of the last demo
 * run stays there after it stops (for {@code sql}, {@code status} and {@code demo --continue}); a
 * fresh {@code demo} moves it to {@link #previousRuns()}.
 *
 * <pre>{@code
 * LocalHome home = LocalHome.fromEnvironment();
 * home.warehouse(); // <repo>/.entityflow/warehouse
 * }</pre>
 *
 * @param repository the repository root
 * @param home the data directory
 */
public record LocalHome(Path repository, Path home) {

  /** From the launcher: system property {@code entityflow.root} and {@code ENTITYFLOW_HOME}. */
  public static LocalHome fromEnvironment() {
    Path repository =
        Path.of(System.getProperty("entityflow.root", ".")).toAbsolutePath().normalize();
    String configured = System.getenv("ENTITYFLOW_HOME");
    Path home =
        configured == null || configured.isBlank()
            ? repository.resolve(".entityflow")
            : Path.of(configured).toAbsolutePath();
    return new LocalHome(repository, home);
  }

  /** The local warehouse root. */
  public Path warehouse() {
    return home.resolve("warehouse");
  }

  /** Log files of the child processes. */
  public Path logs() {
    return home.resolve("logs");
  }

  /** The running demo's state (pids and ports). */
  public Path stateFile() {
    return home.resolve("demo.properties");
  }

  /** The alerting service's persisted alert state. */
  public Path alertState() {
    return home.resolve("alerting-state.json");
  }

  /** Where the local webhook channel appends notifications, one JSON per line. */
  public Path webhookLog() {
    return home.resolve("notifications.jsonl");
  }

  /** The alerting rules file local mode writes for the demo. */
  public Path alertRules() {
    return home.resolve("alert-rules.yaml");
  }

  /**
   * The demo service's own PostgreSQL data directory (its sales and its transactional outbox),
   * moved with the rest of a run, kept by {@code --continue} so rows committed but not yet
   * published are relayed when the demo resumes.
   */
  public Path serviceDatabase() {
    return home.resolve("demo-postgres");
  }

  /**
   * The JDBC URL of the running demo service's PostgreSQL, written when it starts and removed when
   * it stops, so {@code entityflow forget} reaches the same database while the demo runs.
   */
  public Path serviceDatabaseUrl() {
    return home.resolve("demo-postgres.url");
  }

  /**
   * Local mode's key-encryption key: a Tink keyset file that wraps every subject keyset (Cloud KMS
   * in production). It stays when a fresh demo moves a run aside, so earlier runs stay readable.
   */
  public Path keyEncryptionKey() {
    return home.resolve("keys/kek.json");
  }

  /** The demo's simulated timeline (first history instant, simulated end), kept after a stop. */
  public Path timelineFile() {
    return home.resolve("demo-timeline.properties");
  }

  /**
   * The demo service's count of events Pub/Sub confirmed, rewritten every 2 s while it runs, for
   * the backlog on the progress line ({@link ProgressRate}); removed when a demo starts and stops.
   */
  public Path demoPublished() {
    return home.resolve("demo-published.properties");
  }

  /** Where a fresh demo moves the previous run's data: one directory, at most one run in it. */
  public Path previousRuns() {
    return home.resolve("previous");
  }

  /**
   * Everything one demo run writes into the home, in the order a fresh run moves it aside: the
   * warehouse, the logs, the running demo's state, the alerting service's state, notifications and
   * rules, and the timeline.
   */
  public List<Path> runEntries() {
    return List.of(
        warehouse(),
        logs(),
        stateFile(),
        alertState(),
        webhookLog(),
        alertRules(),
        timelineFile(),
        serviceDatabase());
  }
}
