package io.entityflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.contract.testing.OwnContract;
import io.entityflow.warehouse.local.LocalWarehouseLayout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
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
  void forgetWithoutASubjectPrintsUsage(@TempDir Path home) {
    assertThat(run(home, "forget", "--actor", "dpo")).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "usage: entityflow forget --subject <subject id> [--actor <who asks>]: --subject is"
                + " required (e.g. a customer id such as c-7)\n");
  }

  @Test
  void forgetBeforeAnyDemoSaysThereIsNoKeyToForget(@TempDir Path home) {
    assertThat(run(home, "forget", "--subject", "c-7")).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "entityflow forget: no demo service database at "
                + home.resolve(".entityflow/demo-postgres")
                + ", so no subject has a key to forget; run ./entityflow demo first\n");
  }

  @Test
  void sqlWithoutAQueryPrintsUsage(@TempDir Path home) {
    assertThat(run(home, "sql")).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "usage: entityflow sql [--contract <descriptor set|dir|git ref>] \"SELECT ...\" (one"
                + " quoted query)\n");
  }

  @Test
  void sqlWithAContractQueriesTheTablesAndLatestViewsOfThatContract(@TempDir Path home)
      throws Exception {
    Path contract = OwnContract.writeDescriptorSet(home.resolve("contract.desc"));
    Path table =
        Files.createDirectories(
            new LocalWarehouseLayout(home.resolve(".entityflow/warehouse"))
                .tableDirectory(OwnContract.DOMAIN, OwnContract.TOPIC));
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute(
          "COPY (SELECT * FROM (VALUES"
              + " ('e1', 'CREATED', TIMESTAMPTZ '2026-11-23 10:00:00+00', NULL::TIMESTAMPTZ,"
              + " NULL::TIMESTAMPTZ, 'p-1', 900),"
              + " ('e2', 'UPDATED', TIMESTAMPTZ '2026-11-23 11:00:00+00', NULL, NULL, 'p-1', 1250))"
              + " AS t(event_id, operation, occurred_at, publish_time, ingestion_time, parcel_id,"
              + " weight_grams)) TO '"
              + table.resolve(LocalWarehouseLayout.newPartFileName())
              + "' (FORMAT PARQUET)");
    }

    int code =
        run(
            home,
            "sql",
            "--contract",
            contract.toString(),
            "SELECT parcel_id, weight_grams FROM logistics.parcel_v1_latest");

    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    assertThat(out.toString())
        .isEqualTo(
            "parcel_id | weight_grams\n----------+-------------\np-1       | 1250        \n(1 row)\n");
  }

  @Test
  void sqlWithAnUnreadableContractExitsTwoWithTheReason(@TempDir Path home) throws Exception {
    Path garbage =
        Files.writeString(home.resolve("contract.desc"), "this is not a descriptor set\n");

    assertThat(run(home, "sql", "--contract", garbage.toString(), "SELECT 1")).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "entityflow sql: --contract: "
                + garbage
                + " is not a binary FileDescriptorSet: Protocol message end-group tag did not"
                + " match expected tag.\n");
  }

  @Test
  void unknownCommandListsTheAllowedOnes(@TempDir Path home) {
    assertThat(run(home, "deploy")).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "entityflow: unknown command 'deploy'; allowed: demo, sql, status, stop, forget\n");
  }

  @Test
  void demoRejectsAnUnknownOptionListingTheAllowedOnes(@TempDir Path home) {
    assertThat(run(home, "demo", "--resume")).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "entityflow demo: unknown option '--resume'; allowed: --minutes N, --no-outage,"
                + " --continue\n");
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
