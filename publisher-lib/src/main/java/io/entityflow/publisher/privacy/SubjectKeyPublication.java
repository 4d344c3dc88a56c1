package io.entityflow.publisher.privacy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.entityflow.contract.Operation;
import io.entityflow.contract.keys.v1.SubjectKey;
import io.entityflow.privacy.keys.StoredSubjectKey;
import io.entityflow.privacy.keys.SubjectKeyListener;
import io.entityflow.publisher.EntityPublisher;
import io.entityflow.publisher.PublishRequest;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the system entity {@code entityflow.keys.v1.SubjectKey} through the {@link
 * EntityPublisher}: CREATED with subject_id, wrapped_keyset, kek_uri, pseudonym and created_at when
 * this instance creates a subject's keyset, DELETED with only subject_id when a subject is
 * forgotten, so the warehouse can decrypt (KEYS.KEYSET_CHAIN) and mask. SubjectKey has no PII, so
 * its events travel in clear (topic {@code subject_key_v1}).
 *
 * <pre>{@code
 * // a bean: CachingSubjectKeysets and SubjectForgetter of PrivacyFactory call it
 * keysets.aeadFor("customer-42");                    // publishes SubjectKey CREATED
 * forgetter.forget("customer-42", "dpo:ticket-1234"); // publishes SubjectKey DELETED
 * }</pre>
 *
 * <p>Publishing does not wait for Pub/Sub (it runs inside the publish of the event that needed the
 * key); a failed publish (or a publisher that cannot be made) is logged and never fails the
 * encryption: the key stays in the key store, the source of truth.
 */
@Singleton
@Requires(property = PrivacyConfiguration.PREFIX + ".enabled", notEquals = "false")
public class SubjectKeyPublication implements SubjectKeyListener {
  private static final Logger LOG = LoggerFactory.getLogger(SubjectKeyPublication.class);

  private final BeanProvider<EntityPublisher> publisher;

  /** Publishes through the (lazily resolved) publisher. */
  public SubjectKeyPublication(BeanProvider<EntityPublisher> publisher) {
    this.publisher = publisher;
  }

  @Override
  public void created(StoredSubjectKey key) {
    publish(
        SubjectKey.newBuilder()
            .setSubjectId(key.subjectId())
            .setWrappedKeyset(ByteString.copyFrom(key.wrappedKeyset()))
            .setKekUri(key.kekUri())
            .setPseudonym(key.pseudonym())
            .setCreatedAt(timestamp(key.createdAt()))
            .build(),
        Operation.CREATED);
  }

  @Override
  public void forgotten(String subjectId, Instant forgottenAt) {
    publish(SubjectKey.newBuilder().setSubjectId(subjectId).build(), Operation.DELETED);
  }

  private void publish(SubjectKey event, Operation operation) {
    try {
      publisher
          .get()
          .publish(PublishRequest.of(event, operation))
          .whenComplete(
              (receipt, failure) -> {
                if (failure != null) {
                  failed(operation, failure);
                }
              });
    } catch (RuntimeException e) { // no publisher (e.g. not configured): the key is still stored
      failed(operation, e);
    }
  }

  private static void failed(Operation operation, Throwable failure) {
    LOG.error(
        "SubjectKey {} event could not be published; the key store keeps the key",
        operation,
        failure);
  }

  private static Timestamp timestamp(Instant at) {
    return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }
}
