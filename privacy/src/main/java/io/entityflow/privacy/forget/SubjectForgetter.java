package io.entityflow.privacy.forget;

import io.entityflow.privacy.keys.SubjectKeyCache;
import io.entityflow.privacy.keys.SubjectKeyListener;
import io.entityflow.privacy.keys.SubjectKeyStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forgets data subjects by deleting their keys (crypto-shredding): everything encrypted with a
 * forgotten subject's keyset can no longer be decrypted, wherever it was copied.
 *
 * <pre>{@code
 * SubjectForgetter forgetter = new SubjectForgetter(store, auditLog, Clock.systemUTC());
 * forgetter.register(keysets);                 // caches to evict (CachingSubjectKeysets)
 * forgetter.addListener(subjectKeyPublisher);  // e.g. publishes SubjectKey DELETED
 * ForgetReceipt receipt = forgetter.forget("customer-42", "dpo:ticket-1234");
 * }</pre>
 *
 * <p>Order of a forget: delete the key from the store; evict it from every registered cache; record
 * the receipt in the audit log; tell the listeners. A subject without a key is recorded too ({@code
 * key_existed = false}) and the listeners are told, so copies elsewhere are deleted as well.
 * Guarantees: writes and logs nothing but the subject id, the actor and the time; thread-safe; when
 * the audit log fails the key is already deleted and the error reaches the caller.
 */
public final class SubjectForgetter {
  private final SubjectKeyStore store;
  private final ForgetAuditLog auditLog;
  private final Clock clock;
  private final List<SubjectKeyCache> caches = new CopyOnWriteArrayList<>();
  private final List<SubjectKeyListener> listeners = new CopyOnWriteArrayList<>();

  /** A forgetter deleting keys from {@code store} and recording in {@code auditLog}. */
  public SubjectForgetter(SubjectKeyStore store, ForgetAuditLog auditLog, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Evicts forgotten subjects from {@code cache} from now on. */
  public SubjectForgetter register(SubjectKeyCache cache) {
    caches.add(Objects.requireNonNull(cache, "cache"));
    return this;
  }

  /** Tells {@code listener} about every forget from now on. */
  public SubjectForgetter addListener(SubjectKeyListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Forgets {@code subjectId} on behalf of {@code actor}.
   *
   * @throws IllegalArgumentException when the subject id or the actor is null or empty
   */
  public ForgetReceipt forget(String subjectId, String actor) {
    require("subject id", subjectId);
    require("actor", actor);
    boolean existed = store.delete(subjectId);
    for (SubjectKeyCache cache : caches) {
      cache.evict(subjectId);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    ForgetReceipt receipt = new ForgetReceipt(subjectId, actor, now, existed);
    auditLog.record(receipt);
    for (SubjectKeyListener listener : listeners) {
      listener.forgotten(subjectId, now);
    }
    return receipt;
  }

  private static void require(String what, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(
          what
              + " "
              + (value == null ? "null" : "''")
              + " is not allowed: a forget needs a non-empty "
              + what);
    }
  }
}
