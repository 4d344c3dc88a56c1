package io.entityflow.publisher.privacy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.entityflow.contract.Operation;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.privacy.keys.StoredSubjectKey;
import io.entityflow.privacy.keys.SubjectKeyListener;
import io.entityflow.publisher.EntityPublisher;
import io.entityflow.publisher.PublishRequest;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the system entity {@code entityflow.keys.v1.SubjectKey} through the {@link
 * EntityPublisher}: CREATED with subject_id, wrapped_keyset, kek_uri, pseudonym and created_at when
 * this instance creates a subject's keyset, DELETED with only subject_id when a subject is
 * forgotten, so the warehouse can decrypt (KEYS.KEYSET_CHAIN) and mask. SubjectKey has no PII, so
 * its events travel in clear.
 *
 * <pre>{@code
 * // a bean: CachingSubjectKeysets and SubjectForgetter of PrivacyFactory call it
 * keysets.aeadFor("customer-42");                    // publishes SubjectKey CREATED
 * forgetter.forget("customer-42", "dpo:ticket-1234"); // publishes SubjectKey DELETED
 * }</pre>
 *
 * <p>The event is built from the contract's descriptor (a {@link DynamicMessage}), so no generated
 * class is needed. Publishing does not wait for Pub/Sub (it runs inside the publish of the event
 * that needed the key); a failed publish is logged with the subject's event id, and the key stays
 * in the key store, the source of truth. When the contract has no SubjectKey entity nothing is
 * published and a warning is logged once.
 */
@Singleton
@Requires(property = PrivacyConfiguration.PREFIX + ".enabled", notEquals = "false")
public class SubjectKeyPublication implements SubjectKeyListener {
  /** The full name of the published entity. */
  public static final String SUBJECT_KEY = "entityflow.keys.v1.SubjectKey";

  private static final Logger LOG = LoggerFactory.getLogger(SubjectKeyPublication.class);

  private final BeanProvider<EntityPublisher> publisher;
  private final Optional<Descriptor> type;

  /** Publishes through the (lazily resolved) publisher the SubjectKey of {@code registry}. */
  public SubjectKeyPublication(BeanProvider<EntityPublisher> publisher, EntityRegistry registry) {
    this.publisher = publisher;
    this.type = registry.find(SUBJECT_KEY).map(EntityDefinition::descriptor);
    if (type.isEmpty()) {
      LOG.warn(
          "the contract has no {} entity: subject keys are not published to the warehouse",
          SUBJECT_KEY);
    }
  }

  @Override
  public void created(StoredSubjectKey key) {
    type.ifPresent(
        descriptor ->
            publish(
                DynamicMessage.newBuilder(descriptor)
                    .setField(descriptor.findFieldByName("subject_id"), key.subjectId())
                    .setField(
                        descriptor.findFieldByName("wrapped_keyset"),
                        ByteString.copyFrom(key.wrappedKeyset()))
                    .setField(descriptor.findFieldByName("kek_uri"), key.kekUri())
                    .setField(descriptor.findFieldByName("pseudonym"), key.pseudonym())
                    .setField(descriptor.findFieldByName("created_at"), timestamp(key.createdAt()))
                    .build(),
                Operation.CREATED));
  }

  @Override
  public void forgotten(String subjectId, Instant forgottenAt) {
    type.ifPresent(
        descriptor ->
            publish(
                DynamicMessage.newBuilder(descriptor)
                    .setField(descriptor.findFieldByName("subject_id"), subjectId)
                    .build(),
                Operation.DELETED));
  }

  private void publish(Message event, Operation operation) {
    publisher
        .get()
        .publish(PublishRequest.of(event, operation))
        .whenComplete(
            (receipt, failure) -> {
              if (failure != null) {
                LOG.error(
                    "SubjectKey {} event could not be published; the key store keeps the key",
                    operation,
                    failure);
              }
            });
  }

  private static Timestamp timestamp(Instant at) {
    return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }
}
