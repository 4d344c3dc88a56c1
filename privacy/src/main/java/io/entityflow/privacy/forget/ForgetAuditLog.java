package io.entityflow.privacy.forget;

import java.time.Instant;
import java.util.List;

/**
 * Where forgets are recorded (SPI): {@link JdbcForgetAuditLog} (PostgreSQL table {@code
 * entityflow_forget_audit}) for services, {@link InMemoryForgetAuditLog} for tests.
 *
 * <pre>{@code
 * auditLog.record(new ForgetReceipt("customer-42", "dpo:ticket-1234", now, true));
 * auditLog.since(lastId, 100);             // newer entries: other instances evict those subjects
 * auditLog.unpublished(cutoff, 100);       // forgets whose SubjectKey DELETED is not confirmed
 * auditLog.markPublished("customer-42", forgottenAt, now);
 * }</pre>
 *
 * <p>Guarantees every implementation gives: one entry per recorded receipt, holding only its
 * subject id, actor, time, whether a key existed and when its DELETED event was published (a new
 * entry starts unpublished); ids increase in insertion order; thread-safe. The listing and
 * publication methods are implemented by both shipped logs; a log of its own that does not have
 * them throws {@link UnsupportedOperationException}, and then neither the poller of forgets nor the
 * republisher can use it.
 */
@FunctionalInterface
public interface ForgetAuditLog {
  /** Records one forget. */
  void record(ForgetReceipt receipt);

  /** The id of the newest entry; 0 when the log is empty. */
  default long latestId() {
    throw unsupported("latestId");
  }

  /**
   * Up to {@code limit} entries with an id above {@code afterId}, by id.
   *
   * @throws IllegalArgumentException when {@code limit} is below 1
   */
  default List<ForgetAuditEntry> since(long afterId, int limit) {
    throw unsupported("since");
  }

  /**
   * Up to {@code limit} entries whose {@code SubjectKey} DELETED event was never confirmed
   * published and that were forgotten at or before {@code forgottenUpTo}, oldest (lowest id) first.
   *
   * @throws IllegalArgumentException when {@code limit} is below 1
   */
  default List<ForgetAuditEntry> unpublished(Instant forgottenUpTo, int limit) {
    throw unsupported("unpublished");
  }

  /**
   * Records that the DELETED event of the forget of {@code subjectId} at {@code forgottenAt} was
   * published at {@code publishedAt}; returns how many unpublished entries that marked (entries of
   * one subject with the same time share one event).
   */
  default int markPublished(String subjectId, Instant forgottenAt, Instant publishedAt) {
    throw unsupported("markPublished");
  }

  private UnsupportedOperationException unsupported(String method) {
    return new UnsupportedOperationException(
        getClass().getName()
            + " cannot list its forgets ("
            + method
            + "); implement it, or use JdbcForgetAuditLog or InMemoryForgetAuditLog");
  }
}
