package io.entityflow.publisher.privacy;

import io.entityflow.privacy.forget.ForgetAuditLog;
import io.entityflow.privacy.keys.StoredSubjectKey;
import io.entityflow.privacy.keys.SubjectKeyListener;
import io.entityflow.privacy.keys.SubjectKeyStore;
import io.entityflow.publisher.EntityPublisher;
import io.entityflow.publisher.PublishReceipt;
import io.entityflow.publisher.PublishRequest;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the system entity {@code entityflow.keys.v1.SubjectKey} through the {@link
 * EntityPublisher}: CREATED with subject_id, wrapped_keyset, kek_uri, pseudonym and created_at when
 * this instance creates a subject's keyset, DELETED with only subject_id when a subject is
 * forgotten, so the warehouse can decrypt (KEYS.KEYSET_CHAIN) and mask. SubjectKey has no PII, so
 * its events travel in clear (topic {@code subject_key_v1}). Event ids and occurred-at times are
 * deterministic ({@link SubjectKeyEvents}).
 *
 * <pre>{@code
 * // a bean: CachingSubjectKeysets and SubjectForgetter of PrivacyFactory call it
 * keysets.aeadFor("customer-42");                    // publishes SubjectKey CREATED
 * forgetter.forget("customer-42", "dpo:ticket-1234"); // publishes SubjectKey DELETED
 * publication.settled().join();                      // every publish answered, its mark written
 * }</pre>
 *
 * <p>Publishing does not wait for Pub/Sub (it runs inside the publish of the event that needed the
 * key). When Pub/Sub acknowledges, the key row ({@link SubjectKeyStore#markPublished}) or the
 * forget record ({@link ForgetAuditLog#markPublished}) is marked published, on a thread of its own
 * (never Pub/Sub's callback thread). A failed publish (or a publisher that cannot be made) is
 * logged with its event id only, never its payload, and never fails the encryption or the forget:
 * the entry stays unpublished and {@link SubjectKeyRepublisher} publishes it again with the same
 * event id.
 */
@Singleton
@Requires(property = PrivacyConfiguration.PREFIX + ".enabled", notEquals = "false")
public class SubjectKeyPublication implements SubjectKeyListener {
  private static final Logger LOG = LoggerFactory.getLogger(SubjectKeyPublication.class);

  private final BeanProvider<EntityPublisher> publisher;
  private final BeanProvider<SubjectKeyStore> store;
  private final BeanProvider<ForgetAuditLog> auditLog;
  private final Clock clock = Clock.systemUTC();
  private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
  // marks are database writes: one thread, started on demand, gone when idle
  private final ExecutorService marks =
      new ThreadPoolExecutor(
          0,
          1,
          30,
          TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(),
          task -> {
            Thread thread = new Thread(task, "entityflow-subject-key-marks");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * Publishes through the (lazily resolved) publisher and marks entries published in the (lazily
   * resolved) key store and forget audit log.
   */
  public SubjectKeyPublication(
      BeanProvider<EntityPublisher> publisher,
      BeanProvider<SubjectKeyStore> store,
      BeanProvider<ForgetAuditLog> auditLog) {
    this.publisher = publisher;
    this.store = store;
    this.auditLog = auditLog;
  }

  @Override
  public void created(StoredSubjectKey key) {
    publish(SubjectKeyEvents.created(key), () -> store.get().markPublished(key, clock.instant()));
  }

  @Override
  public void forgotten(String subjectId, Instant forgottenAt) {
    publish(
        SubjectKeyEvents.deleted(subjectId, forgottenAt),
        () -> auditLog.get().markPublished(subjectId, forgottenAt, clock.instant()));
  }

  /**
   * Completes when every publish started so far has been answered and, when acknowledged, marked
   * published (or the mark failed and was logged).
   */
  public CompletableFuture<Void> settled() {
    return CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new));
  }

  /** Stops the mark thread; marks not written yet are left to the republisher. */
  @PreDestroy
  public void close() {
    marks.shutdown();
  }

  private void publish(PublishRequest request, Runnable mark) {
    CompletableFuture<PublishReceipt> sent;
    try {
      sent = publisher.get().publish(request);
    } catch (
        RuntimeException e) { // no publisher (e.g. not configured): the entry stays unpublished
      failed(request, e);
      return;
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    inFlight.add(done);
    done.whenComplete((ignored, failure) -> inFlight.remove(done));
    sent.whenComplete(
        (receipt, failure) -> {
          if (failure != null) {
            failed(request, failure);
            done.complete(null);
            return;
          }
          try {
            marks.execute(() -> markPublished(request, mark, done));
          } catch (RuntimeException e) { // shut down: the republisher marks it later
            done.complete(null);
          }
        });
  }

  private static void markPublished(
      PublishRequest request, Runnable mark, CompletableFuture<Void> done) {
    try {
      mark.run();
    } catch (RuntimeException e) {
      LOG.warn(
          "SubjectKey {} event {} was published but could not be marked published ({}); the"
              + " republisher publishes it again with the same event id",
          request.operation(),
          request.eventId(),
          e.toString());
    } finally {
      done.complete(null);
    }
  }

  private static void failed(PublishRequest request, Throwable failure) {
    LOG.warn(
        "SubjectKey {} event {} could not be published ({}); it stays unpublished and the"
            + " republisher publishes it again with the same event id",
        request.operation(),
        request.eventId(),
        failure.toString());
  }
}
