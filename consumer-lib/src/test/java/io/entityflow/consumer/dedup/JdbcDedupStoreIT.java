package io.entityflow.consumer.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entityflow.testing.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class JdbcDedupStoreIT {
  private final DataSource dataSource =
      PostgresServer.shared().createDatabase("dedup").dataSource();

  @Test
  void shippedMigrationCreatesTheTableAndMarksSurviveANewStoreInstance() throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(JdbcDedupStore.migrationSql());
    }
    JdbcDedupStore store = new JdbcDedupStore(dataSource, JdbcDedupStore.DEFAULT_TABLE);
    assertThat(store.isHandled("crm", "e1")).isFalse();
    store.markHandled("crm", "e1");
    store.markHandled("crm", "e1");

    JdbcDedupStore restarted = new JdbcDedupStore(dataSource, JdbcDedupStore.DEFAULT_TABLE);
    assertThat(restarted.isHandled("crm", "e1")).isTrue();
    assertThat(restarted.isHandled("loyalty_accrual", "e1")).isFalse();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT consumer, event_id FROM entityflow_consumer_handled_events")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1) + "/" + rs.getString(2)).isEqualTo("crm/e1");
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void markInTheCallersTransactionIsVisibleOnlyAfterCommitAndReportsAFirstMark() throws Exception {
    JdbcDedupStore store = new JdbcDedupStore(dataSource, "accrual_handled");
    store.migrate();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      assertThat(store.markHandled(c, "loyalty_accrual", "e1")).isTrue();
      assertThat(store.isHandled("loyalty_accrual", "e1")).isFalse();
      c.rollback();
      assertThat(store.isHandled("loyalty_accrual", "e1")).isFalse();
      assertThat(store.markHandled(c, "loyalty_accrual", "e1")).isTrue();
      c.commit();
      assertThat(store.markHandled(c, "loyalty_accrual", "e1")).isFalse();
      c.commit();
    }
    assertThat(store.isHandled("loyalty_accrual", "e1")).isTrue();
  }

  @Test
  void purgeRemovesMarksOlderThanTheCutoff() {
    JdbcDedupStore store = new JdbcDedupStore(dataSource, JdbcDedupStore.DEFAULT_TABLE);
    store.migrate();
    store.markHandled("crm", "e1");
    assertThat(store.purgeHandledBefore(Instant.now().minusSeconds(3600))).isZero();
    assertThat(store.purgeHandledBefore(Instant.now().plusSeconds(3600))).isEqualTo(1);
    assertThat(store.isHandled("crm", "e1")).isFalse();
  }

  @Test
  void tableNameThatIsNoPlainIdentifierIsRefused() {
    assertThatThrownBy(() -> new JdbcDedupStore(dataSource, "x; DROP TABLE y"))
        .hasMessage(
            "entityflow.consumer.dedup.table 'x; DROP TABLE y' is not allowed; allowed: a lower"
                + " case SQL identifier (a-z, 0-9, _; at most 63 characters, not starting with a"
                + " digit)");
  }
}
