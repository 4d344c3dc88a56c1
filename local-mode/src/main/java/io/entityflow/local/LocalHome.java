package io.entityflow.local;

import java.nio.file.Path;

/**
 * Where local mode keeps things: the repository root (to find each module's build) and the data
 * home, {@code <repo>/.entityflow} by default ({@code ENTITYFLOW_HOME}), which persists between
 * runs.
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
}
