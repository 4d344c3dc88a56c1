package io.entityflow.privacy.forget;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import io.entityflow.privacy.keys.CachingSubjectKeysets;
import io.entityflow.privacy.keys.JdbcSubjectKeyStore;
import io.entityflow.privacy.keys.KeyEncryptionKey;
import io.entityflow.privacy.keys.LocalKeyFileKek;
import io.entityflow.privacy.keys.PrivacySchema;
import io.entityflow.testing.PostgresServer;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two service instances on one database: a forget by the first reaches the second's cache. */
class ForgottenSubjectsPollerIT {
  private static final byte[] EMAIL = "ada@example.com".getBytes(UTF_8);
  private static final byte[] AD = "customer-1".getBytes(UTF_8);

  @TempDir Path directory;

  @Test
  void secondInstanceDropsTheKeyTheFirstForgotAtItsNextPollAndThenMakesANewOne() throws Exception {
    DataSource dataSource = PostgresServer.shared().createDatabase("privacy_poll").dataSource();
    PrivacySchema.migrate(dataSource);
    KeyEncryptionKey kek = LocalKeyFileKek.open(directory.resolve("kek.json"));
    // instance 1
    JdbcSubjectKeyStore store1 = new JdbcSubjectKeyStore(dataSource);
    CachingSubjectKeysets keysets1 = CachingSubjectKeysets.builder(store1, kek).build();
    SubjectForgetter forgetter1 =
        new SubjectForgetter(store1, new JdbcForgetAuditLog(dataSource), Clock.systemUTC())
            .register(keysets1);
    // instance 2
    JdbcSubjectKeyStore store2 = new JdbcSubjectKeyStore(dataSource);
    CachingSubjectKeysets keysets2 = CachingSubjectKeysets.builder(store2, kek).build();
    ForgottenSubjectsPoller poller2 =
        new ForgottenSubjectsPoller(new JdbcForgetAuditLog(dataSource), keysets2);

    byte[] before = keysets1.aeadFor("customer-1").encrypt(EMAIL, AD);
    Aead old = keysets2.existingAeadFor("customer-1").orElseThrow();
    assertThat(old.decrypt(before, AD)).isEqualTo(EMAIL);
    keysets2.aeadFor("customer-2");

    forgetter1.forget("customer-1", "dpo:ticket-1");
    assertThat(keysets2.existingAeadFor("customer-1")).contains(old); // cached until the poll

    assertThat(poller2.poll()).isEqualTo(1);

    assertThat(keysets2.existingAeadFor("customer-1")).isEmpty();
    assertThat(keysets2.cachedSubjects()).isEqualTo(1); // customer-2 stays cached
    Aead renewed = keysets2.aeadFor("customer-1");
    assertThat(renewed).isNotSameAs(old);
    byte[] after = renewed.encrypt(EMAIL, AD);
    assertThat(renewed.decrypt(after, AD)).isEqualTo(EMAIL);
    assertThatThrownBy(() -> old.decrypt(after, AD)).isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(() -> renewed.decrypt(before, AD))
        .isInstanceOf(GeneralSecurityException.class);
    assertThat(poller2.poll()).isZero();
  }
}
