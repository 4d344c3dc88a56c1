package io.entityflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo service's database: data kept across starts, a left-over server taken over. */
class ServiceDatabaseIT {
  @TempDir Path home;

  @Test
  void committedRowsSurviveARestartAndTheServiceGetsItsDatasource() throws Exception {
    Path directory = home.resolve("demo-postgres");
    ServiceDatabase first = ServiceDatabase.start(directory);
    assertThat(first.serviceProperties())
        .containsEntry("datasources.default.url", first.jdbcUrl())
        .containsEntry("datasources.default.username", "postgres")
        .containsEntry("entityflow.outbox.enabled", "true");
    execute(first.jdbcUrl(), "CREATE TABLE kept (id int)", "INSERT INTO kept VALUES (7)");
    first.close();

    ServiceDatabase second = ServiceDatabase.start(directory);
    try {
      assertThat(count(second.jdbcUrl(), "SELECT count(*) FROM kept WHERE id = 7")).isEqualTo(1);
      assertThat(count(second.jdbcUrl(), "SHOW fsync")).isEqualTo(-1);
    } finally {
      second.close();
    }
  }

  @Test
  void aServerLeftRunningOnTheDirectoryIsStoppedAndTheDataTakenOver() throws Exception {
    Path directory = home.resolve("demo-postgres");
    // a server whose owner was SIGKILLed (as a killed entityflow demo): it keeps running
    Process owner =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Owner.class.getName(),
                directory.toString())
            .redirectErrorStream(true)
            .start();
    String orphanUrl;
    try (var lines =
        new java.io.BufferedReader(new java.io.InputStreamReader(owner.getInputStream()))) {
      String line;
      do {
        line = lines.readLine();
      } while (line != null && !line.startsWith("ready "));
      assertThat(line).as("the owner process started its server").isNotNull();
      orphanUrl = line.substring("ready ".length());
      execute(orphanUrl, "CREATE TABLE kept (id int)", "INSERT INTO kept VALUES (9)");
      owner.destroyForcibly().waitFor();
    }
    long orphanPid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0));

    ServiceDatabase database = ServiceDatabase.start(directory);
    try {
      assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      assertThat(count(database.jdbcUrl(), "SELECT count(*) FROM kept WHERE id = 9")).isEqualTo(1);
    } finally {
      database.close();
    }
  }

  /** Starts a server on the directory given, prints its URL and waits to be killed. */
  public static final class Owner {
    public static void main(String[] args) throws Exception {
      ServiceDatabase database = ServiceDatabase.start(Path.of(args[0]));
      System.out.println("ready " + database.jdbcUrl());
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  private static void execute(String url, String... sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(withUser(url));
        Statement statement = connection.createStatement()) {
      for (String each : sql) {
        statement.execute(each);
      }
    }
  }

  /** The first column of the first row as a number; -1 for "on" (a setting). */
  private static long count(String url, String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(withUser(url));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      String value = rows.getString(1);
      return value.equals("on") ? -1 : Long.parseLong(value);
    }
  }

  private static String withUser(String url) {
    return url.contains("user=") ? url : url + "?user=postgres";
  }
}
