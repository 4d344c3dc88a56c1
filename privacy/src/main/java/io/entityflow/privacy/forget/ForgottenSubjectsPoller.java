package io.entityflow.privacy.forget;

import io.entityflow.privacy.keys.CachingSubjectKeysets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Evicts from this instance's key cache the subjects that any instance forgot: reads the forget
 * audit log's entries newer than its last check and evicts each of their subjects. Run {@link
 * #poll} every few seconds (entityflow-publisher schedules it every {@code
 * entityflow.privacy.cache.forget-poll-interval}); a forgotten key is then used by this instance
 * for at most that interval (plus one poll's duration), instead of the cache's {@code
 * expireAfterWrite}.
 *
 * <pre>{@code
 * ForgottenSubjectsPoller poller = new ForgottenSubjectsPoller(new JdbcForgetAuditLog(dataSource), keysets);
 * scheduler.scheduleWithFixedDelay(poller::poll, 5, 5, TimeUnit.SECONDS);
 * }</pre>
 *
 * <p>Needs the audit log of the forgetter, i.e. the same database as the key store (the JDBC kind);
 * an in-memory log only sees the forgets of its own process, whose forgetter evicts directly.
 *
 * <p>Guarantees: the creation reads the newest audit id, then drops every cached primitive, so
 * nothing cached before the poller existed escapes it and every later forget is read by a poll;
 * each poll reads, in pages of {@value #PAGE} entries, every entry above the newest id seen two
 * polls ago (an entry that becomes visible after one with a higher id, because its insert committed
 * later, is still read by the next poll) and evicts each subject once per entry; {@link #poll} is
 * thread-safe (one poll at a time).
 */
public final class ForgottenSubjectsPoller {
  /** Entries read per query. */
  public static final int PAGE = 500;

  private final ForgetAuditLog auditLog;
  private final CachingSubjectKeysets keysets;
  // every entry up to floor was read by a poll before the previous one
  private long floor;
  // the newest id the previous poll read: the next floor
  private long previousNewest;
  // ids above floor whose subject was already evicted
  private final Set<Long> evicted = new HashSet<>();
  private long evictions;

  /**
   * A poller starting after the newest entry of {@code auditLog}; drops everything {@code keysets}
   * cached so far.
   */
  public ForgottenSubjectsPoller(ForgetAuditLog auditLog, CachingSubjectKeysets keysets) {
    this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
    this.keysets = Objects.requireNonNull(keysets, "keysets");
    this.floor = auditLog.latestId();
    this.previousNewest = floor;
    keysets.evictAll();
  }

  /** Evicts the subjects of the entries recorded since the last poll; returns how many entries. */
  public synchronized int poll() {
    int count = 0;
    long after = floor;
    List<ForgetAuditEntry> page;
    do {
      page = auditLog.since(after, PAGE);
      for (ForgetAuditEntry entry : page) {
        if (evicted.add(entry.id())) {
          keysets.evict(entry.subjectId());
          count++;
        }
        after = entry.id();
      }
    } while (page.size() == PAGE);
    floor = previousNewest;
    previousNewest = Math.max(previousNewest, after);
    long newFloor = floor;
    evicted.removeIf(id -> id <= newFloor);
    evictions += count;
    return count;
  }

  /** The audit entries whose subject this poller evicted, since it was made. */
  public synchronized long evictions() {
    return evictions;
  }
}
