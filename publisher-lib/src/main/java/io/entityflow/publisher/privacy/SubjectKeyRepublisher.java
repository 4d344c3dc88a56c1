package io.entityflow.publisher.privacy;

import io.entityflow.contract.Operation;
import io.entityflow.privacy.forget.ForgetAuditEntry;
import io.entityflow.privacy.forget.ForgetAuditLog;
import io.entityflow.privacy.keys.StoredSubjectKey;
import io.entityflow.privacy.keys.SubjectKeyStore;
import io.entityflow.publisher.EntityPublisher;
import io.entityflow.publisher.PublishReceipt;
import io.entityflow.publisher.PublishRequest;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes again the {@code SubjectKey} events Pub/Sub never acknowledged: CREATED for every key
 * row still unpublished, DELETED for every forget record still unpublished, each with the same
 * event id and occurred-at as its first publish ({@link SubjectKeyEvents}), and marks them
 * published once acknowledged. {@link PrivacyFactory} runs {@link #republishUnpublished} every
 * {@code entityflow.privacy.republish.interval}; {@link #republishAll} publishes every key and
 * forget again (a resync, e.g. after restoring the warehouse's {@code subject_key_v1} table).
 *
 * <pre>{@code
 * SubjectKeyRepublisher republisher = context.getBean(SubjectKeyRepublisher.class);
 * republisher.republishUnpublished(); // Republished[created=2, deleted=1, failed=0]
 * republisher.republishAll();         // every stored key and every recorded forget
 * }</pre>
 *
 * <p>Guarantees: only entries older than {@code min-age} are republished, so a first publish still
 * waiting for Pub/Sub's answer is normally not duplicated (a duplicate has the same event id, see
 * {@link SubjectKeyEvents}); entries are read in batches of {@code batch-size}, oldest first, and a
 * run waits for the answers of a batch before the next one and stops at the first batch with a
 * failure (the rest waits for the next run); failures are logged with counts and the first cause,
 * never a payload; runs never overlap; metrics {@code entityflow.privacy.subject_key.republished}
 * (counter, tag {@code operation}), {@code entityflow.privacy.subject_key.republish_failed}
 * (counter) and {@code entityflow.privacy.subject_key.unpublished} (gauge: entries older than
 * {@code min-age} the latest run found and could not publish) when a registry is given.
 */
public final class SubjectKeyRepublisher {
  private static final Logger LOG = LoggerFactory.getLogger(SubjectKeyRepublisher.class);

  private final Supplier<EntityPublisher> publisher;
  private final SubjectKeyStore store;
  private final ForgetAuditLog auditLog;
  private final Duration minAge;
  private final int batchSize;
  private final Clock clock;
  private final AtomicLong republishedCreated = new AtomicLong();
  private final AtomicLong republishedDeleted = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong unpublished = new AtomicLong();

  /**
   * A republisher of the entries of {@code store} and {@code auditLog}.
   *
   * @param publisher resolved only when there is something to publish
   * @param minAge entries younger than this are left to their first publish
   * @param batchSize entries read and published at a time, at least 1
   * @param registry where the metrics go; {@code null}: none
   */
  public SubjectKeyRepublisher(
      Supplier<EntityPublisher> publisher,
      SubjectKeyStore store,
      ForgetAuditLog auditLog,
      Duration minAge,
      int batchSize,
      Clock clock,
      MeterRegistry registry) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.store = Objects.requireNonNull(store, "store");
    this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
    this.minAge = Objects.requireNonNull(minAge, "minAge");
    this.batchSize = batchSize;
    this.clock = Objects.requireNonNull(clock, "clock");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size " + batchSize + " is not allowed: at least 1");
    }
    if (registry != null) {
      register(registry);
    }
  }

  /**
   * Publishes every unpublished key (CREATED) and forget (DELETED) older than {@code min-age} and
   * marks the acknowledged ones published.
   */
  public synchronized Republished republishUnpublished() {
    Instant cutoff = clock.instant().minus(minAge);
    Tally keys = new Tally();
    List<StoredSubjectKey> batch;
    do {
      batch = store.unpublished(cutoff, batchSize);
      keys.add(publishKeys(batch));
    } while (batch.size() == batchSize && keys.failed == 0);
    Tally forgets = new Tally();
    List<ForgetAuditEntry> entries;
    do {
      entries = auditLog.unpublished(cutoff, batchSize);
      forgets.add(publishForgets(entries));
    } while (entries.size() == batchSize && forgets.failed == 0);
    unpublished.set(keys.failed + forgets.failed);
    return finished("unpublished", keys, forgets);
  }

  /**
   * Publishes every stored key (CREATED) and every recorded forget (DELETED) again, published or
   * not, and marks the acknowledged ones published; continues past failures.
   */
  public synchronized Republished republishAll() {
    Tally keys = new Tally();
    String after = null;
    List<StoredSubjectKey> batch;
    do {
      batch = store.list(after, batchSize);
      keys.add(publishKeys(batch));
      after = batch.isEmpty() ? after : batch.get(batch.size() - 1).subjectId();
    } while (batch.size() == batchSize);
    Tally forgets = new Tally();
    long afterId = 0;
    List<ForgetAuditEntry> entries;
    do {
      entries = auditLog.since(afterId, batchSize);
      forgets.add(publishForgets(entries));
      afterId = entries.isEmpty() ? afterId : entries.get(entries.size() - 1).id();
    } while (entries.size() == batchSize);
    return finished("every", keys, forgets);
  }

  /** The gauge's value: entries the latest {@link #republishUnpublished} could not publish. */
  public long unpublishedAfterLatestRun() {
    return unpublished.get();
  }

  private Tally publishKeys(List<StoredSubjectKey> keys) {
    List<Runnable> marks = new ArrayList<>();
    List<PublishRequest> requests = new ArrayList<>();
    for (StoredSubjectKey key : keys) {
      requests.add(SubjectKeyEvents.created(key));
      marks.add(() -> store.markPublished(key, clock.instant()));
    }
    return publish(requests, marks);
  }

  private Tally publishForgets(List<ForgetAuditEntry> entries) {
    List<Runnable> marks = new ArrayList<>();
    List<PublishRequest> requests = new ArrayList<>();
    for (ForgetAuditEntry entry : entries) {
      requests.add(SubjectKeyEvents.deleted(entry.subjectId(), entry.forgottenAt()));
      marks.add(
          () -> auditLog.markPublished(entry.subjectId(), entry.forgottenAt(), clock.instant()));
    }
    return publish(requests, marks);
  }

  /** Publishes the batch, waits for every answer, marks the acknowledged entries. */
  private Tally publish(List<PublishRequest> requests, List<Runnable> marks) {
    Tally tally = new Tally();
    if (requests.isEmpty()) {
      return tally;
    }
    List<CompletableFuture<PublishReceipt>> answers = new ArrayList<>();
    for (PublishRequest request : requests) {
      try {
        answers.add(publisher.get().publish(request));
      } catch (RuntimeException e) {
        answers.add(CompletableFuture.failedFuture(e));
      }
    }
    for (int i = 0; i < requests.size(); i++) {
      try {
        answers.get(i).join();
        marks.get(i).run();
        tally.published(requests.get(i).operation());
      } catch (CompletionException | java.util.concurrent.CancellationException e) {
        tally.failed(e.getCause() == null ? e : e.getCause());
      } catch (RuntimeException e) { // the mark failed: published, but republished next run
        tally.failed(e);
      }
    }
    return tally;
  }

  private Republished finished(String which, Tally keys, Tally forgets) {
    republishedCreated.addAndGet(keys.created);
    republishedDeleted.addAndGet(forgets.deleted);
    failures.addAndGet(keys.failed + forgets.failed);
    Republished result =
        new Republished(keys.created, forgets.deleted, keys.failed + forgets.failed);
    if (result.created() + result.deleted() > 0) {
      LOG.info(
          "republished {} SubjectKey events: {} CREATED, {} DELETED",
          which,
          result.created(),
          result.deleted());
    }
    if (result.failed() > 0) {
      Throwable first = keys.firstFailure != null ? keys.firstFailure : forgets.firstFailure;
      LOG.warn(
          "{} SubjectKey events could not be republished and stay unpublished for the next run;"
              + " first cause: {}",
          result.failed(),
          first.toString());
    }
    return result;
  }

  private void register(MeterRegistry registry) {
    for (Operation operation : List.of(Operation.CREATED, Operation.DELETED)) {
      AtomicLong count = operation == Operation.CREATED ? republishedCreated : republishedDeleted;
      FunctionCounter.builder(
              "entityflow.privacy.subject_key.republished", count, AtomicLong::doubleValue)
          .tag("operation", operation.name())
          .description("SubjectKey events published again and acknowledged")
          .register(registry);
    }
    FunctionCounter.builder(
            "entityflow.privacy.subject_key.republish_failed", failures, AtomicLong::doubleValue)
        .description("SubjectKey events whose republish failed")
        .register(registry);
    Gauge.builder(
            "entityflow.privacy.subject_key.unpublished", unpublished, AtomicLong::doubleValue)
        .description("SubjectKey events older than min-age the latest run could not publish")
        .register(registry);
  }

  /**
   * What a run did.
   *
   * @param created CREATED events acknowledged (and marked)
   * @param deleted DELETED events acknowledged (and marked)
   * @param failed events not published or not marked; they stay unpublished
   */
  public record Republished(int created, int deleted, int failed) {}

  private static final class Tally {
    int created;
    int deleted;
    int failed;
    Throwable firstFailure;

    void published(Operation operation) {
      if (operation == Operation.CREATED) {
        created++;
      } else {
        deleted++;
      }
    }

    void failed(Throwable cause) {
      failed++;
      if (firstFailure == null) {
        firstFailure = cause;
      }
    }

    void add(Tally other) {
      created += other.created;
      deleted += other.deleted;
      failed += other.failed;
      if (firstFailure == null) {
        firstFailure = other.firstFailure;
      }
    }
  }
}
