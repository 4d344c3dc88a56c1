package io.entityflow.privacy.keys;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One subject's stored key: the wrapped keyset, the key-encryption key that wrapped it, the
 * subject's pseudonym and when the key was made. The same fields as the {@code SubjectKey} entity
 * published to the warehouse.
 *
 * <pre>{@code
 * StoredSubjectKey key = new StoredSubjectKey("customer-42", wrapped, kek.uri(), "q3…", now);
 * }</pre>
 *
 * <p>Guarantees: immutable (the keyset bytes are copied in and out); equal when every field is
 * equal; {@link #toString} shows the keyset's length, not its bytes.
 *
 * @param subjectId the data subject's id
 * @param wrappedKeyset the subject's keyset wrapped by the key-encryption key
 * @param kekUri the key-encryption key's uri
 * @param pseudonym the subject's random pseudonym for masked views
 * @param createdAt when the keyset was made
 */
public record StoredSubjectKey(
    String subjectId, byte[] wrappedKeyset, String kekUri, String pseudonym, Instant createdAt) {

  /** Checks that every field is present. */
  public StoredSubjectKey {
    SubjectIds.check(subjectId);
    Objects.requireNonNull(wrappedKeyset, "wrappedKeyset");
    Objects.requireNonNull(kekUri, "kekUri");
    Objects.requireNonNull(pseudonym, "pseudonym");
    Objects.requireNonNull(createdAt, "createdAt");
    wrappedKeyset = wrappedKeyset.clone();
  }

  /** A copy of the wrapped keyset. */
  @Override
  public byte[] wrappedKeyset() {
    return wrappedKeyset.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoredSubjectKey that
        && subjectId.equals(that.subjectId)
        && Arrays.equals(wrappedKeyset, that.wrappedKeyset)
        && kekUri.equals(that.kekUri)
        && pseudonym.equals(that.pseudonym)
        && createdAt.equals(that.createdAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(subjectId, Arrays.hashCode(wrappedKeyset), kekUri, pseudonym, createdAt);
  }

  @Override
  public String toString() {
    return "StoredSubjectKey[subjectId="
        + subjectId
        + ", wrappedKeyset="
        + wrappedKeyset.length
        + " bytes, kekUri="
        + kekUri
        + ", pseudonym="
        + pseudonym
        + ", createdAt="
        + createdAt
        + "]";
  }
}
