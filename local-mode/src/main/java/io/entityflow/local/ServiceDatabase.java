package io.entityflow.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The demo service's own PostgreSQL in local mode, run beside it like the emulator: real PostgreSQL
 * 17 binaries from Maven Central (no installation), data in {@link LocalHome#serviceDatabase()} so
 * a committed sale whose event the outbox relay had not published yet is published by the next run.
 * The demo service gets it as its ordinary {@code datasources.default.*} configuration, exactly
 * what a deployed service sets for its database, and can be killed without taking the database with
 * it.
 *
 * <pre>{@code
 * ServiceDatabase database = ServiceDatabase.start(home.serviceDatabase());
 * database.serviceProperties(); // datasources.default.url=jdbc:postgresql://localhost:<port>/postgres ...
 * database.close();             // after the demo service stopped
 * }</pre>
 *
 * <p>Guarantees: the data directory is initialised on first use and reused afterwards; fsync and
 * synchronous commit are on, so a commit survives a crash of the machine too; a server a killed
 * {@code entityflow demo} left running on the directory is stopped before the start.
 */
public final class ServiceDatabase {
  private final EmbeddedPostgres postgres;
  private final Path directory;

  private ServiceDatabase(EmbeddedPostgres postgres, Path directory) {
    this.postgres = postgres;
    this.directory = directory;
  }

  /** Starts PostgreSQL on a free port with its data in {@code directory}. */
  public static ServiceDatabase start(Path directory) {
    try {
      Files.createDirectories(directory);
      stopOrphanedServer(directory);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(directory.toFile())
              .setCleanDataDirectory(false)
              // a committed sale must survive a crash of the machine too, not only of the process
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .start();
      return new ServiceDatabase(postgres, directory);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start the demo service's PostgreSQL with its data in "
              + directory
              + "; delete the directory to start with an empty database",
          e);
    }
  }

  /**
   * Stops the server a killed demo service left running on {@code directory} (PostgreSQL runs as a
   * child process and outlives a SIGKILL of its parent), so this start can take the directory over.
   * A stale {@code postmaster.pid} of a process that is gone is left to PostgreSQL.
   */
  static void stopOrphanedServer(Path directory) throws IOException {
    Path pidFile = directory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty() || !lines.get(0).strip().matches("[0-9]+")) {
      return;
    }
    Optional<ProcessHandle> server = ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
    if (server.isEmpty()
        || !server.get().info().command().map(c -> c.endsWith("postgres")).orElse(false)) {
      return;
    }
    server.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients are gone
    try {
      server.get().onExit().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the orphaned PostgreSQL", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException(
          "the PostgreSQL left running on "
              + directory
              + " (pid "
              + server.get().pid()
              + ") did not stop within 30 s; stop it and start again",
          e);
    }
  }

  /**
   * The demo service's properties for this database: its {@code datasources.default.*} and the
   * outbox switched on.
   */
  public Map<String, String> serviceProperties() {
    return Map.of(
        "datasources.default.url", jdbcUrl(),
        "datasources.default.username", "postgres",
        "datasources.default.password", "",
        "datasources.default.driver-class-name", "org.postgresql.Driver",
        "entityflow.outbox.enabled", "true");
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
      throw new UncheckedIOException(
          "cannot stop the demo service's PostgreSQL in " + directory, e);
    }
  }
}
