package io.entityflow.privacy.forget;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entityflow.privacy.keys.CachingSubjectKeysets;
import io.entityflow.privacy.keys.JdbcSubjectKeyStore;
import io.entityflow.privacy.keys.LocalKeyFileKek;
import io.entityflow.privacy.keys.PrivacySchema;
import io.entityflow.testing.PostgresServer;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubjectForgetterIT {
  private static final Instant NOW = Instant.parse("2026-12-06T11:00:00.123456789Z");

  @TempDir Path directory;
  private DataSource dataSource;
  private CachingSubjectKeysets keysets;
  private SubjectForgetter forgetter;

  @BeforeEach
  void wire() throws Exception {
    dataSource = PostgresServer.shared().createDatabase("privacy_forget").dataSource();
    PrivacySchema.migrate(dataSource);
    JdbcSubjectKeyStore store = new JdbcSubjectKeyStore(dataSource);
    keysets =
        CachingSubjectKeysets.builder(store, LocalKeyFileKek.open(directory.resolve("kek.json")))
            .build();
    forgetter =
        new SubjectForgetter(
                store, new JdbcForgetAuditLog(dataSource), Clock.fixed(NOW, ZoneOffset.UTC))
            .register(keysets);
  }

  private List<String> query(String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      int columns = row.getMetaData().getColumnCount();
      while (row.next()) {
        List<String> values = new ArrayList<>();
        for (int column = 1; column <= columns; column++) {
          Object value = row.getObject(column);
          values.add(
              value instanceof java.sql.Timestamp
                  ? row.getObject(column, OffsetDateTime.class).toInstant().toString()
                  : String.valueOf(value));
        }
        rows.add(String.join("|", values));
      }
    }
    return rows;
  }

  @Test
  void forgetDeletesTheKeyRowAndAuditsExactlySubjectActorTimeAndExistence() throws Exception {
    byte[] ciphertext =
        keysets.aeadFor("customer-1").encrypt("ada".getBytes(UTF_8), "customer-1".getBytes(UTF_8));
    keysets.aeadFor("customer-2");

    forgetter.forget("customer-1", "dpo:ticket-1");
    forgetter.forget("customer-9", "support:alice");

    assertThat(query("SELECT subject_id FROM entityflow_subject_keys ORDER BY subject_id"))
        .containsExactly("customer-2");
    assertThat(
            query(
                "SELECT id, subject_id, actor, forgotten_at, key_existed"
                    + " FROM entityflow_forget_audit ORDER BY id"))
        .containsExactly(
            "1|customer-1|dpo:ticket-1|2026-12-06T11:00:00.123456Z|true",
            "2|customer-9|support:alice|2026-12-06T11:00:00.123456Z|false");
    assertThat(keysets.existingAeadFor("customer-1")).isEmpty();
    assertThatThrownBy(
            () -> keysets.aeadFor("customer-1").decrypt(ciphertext, "customer-1".getBytes(UTF_8)))
        .isInstanceOf(GeneralSecurityException.class);
  }
}
