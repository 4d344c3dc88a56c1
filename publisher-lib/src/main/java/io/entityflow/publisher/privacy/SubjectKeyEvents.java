package io.entityflow.publisher.privacy;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.entityflow.contract.Operation;
import io.entityflow.contract.keys.v1.SubjectKey;
import io.entityflow.privacy.keys.StoredSubjectKey;
import io.entityflow.publisher.PublishRequest;
import java.time.Instant;
import java.util.UUID;

/**
 * The {@code SubjectKey} events of a key or a forget, each with a deterministic event id and
 * occurred-at, so that a republished event is the same event as its first publish: consumers that
 * deduplicate by event id (entityflow-consumer's dedup store) handle it once, and the warehouse's
 * rows of both copies are identical.
 *
 * <pre>{@code
 * publisher.publish(SubjectKeyEvents.created(key));                 // CREATED, occurred_at = created_at
 * publisher.publish(SubjectKeyEvents.deleted("customer-42", at));   // DELETED, occurred_at = forgotten_at
 * }</pre>
 *
 * <p>Event ids are name-based UUIDs (version 3, {@link UUID#nameUUIDFromBytes}) of:
 *
 * <ul>
 *   <li>CREATED: {@code entityflow.keys.v1.SubjectKey|CREATED|<length of subject id>:<subject
 *       id>|<created_at>|<pseudonym>} (the pseudonym tells apart two keys a subject had, even with
 *       the same {@code created_at});
 *   <li>DELETED: {@code entityflow.keys.v1.SubjectKey|DELETED|<length of subject id>:<subject
 *       id>|<forgotten_at>} (two forgets of one subject at the same microsecond are one event);
 * </ul>
 *
 * <p>with times as {@link Instant#toString} at microsecond precision, e.g. {@code
 * 2026-12-06T11:00:00.123456Z}. Every publisher of these events (the services' {@code
 * SubjectKeyPublication} and {@code SubjectKeyRepublisher}, the {@code entityflow forget} command)
 * makes them here.
 */
public final class SubjectKeyEvents {
  private static final String NAME = "entityflow.keys.v1.SubjectKey|";

  private SubjectKeyEvents() {}

  /** The CREATED event of {@code key}: every field, occurred at its creation. */
  public static PublishRequest created(StoredSubjectKey key) {
    SubjectKey event =
        SubjectKey.newBuilder()
            .setSubjectId(key.subjectId())
            .setWrappedKeyset(ByteString.copyFrom(key.wrappedKeyset()))
            .setKekUri(key.kekUri())
            .setPseudonym(key.pseudonym())
            .setCreatedAt(timestamp(key.createdAt()))
            .build();
    return PublishRequest.of(event, Operation.CREATED)
        .withOccurredAt(key.createdAt())
        .withEventId(createdEventId(key));
  }

  /** The DELETED event of a forget: only the subject id, occurred at the forget. */
  public static PublishRequest deleted(String subjectId, Instant forgottenAt) {
    return PublishRequest.of(
            SubjectKey.newBuilder().setSubjectId(subjectId).build(), Operation.DELETED)
        .withOccurredAt(forgottenAt)
        .withEventId(deletedEventId(subjectId, forgottenAt));
  }

  /** The event id of the CREATED event of {@code key}. */
  public static String createdEventId(StoredSubjectKey key) {
    return uuid(
        "CREATED|" + subject(key.subjectId()) + "|" + key.createdAt() + "|" + key.pseudonym());
  }

  /** The event id of the DELETED event of the forget of {@code subjectId} at {@code at}. */
  public static String deletedEventId(String subjectId, Instant forgottenAt) {
    return uuid("DELETED|" + subject(subjectId) + "|" + forgottenAt);
  }

  private static String subject(String subjectId) {
    return subjectId.length() + ":" + subjectId;
  }

  private static String uuid(String name) {
    return UUID.nameUUIDFromBytes((NAME + name).getBytes(UTF_8)).toString();
  }

  private static Timestamp timestamp(Instant at) {
    return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }
}
