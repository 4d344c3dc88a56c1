package io.entityflow.privacy.forget;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.privacy.keys.CachingSubjectKeysets;
import io.entityflow.privacy.keys.InMemorySubjectKeyStore;
import io.entityflow.privacy.keys.KeyEncryptionKey;
import io.entityflow.privacy.keys.LocalKeyFileKek;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForgottenSubjectsPollerTest {
  private static final Instant NOW = Instant.parse("2026-12-06T11:00:00.123456Z");

  @TempDir Path directory;
  private final InMemorySubjectKeyStore store = new InMemorySubjectKeyStore();
  private final InMemoryForgetAuditLog auditLog = new InMemoryForgetAuditLog();
  private KeyEncryptionKey kek;
  private CachingSubjectKeysets here;
  private SubjectForgetter elsewhere; // another instance's forgetter: does not know `here`

  @BeforeEach
  void wire() throws Exception {
    kek = LocalKeyFileKek.open(directory.resolve("kek.json"));
    here = CachingSubjectKeysets.builder(store, kek).build();
    elsewhere = new SubjectForgetter(store, auditLog, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void pollEvictsASubjectAnotherInstanceForgot() throws Exception {
    ForgottenSubjectsPoller poller = new ForgottenSubjectsPoller(auditLog, here);
    here.aeadFor("customer-1");
    here.aeadFor("customer-2");
    elsewhere.forget("customer-1", "dpo:ticket-1");
    assertThat(here.existingAeadFor("customer-1")).isPresent(); // still cached before the poll

    assertThat(poller.poll()).isEqualTo(1);

    assertThat(here.existingAeadFor("customer-1")).isEmpty();
    assertThat(here.existingAeadFor("customer-2")).isPresent();
    assertThat(poller.poll()).isZero();
    assertThat(poller.evictions()).isEqualTo(1);
  }

  @Test
  void forgetsBeforeThePollerExistedAreNotReadButWhatTheCacheHeldIsDropped() throws Exception {
    here.aeadFor("customer-1");
    here.aeadFor("customer-2");
    elsewhere.forget("customer-1", "dpo:ticket-1");

    ForgottenSubjectsPoller poller = new ForgottenSubjectsPoller(auditLog, here);

    assertThat(here.cachedSubjects()).isZero();
    assertThat(here.existingAeadFor("customer-1")).isEmpty();
    assertThat(poller.poll()).isZero();
  }

  @Test
  void everyPageOfAManyForgetsPollIsRead() {
    ForgottenSubjectsPoller poller = new ForgottenSubjectsPoller(auditLog, here);
    int forgets = 2 * ForgottenSubjectsPoller.PAGE + 1;
    for (int i = 0; i < forgets; i++) {
      auditLog.record(new ForgetReceipt("customer-" + i, "dpo", NOW, false));
    }

    assertThat(poller.poll()).isEqualTo(forgets);
    assertThat(poller.poll()).isZero();
  }

  @Test
  void entryVisibleOnlyAfterOneWithAHigherIdIsReadByTheNextPollAndOthersAreNotEvictedTwice()
      throws Exception {
    LateCommits log = new LateCommits();
    ForgottenSubjectsPoller poller = new ForgottenSubjectsPoller(log, here);
    for (String subject : List.of("customer-1", "customer-2", "customer-3")) {
      here.aeadFor(subject);
    }
    log.visible.add(new ForgetAuditEntry(1, "customer-1", NOW));
    log.visible.add(new ForgetAuditEntry(3, "customer-3", NOW));

    assertThat(poller.poll()).isEqualTo(2);
    assertThat(here.cachedSubjects()).isEqualTo(1);

    here.aeadFor("customer-1"); // a new use after the forget: cached again
    log.visible.add(1, new ForgetAuditEntry(2, "customer-2", NOW)); // its insert committed late

    assertThat(poller.poll()).isEqualTo(1);
    assertThat(here.cachedSubjects()).isEqualTo(1);
    long misses = here.stats().missCount();
    here.existingAeadFor("customer-1"); // still cached: customer-1 was not evicted again
    assertThat(here.stats().missCount()).isEqualTo(misses);
    assertThat(poller.poll()).isZero();
  }

  /** An audit log whose entries become visible in a test-chosen order. */
  private static final class LateCommits implements ForgetAuditLog {
    final List<ForgetAuditEntry> visible = new ArrayList<>();

    @Override
    public void record(ForgetReceipt receipt) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long latestId() {
      return 0;
    }

    @Override
    public List<ForgetAuditEntry> since(long afterId, int limit) {
      return visible.stream().filter(entry -> entry.id() > afterId).limit(limit).toList();
    }
  }
}
