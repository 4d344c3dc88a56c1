package io.entityflow.privacy.keys;

import static io.entityflow.privacy.keys.StoreFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.testing.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcSubjectKeyStoreIT {
  private DataSource dataSource;
  private JdbcSubjectKeyStore store;

  @BeforeEach
  void createDatabase() {
    dataSource = PostgresServer.shared().createDatabase("privacy_keys").dataSource();
    PrivacySchema.migrate(dataSource);
    store = new JdbcSubjectKeyStore(dataSource);
  }

  private List<String> rows() throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT subject_id, wrapped_keyset, kek_uri, pseudonym, created_at"
                    + " FROM entityflow_subject_keys ORDER BY subject_id")) {
      while (row.next()) {
        rows.add(
            row.getString(1)
                + "|"
                + HexFormat.of().formatHex(row.getBytes(2))
                + "|"
                + row.getString(3)
                + "|"
                + row.getString(4)
                + "|"
                + row.getObject(5, OffsetDateTime.class).toInstant());
      }
    }
    return rows;
  }

  @Test
  void migrationRunsOnceAndCreatesBothTables() throws Exception {
    assertThat(PrivacySchema.migrate(dataSource)).isZero();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                    + " ORDER BY table_name")) {
      List<String> tables = new ArrayList<>();
      while (row.next()) {
        tables.add(row.getString(1));
      }
      assertThat(tables)
          .containsExactly(
              "entityflow_forget_audit",
              "entityflow_privacy_schema_history",
              "entityflow_subject_keys");
    }
  }

  @Test
  void createdKeyIsOneExactRowAndReadsBackEqual() throws Exception {
    StoredSubjectKey candidate = key("customer-1", 1, "pseudonym-1");

    SubjectKeyStore.Creation creation = store.createIfAbsent(candidate);

    assertThat(creation).isEqualTo(new SubjectKeyStore.Creation(candidate, true));
    assertThat(rows())
        .containsExactly(
            "customer-1|010203|local-file:///kek.json|pseudonym-1|2026-12-06T11:00:00.123456Z");
    assertThat(store.find("customer-1")).contains(candidate);
    assertThat(store.find("customer-2")).isEmpty();
  }

  @Test
  void laterCreationKeepsTheFirstRow() throws Exception {
    StoredSubjectKey first = key("customer-1", 1, "pseudonym-1");
    store.createIfAbsent(first);

    assertThat(store.createIfAbsent(key("customer-1", 9, "pseudonym-9")))
        .isEqualTo(new SubjectKeyStore.Creation(first, false));
    assertThat(rows())
        .containsExactly(
            "customer-1|010203|local-file:///kek.json|pseudonym-1|2026-12-06T11:00:00.123456Z");
  }

  @Test
  void racingCreatorsOnTwoConnectionsEndWithOneRowAndBothGetIt() throws Exception {
    List<SubjectKeyStore.Creation> creations =
        StoreFixtures.race(store, key("customer-1", 1, "p-1"), key("customer-1", 2, "p-2"));

    assertThat(creations.get(0).key()).isEqualTo(creations.get(1).key());
    assertThat(creations).filteredOn(SubjectKeyStore.Creation::created).hasSize(1);
    StoredSubjectKey winner = creations.get(0).key();
    assertThat(rows())
        .containsExactly(
            "customer-1|"
                + HexFormat.of().formatHex(winner.wrappedKeyset())
                + "|local-file:///kek.json|"
                + winner.pseudonym()
                + "|2026-12-06T11:00:00.123456Z");
  }

  @Test
  void deleteRemovesOnlyThatSubjectsRow() throws Exception {
    store.createIfAbsent(key("customer-1", 1, "p-1"));
    store.createIfAbsent(key("customer-2", 2, "p-2"));

    assertThat(store.delete("customer-1")).isTrue();
    assertThat(store.delete("customer-1")).isFalse();
    assertThat(store.find("customer-1")).isEmpty();
    assertThat(rows())
        .containsExactly(
            "customer-2|020203|local-file:///kek.json|p-2|2026-12-06T11:00:00.123456Z");
  }

  @Test
  void createdAtIsKeptToTheMicrosecond() {
    StoredSubjectKey nanos =
        new StoredSubjectKey(
            "customer-1",
            new byte[] {1},
            "local-file:///kek.json",
            "p-1",
            StoreFixtures.CREATED.plusNanos(789));

    assertThat(store.createIfAbsent(nanos).key().createdAt()).isEqualTo(StoreFixtures.CREATED);
  }
}
