package io.entityflow.privacy.forget;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import io.entityflow.privacy.keys.CachingSubjectKeysets;
import io.entityflow.privacy.keys.InMemorySubjectKeyStore;
import io.entityflow.privacy.keys.LocalKeyFileKek;
import io.entityflow.privacy.keys.StoredSubjectKey;
import io.entityflow.privacy.keys.SubjectKeyListener;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubjectForgetterTest {
  private static final Instant NOW = Instant.parse("2026-12-06T11:00:00.123456789Z");
  private static final Instant NOW_MICROS = Instant.parse("2026-12-06T11:00:00.123456Z");
  private static final byte[] EMAIL = "ada@example.com".getBytes(UTF_8);

  @TempDir Path directory;
  private final InMemorySubjectKeyStore store = new InMemorySubjectKeyStore();
  private final InMemoryForgetAuditLog auditLog = new InMemoryForgetAuditLog();
  private final List<String> forgotten = new ArrayList<>();
  private CachingSubjectKeysets keysets;
  private SubjectForgetter forgetter;

  @BeforeEach
  void wire() throws Exception {
    keysets =
        CachingSubjectKeysets.builder(store, LocalKeyFileKek.open(directory.resolve("kek.json")))
            .build();
    SubjectKeyListener listener =
        new SubjectKeyListener() {
          @Override
          public void created(StoredSubjectKey key) {}

          @Override
          public void forgotten(String subjectId, Instant forgottenAt) {
            forgotten.add(subjectId + "@" + forgottenAt);
          }
        };
    forgetter =
        new SubjectForgetter(store, auditLog, Clock.fixed(NOW, ZoneOffset.UTC))
            .register(keysets)
            .addListener(listener);
  }

  private static byte[] ad(String subjectId) {
    return subjectId.getBytes(UTF_8);
  }

  @Test
  void forgottenSubjectHasNoKeyAnyMoreEvenThoughItWasCached() throws Exception {
    keysets.aeadFor("customer-1");

    ForgetReceipt receipt = forgetter.forget("customer-1", "dpo:ticket-1");

    assertThat(receipt)
        .isEqualTo(new ForgetReceipt("customer-1", "dpo:ticket-1", NOW_MICROS, true));
    assertThat(keysets.existingAeadFor("customer-1")).isEmpty();
    assertThat(store.find("customer-1")).isEmpty();
  }

  @Test
  void newKeysetAfterAForgetCannotDecryptWhatWasEncryptedBefore() throws Exception {
    byte[] before = keysets.aeadFor("customer-1").encrypt(EMAIL, ad("customer-1"));

    forgetter.forget("customer-1", "dpo:ticket-1");
    Aead after = keysets.aeadFor("customer-1");

    assertThat(store.find("customer-1")).isPresent();
    assertThatThrownBy(() -> after.decrypt(before, ad("customer-1")))
        .isInstanceOf(GeneralSecurityException.class);
    assertThat(after.decrypt(after.encrypt(EMAIL, ad("customer-1")), ad("customer-1")))
        .isEqualTo(EMAIL);
  }

  @Test
  void otherSubjectsStillDecrypt() throws Exception {
    byte[] other = keysets.aeadFor("customer-2").encrypt(EMAIL, ad("customer-2"));
    keysets.aeadFor("customer-1");

    forgetter.forget("customer-1", "dpo:ticket-1");

    assertThat(keysets.existingAeadFor("customer-2").orElseThrow().decrypt(other, ad("customer-2")))
        .isEqualTo(EMAIL);
  }

  @Test
  void everyForgetIsAuditedIncludingUnknownSubjects() {
    forgetter.forget("customer-9", "dpo:ticket-2");

    assertThat(auditLog.entries())
        .containsExactly(new ForgetReceipt("customer-9", "dpo:ticket-2", NOW_MICROS, false));
  }

  @Test
  void auditHoldsOneEntryPerForgetInOrder() throws Exception {
    keysets.aeadFor("customer-1");

    forgetter.forget("customer-1", "dpo:ticket-1");
    forgetter.forget("customer-1", "dpo:ticket-1");

    assertThat(auditLog.entries())
        .containsExactly(
            new ForgetReceipt("customer-1", "dpo:ticket-1", NOW_MICROS, true),
            new ForgetReceipt("customer-1", "dpo:ticket-1", NOW_MICROS, false));
  }

  @Test
  void listenersAreToldOfEveryForget() throws Exception {
    keysets.aeadFor("customer-1");

    forgetter.forget("customer-1", "dpo:ticket-1");
    forgetter.forget("customer-9", "dpo:ticket-2");

    assertThat(forgotten)
        .containsExactly(
            "customer-1@2026-12-06T11:00:00.123456Z", "customer-9@2026-12-06T11:00:00.123456Z");
  }

  @Test
  void emptyActorIsRefusedBeforeAnythingIsDeleted() throws Exception {
    keysets.aeadFor("customer-1");

    assertThatThrownBy(() -> forgetter.forget("customer-1", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("actor '' is not allowed: a forget needs a non-empty actor");
    assertThat(store.find("customer-1")).isPresent();
    assertThat(auditLog.entries()).isEmpty();
  }

  @Test
  void nullSubjectIsRefused() {
    assertThatThrownBy(() -> forgetter.forget(null, "dpo"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("subject id null is not allowed: a forget needs a non-empty subject id");
  }
}
