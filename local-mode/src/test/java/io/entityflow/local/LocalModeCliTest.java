package io.entityflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalModeCliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Path home, String... args) {
    return new LocalModeCli(
            new LocalHome(home, home.resolve(".entityflow")),
            new PrintStream(out, true),
            new PrintStream(err, true))
        .run(args);
  }

  @Test
  void sqlPrintsTheResultTable(@TempDir Path home) {
    int code = run(home, "sql", "SELECT 1 AS one, 'x' AS two");

    assertThat(code).isZero();
    assertThat(out.toString()).isEqualTo("one | two\n----+----\n1   | x  \n(1 row)\n");
  }

  @Test
  void badSqlFailsWithDuckDbsMessage(@TempDir Path home) {
    int code = run(home, "sql", "SELECT * FROM retail.no_such_table");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).startsWith("entityflow sql: ").contains("no_such_table");
  }

  @Test
  void sqlWithoutAQueryPrintsUsage(@TempDir Path home) {
    assertThat(run(home, "sql")).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("usage: entityflow sql \"SELECT ...\" (one quoted query)\n");
  }

  @Test
  void unknownCommandListsTheAllowedOnes(@TempDir Path home) {
    assertThat(run(home, "deploy")).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("entityflow: unknown command 'deploy'; allowed: demo, sql, status, stop\n");
  }

  @Test
  void stopWithoutARunningDemoSaysSo(@TempDir Path home) {
    assertThat(run(home, "stop")).isZero();
    assertThat(out.toString()).isEqualTo("no demo is running\n");
  }

  @Test
  void statusReadsTheRecordedStateAndTheWarehouse(@TempDir Path home) {
    LocalHome local = new LocalHome(home, home.resolve(".entityflow"));
    new DemoState(Map.of("pid.pipeline", "999999999", "emulator", "127.0.0.1:1"))
        .write(local.stateFile());

    assertThat(run(home, "status")).isZero();
    assertThat(out.toString())
        .isEqualTo(
            "pipeline pid 999999999 not running\nemulator 127.0.0.1:1\nrows: none yet | dead letters: 0\n");
  }

  @Test
  void unbuiltModuleIsReportedWithTheBuildCommand(@TempDir Path home) {
    try {
      ModuleClasspath.of(home, "alerting");
    } catch (IllegalStateException e) {
      assertThat(e.getMessage())
          .isEqualTo(
              "module 'alerting' is not built (missing "
                  + home.resolve("alerting/target/classpath.txt")
                  + "); run './mvnw -DskipTests -pl alerting -am install' from "
                  + home);
      return;
    }
    throw new AssertionError("expected an error for an unbuilt module");
  }
}
