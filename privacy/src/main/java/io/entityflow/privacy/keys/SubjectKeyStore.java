package io.entityflow.privacy.keys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where subject keys are kept (SPI): {@link InMemorySubjectKeyStore} for tests and single-process
 * local runs, {@link JdbcSubjectKeyStore} (PostgreSQL) for services.
 *
 * <pre>{@code
 * SubjectKeyStore.Creation creation = store.createIfAbsent(candidate);
 * StoredSubjectKey key = creation.key();   // the candidate, or the key another creator stored first
 * store.find("customer-42");               // Optional of the stored key
 * store.delete("customer-42");             // true when there was a key
 * store.unpublished(cutoff, 100);          // keys whose SubjectKey CREATED event is not confirmed
 * store.markPublished(key, now);           // Pub/Sub acknowledged it
 * }</pre>
 *
 * <p>Guarantees every implementation gives: a subject has at most one stored key; {@link
 * #createIfAbsent} is atomic (two racing creators end with one key, and both get that key); all
 * methods are thread-safe. A new key starts unpublished. The publication methods ({@link
 * #unpublished}, {@link #markPublished}, {@link #list}) are implemented by both shipped stores; a
 * store of its own that does not track publication throws {@link UnsupportedOperationException}
 * from them, and then a key whose first publish failed is not published again.
 */
public interface SubjectKeyStore {

  /** The stored key of {@code subjectId}; empty when it has none (never seen, or forgotten). */
  Optional<StoredSubjectKey> find(String subjectId);

  /**
   * Stores {@code candidate} unless its subject already has a key.
   *
   * @return the subject's stored key, and whether it is {@code candidate} (created by this call)
   */
  Creation createIfAbsent(StoredSubjectKey candidate);

  /** Deletes the key of {@code subjectId}; true when there was one. */
  boolean delete(String subjectId);

  /**
   * Up to {@code limit} keys whose {@code SubjectKey} CREATED event was never confirmed published
   * and that were created at or before {@code createdUpTo}, oldest first (then by subject id).
   *
   * @throws IllegalArgumentException when {@code limit} is below 1
   */
  default List<StoredSubjectKey> unpublished(Instant createdUpTo, int limit) {
    throw unsupported("unpublished");
  }

  /**
   * Records that the CREATED event of {@code key} was published at {@code publishedAt}; true when
   * the subject's stored key is still that key (same pseudonym) and was not marked before.
   */
  default boolean markPublished(StoredSubjectKey key, Instant publishedAt) {
    throw unsupported("markPublished");
  }

  /**
   * Up to {@code limit} stored keys whose subject id sorts after {@code afterSubjectId} ({@code
   * null}: from the first), by subject id: pages through every key, e.g. to publish them all again.
   *
   * @throws IllegalArgumentException when {@code limit} is below 1
   */
  default List<StoredSubjectKey> list(String afterSubjectId, int limit) {
    throw unsupported("list");
  }

  private UnsupportedOperationException unsupported(String method) {
    return new UnsupportedOperationException(
        getClass().getName()
            + " does not track the publication of subject keys ("
            + method
            + "); implement it, or use JdbcSubjectKeyStore or InMemorySubjectKeyStore");
  }

  /**
   * What {@link #createIfAbsent} found or made.
   *
   * @param key the subject's stored key after the call
   * @param created true when this call stored the candidate; false when a key was already there
   */
  record Creation(StoredSubjectKey key, boolean created) {}
}
