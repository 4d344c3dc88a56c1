package io.entityflow.privacy.keys;

import java.time.Instant;

/**
 * Told when a subject key is made or forgotten, e.g. to publish the {@code SubjectKey} entity
 * (CREATED / DELETED) so the warehouse can decrypt and mask.
 *
 * <pre>{@code
 * SubjectKeyListener listener = key -> publisher.publishSubjectKeyCreated(key);
 * CachingSubjectKeysets.builder(store, kek).listener(listener).build();
 * }</pre>
 *
 * <p>Guarantees: {@link #created} is called once per key, by the {@link CachingSubjectKeysets}
 * instance whose store call created it, in the creating thread, before {@code aeadFor} returns; an
 * exception from it reaches that caller of {@code aeadFor} (the key stays stored and the listener
 * is not called again for it). {@link #forgotten} is called by {@code SubjectForgetter} after the
 * key was deleted.
 */
@FunctionalInterface
public interface SubjectKeyListener {
  /** A listener that does nothing. */
  SubjectKeyListener NONE = key -> {};

  /** The key of {@code key.subjectId()} was just created and stored. */
  void created(StoredSubjectKey key);

  /**
   * The key of {@code subjectId} was deleted at {@code forgottenAt} (also called when the subject
   * had no key, so a late copy elsewhere is deleted too).
   */
  default void forgotten(String subjectId, Instant forgottenAt) {}
}
