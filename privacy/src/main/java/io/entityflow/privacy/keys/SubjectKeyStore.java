package io.entityflow.privacy.keys;

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
 * }</pre>
 *
 * <p>Guarantees every implementation gives: a subject has at most one stored key; {@link
 * #createIfAbsent} is atomic (two racing creators end with one key, and both get that key); all
 * methods are thread-safe.
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
   * What {@link #createIfAbsent} found or made.
   *
   * @param key the subject's stored key after the call
   * @param created true when this call stored the candidate; false when a key was already there
   */
  record Creation(StoredSubjectKey key, boolean created) {}
}
