package io.entityflow.privacy.forget;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Forgets recorded in memory, in order: for tests and single-process runs. Ids are 1, 2, ... in
 * recording order.
 *
 * <pre>{@code
 * InMemoryForgetAuditLog auditLog = new InMemoryForgetAuditLog();
 * auditLog.entries(); // every recorded receipt, oldest first
 * }</pre>
 *
 * <p>Guarantees: those of {@link ForgetAuditLog}; {@link #entries} is a snapshot.
 */
public final class InMemoryForgetAuditLog implements ForgetAuditLog {
  private final List<Entry> entries = new ArrayList<>();

  /** A receipt with its id and when its DELETED event was published (null: not yet). */
  private record Entry(long id, ForgetReceipt receipt, Instant publishedAt) {
    ForgetAuditEntry listed() {
      return new ForgetAuditEntry(id, receipt.subjectId(), receipt.forgottenAt());
    }
  }

  @Override
  public synchronized void record(ForgetReceipt receipt) {
    ForgetReceipt stored =
        new ForgetReceipt(
            receipt.subjectId(),
            receipt.actor(),
            receipt.forgottenAt().truncatedTo(ChronoUnit.MICROS),
            receipt.keyExisted());
    entries.add(new Entry(entries.size() + 1L, stored, null));
  }

  @Override
  public synchronized long latestId() {
    return entries.size();
  }

  @Override
  public synchronized List<ForgetAuditEntry> since(long afterId, int limit) {
    checkLimit(limit);
    return entries.stream()
        .filter(entry -> entry.id() > afterId)
        .limit(limit)
        .map(Entry::listed)
        .toList();
  }

  @Override
  public synchronized List<ForgetAuditEntry> unpublished(Instant forgottenUpTo, int limit) {
    checkLimit(limit);
    return entries.stream()
        .filter(entry -> entry.publishedAt() == null)
        .filter(entry -> !entry.receipt().forgottenAt().isAfter(forgottenUpTo))
        .limit(limit)
        .map(Entry::listed)
        .toList();
  }

  @Override
  public synchronized int markPublished(
      String subjectId, Instant forgottenAt, Instant publishedAt) {
    int marked = 0;
    for (int index = 0; index < entries.size(); index++) {
      Entry entry = entries.get(index);
      if (entry.publishedAt() == null
          && entry.receipt().subjectId().equals(subjectId)
          && entry.receipt().forgottenAt().equals(forgottenAt)) {
        entries.set(index, new Entry(entry.id(), entry.receipt(), publishedAt));
        marked++;
      }
    }
    return marked;
  }

  /** Every recorded receipt, oldest first. */
  public synchronized List<ForgetReceipt> entries() {
    return entries.stream().map(Entry::receipt).toList();
  }

  static void checkLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException(
          "limit " + limit + " of a forget audit listing is not allowed: at least 1");
    }
  }
}
