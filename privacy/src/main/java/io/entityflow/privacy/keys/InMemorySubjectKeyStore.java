package io.entityflow.privacy.keys;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Subject keys in this process's memory: for tests and single-process local runs. Keys are lost
 * when the process ends, so data encrypted with them cannot be read afterwards.
 *
 * <pre>{@code
 * SubjectKeyStore store = new InMemorySubjectKeyStore();
 * }</pre>
 *
 * <p>Guarantees: those of {@link SubjectKeyStore}; {@link #createIfAbsent} is one {@code
 * putIfAbsent}; the publication state is kept beside each key and dies with it.
 */
public final class InMemorySubjectKeyStore implements SubjectKeyStore {
  private static final Comparator<Entry> OLDEST_FIRST =
      Comparator.comparing((Entry entry) -> entry.key().createdAt())
          .thenComparing(entry -> entry.key().subjectId());

  private final Map<String, Entry> keys = new ConcurrentHashMap<>();

  /** A stored key and when its CREATED event was published (null: not yet). */
  private record Entry(StoredSubjectKey key, Instant publishedAt) {}

  @Override
  public Optional<StoredSubjectKey> find(String subjectId) {
    return Optional.ofNullable(keys.get(SubjectIds.check(subjectId))).map(Entry::key);
  }

  @Override
  public Creation createIfAbsent(StoredSubjectKey candidate) {
    Entry existing = keys.putIfAbsent(candidate.subjectId(), new Entry(candidate, null));
    return existing == null ? new Creation(candidate, true) : new Creation(existing.key(), false);
  }

  @Override
  public boolean delete(String subjectId) {
    return keys.remove(SubjectIds.check(subjectId)) != null;
  }

  @Override
  public List<StoredSubjectKey> unpublished(Instant createdUpTo, int limit) {
    checkLimit(limit);
    return keys.values().stream()
        .filter(entry -> entry.publishedAt() == null)
        .filter(entry -> !entry.key().createdAt().isAfter(createdUpTo))
        .sorted(OLDEST_FIRST)
        .limit(limit)
        .map(Entry::key)
        .toList();
  }

  @Override
  public boolean markPublished(StoredSubjectKey key, Instant publishedAt) {
    AtomicBoolean marked = new AtomicBoolean();
    keys.computeIfPresent(
        key.subjectId(),
        (subjectId, entry) -> {
          if (entry.publishedAt() == null && entry.key().pseudonym().equals(key.pseudonym())) {
            marked.set(true);
            return new Entry(entry.key(), publishedAt);
          }
          return entry;
        });
    return marked.get();
  }

  @Override
  public List<StoredSubjectKey> list(String afterSubjectId, int limit) {
    checkLimit(limit);
    return keys.values().stream()
        .map(Entry::key)
        .filter(key -> afterSubjectId == null || key.subjectId().compareTo(afterSubjectId) > 0)
        .sorted(Comparator.comparing(StoredSubjectKey::subjectId))
        .limit(limit)
        .toList();
  }

  /** How many subjects have a key. */
  public int size() {
    return keys.size();
  }

  static void checkLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException(
          "limit " + limit + " of a subject key listing is not allowed: at least 1");
    }
  }
}
