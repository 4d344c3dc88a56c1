package io.entityflow.privacy.keys;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Subject keys in this process's memory: for tests and single-process local runs. Keys are lost
 * when the process ends, so data encrypted with them cannot be read afterwards.
 *
 * <pre>{@code
 * SubjectKeyStore store = new InMemorySubjectKeyStore();
 * }</pre>
 *
 * <p>Guarantees: those of {@link SubjectKeyStore}; {@link #createIfAbsent} is one {@code
 * putIfAbsent}.
 */
public final class InMemorySubjectKeyStore implements SubjectKeyStore {
  private final Map<String, StoredSubjectKey> keys = new ConcurrentHashMap<>();

  @Override
  public Optional<StoredSubjectKey> find(String subjectId) {
    return Optional.ofNullable(keys.get(SubjectIds.check(subjectId)));
  }

  @Override
  public Creation createIfAbsent(StoredSubjectKey candidate) {
    StoredSubjectKey existing = keys.putIfAbsent(candidate.subjectId(), candidate);
    return existing == null ? new Creation(candidate, true) : new Creation(existing, false);
  }

  @Override
  public boolean delete(String subjectId) {
    return keys.remove(SubjectIds.check(subjectId)) != null;
  }

  /** How many subjects have a key. */
  public int size() {
    return keys.size();
  }
}
