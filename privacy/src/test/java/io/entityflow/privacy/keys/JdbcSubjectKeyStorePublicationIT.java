package io.entityflow.privacy.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.testing.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

class JdbcSubjectKeyStorePublicationIT extends SubjectKeyStoreContract {

  @Override
  SubjectKeyStore store() {
    DataSource dataSource = PostgresServer.shared().createDatabase("privacy_pub").dataSource();
    PrivacySchema.migrate(dataSource);
    return new JdbcSubjectKeyStore(dataSource);
  }

  private static List<String> strings(DataSource dataSource, String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      while (row.next()) {
        values.add(String.valueOf(row.getObject(1)));
      }
    }
    return values;
  }

  @Test
  void rowsOfTheFirstSchemaVersionAreToPublishAfterTheUpgrade() throws Exception {
    DataSource dataSource = PostgresServer.shared().createDatabase("privacy_v1").dataSource();
    Flyway.configure(PrivacySchema.class.getClassLoader())
        .dataSource(dataSource)
        .locations(PrivacySchema.LOCATION)
        .table(PrivacySchema.HISTORY_TABLE)
        .target("1")
        .load()
        .migrate();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "INSERT INTO entityflow_subject_keys VALUES"
              + " ('customer-1', '\\x010203', 'local-file:///kek.json', 'p-1',"
              + " '2026-12-06T11:00:00.123456Z')");
      statement.execute(
          "INSERT INTO entityflow_forget_audit (subject_id, actor, forgotten_at, key_existed)"
              + " VALUES ('customer-2', 'dpo', '2026-12-06T11:00:01Z', true)");
    }

    assertThat(PrivacySchema.migrate(dataSource)).isEqualTo(1);

    assertThat(strings(dataSource, "SELECT published_at FROM entityflow_subject_keys"))
        .containsExactly("null");
    assertThat(strings(dataSource, "SELECT published_at FROM entityflow_forget_audit"))
        .containsExactly("null");
    assertThat(new JdbcSubjectKeyStore(dataSource).unpublished(StoreFixtures.CREATED, 10))
        .containsExactly(StoreFixtures.key("customer-1", 1, "p-1"));
    assertThat(
            strings(
                dataSource,
                "SELECT version FROM " + PrivacySchema.HISTORY_TABLE + " ORDER BY installed_rank"))
        .containsExactly("1", "2");
  }

  @Test
  void markSetsPublishedAtToTheMicrosecond() throws Exception {
    DataSource dataSource = PostgresServer.shared().createDatabase("privacy_mark").dataSource();
    PrivacySchema.migrate(dataSource);
    JdbcSubjectKeyStore store = new JdbcSubjectKeyStore(dataSource);
    StoredSubjectKey key = StoreFixtures.key("customer-1", 1, "p-1");
    store.createIfAbsent(key);

    store.markPublished(key, java.time.Instant.parse("2026-12-06T12:00:00.654321999Z"));

    assertThat(
            strings(
                dataSource,
                "SELECT to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')"
                    + " FROM entityflow_subject_keys"))
        .containsExactly("2026-12-06 12:00:00.654321");
  }
}
