package io.entityflow.demo.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The demo service's PostgreSQL in local mode: real PostgreSQL binaries (no installation) with
 * their data in a directory that outlives the process, so a committed sale whose event the outbox
 * relay had not yet published is published by the next run. It is started before the Micronaut
 * context and handed to it as the ordinary {@code datasources.default.*} configuration, exactly
 * what a deployed service sets for its own database.
 *
 * <pre>{@code
 * // -Dentityflow.demo.database.directory=.entityflow/demo-postgres (local mode sets it)
 * Optional<DemoDatabase> database = DemoDatabase.startIfConfigured();
 * Micronaut.build(args).properties(database.map(DemoDatabase::properties).orElse(Map.of())).start();
 * }</pre>
 *
 * <p>Guarantees: the data directory is initialised on first use and reused afterwards; the server
 * is stopped when the JVM exits normally (after a SIGKILL the next start takes over the directory).
 * Without {@value #DIRECTORY_PROPERTY} nothing starts and the demo publishes sales directly.
 */
public final class DemoDatabase {
  /**
   * System property (or environment variable {@value #DIRECTORY_ENV}) naming the data directory.
   */
  public static final String DIRECTORY_PROPERTY = "entityflow.demo.database.directory";

  /** Environment variable naming the data directory when the system property is not set. */
  public static final String DIRECTORY_ENV = "ENTITYFLOW_DEMO_DATABASE_DIRECTORY";

  private final EmbeddedPostgres postgres;
  private final Path directory;

  private DemoDatabase(EmbeddedPostgres postgres, Path directory) {
    this.postgres = postgres;
    this.directory = directory;
  }

  /** Starts the database when a data directory is configured; empty otherwise. */
  public static Optional<DemoDatabase> startIfConfigured() {
    String configured = System.getProperty(DIRECTORY_PROPERTY, System.getenv(DIRECTORY_ENV));
    if (configured == null || configured.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(start(Path.of(configured)));
  }

  /** Starts PostgreSQL on a free port with its data in {@code directory}. */
  public static DemoDatabase start(Path directory) {
    try {
      Files.createDirectories(directory);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(directory.toFile())
              .setCleanDataDirectory(false)
              // a committed sale must survive a crash of the machine too, not only of the process
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .start();
      DemoDatabase database = new DemoDatabase(postgres, directory);
      Runtime.getRuntime().addShutdownHook(new Thread(database::close, "demo-database-stop"));
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start the demo's PostgreSQL with its data in "
              + directory
              + " (set by "
              + DIRECTORY_PROPERTY
              + "); delete the directory to start with an empty database",
          e);
    }
  }

  /** The {@code datasources.default.*} configuration of this database. */
  public Map<String, Object> properties() {
    return Map.of(
        "datasources.default.url", jdbcUrl(),
        "datasources.default.username", "postgres",
        "datasources.default.password", "",
        "datasources.default.driver-class-name", "org.postgresql.Driver",
        "datasources.default.maximum-pool-size", 8);
  }

  /** The JDBC URL of the {@code postgres} database. */
  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
  }

  /** The data directory. */
  public Path directory() {
    return directory;
  }

  /** Stops the server; its data stays in the directory. */
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop the demo's PostgreSQL in " + directory, e);
    }
  }
}
