package io.entityflow.privacy.keys;

/**
 * A cache of subject keys that must drop a subject's key when the subject is forgotten; {@code
 * SubjectForgetter} evicts from every cache registered with it.
 *
 * <pre>{@code
 * forgetter.register(keysets); // CachingSubjectKeysets is a SubjectKeyCache
 * }</pre>
 *
 * <p>Guarantees: after {@link #evict} returns, the cache no longer hands out the evicted key.
 */
@FunctionalInterface
public interface SubjectKeyCache {
  /** Drops the cached key of {@code subjectId}, if any. */
  void evict(String subjectId);
}
