package io.entityflow.consumer.dedup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default dedup store: the event ids handled by this process, bounded by a size (least recently
 * marked evicted first) and a time to live. It catches redeliveries within one process (e.g. an
 * acknowledgement lost, a publisher retry); it forgets everything on restart, so use {@link
 * JdbcDedupStore} where a restart must not re-handle.
 *
 * <pre>{@code
 * DedupStore store = new InMemoryDedupStore(100_000, Duration.ofHours(24), Clock.systemUTC());
 * }</pre>
 *
 * <p>Thread-safe; every operation is O(1) amortised.
 */
public final class InMemoryDedupStore implements DedupStore {
  private final int maxEntries;
  private final Duration ttl;
  private final Clock clock;
  private final LinkedHashMap<String, Instant> marks = new LinkedHashMap<>(16, 0.75f, false);

  /**
   * A store of at most {@code maxEntries} ids, each remembered for {@code ttl}.
   *
   * @throws IllegalArgumentException naming the bad value when {@code maxEntries < 1} or {@code
   *     ttl} is not positive
   */
  public InMemoryDedupStore(int maxEntries, Duration ttl, Clock clock) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException(
          "entityflow.consumer.dedup.max-entries is " + maxEntries + "; allowed: at least 1");
    }
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException(
          "entityflow.consumer.dedup.ttl is " + ttl + "; allowed: a positive duration");
    }
    this.maxEntries = maxEntries;
    this.ttl = ttl;
    this.clock = clock;
  }

  @Override
  public synchronized boolean isHandled(String consumer, String eventId) {
    Instant markedAt = marks.get(key(consumer, eventId));
    return markedAt != null && clock.instant().isBefore(markedAt.plus(ttl));
  }

  @Override
  public synchronized void markHandled(String consumer, String eventId) {
    Instant now = clock.instant();
    String key = key(consumer, eventId);
    marks.remove(key);
    marks.put(key, now);
    Iterator<Map.Entry<String, Instant>> oldest = marks.entrySet().iterator();
    while (oldest.hasNext()) {
      Map.Entry<String, Instant> entry = oldest.next();
      if (marks.size() > maxEntries || !now.isBefore(entry.getValue().plus(ttl))) {
        oldest.remove();
      } else {
        break;
      }
    }
  }

  /** How many ids are remembered now (expired ones not yet evicted included). */
  public synchronized int size() {
    return marks.size();
  }

  private static String key(String consumer, String eventId) {
    return consumer + '\n' + eventId;
  }
}
