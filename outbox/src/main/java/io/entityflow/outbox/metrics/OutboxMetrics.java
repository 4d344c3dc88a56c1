package io.entityflow.outbox.metrics;

import io.entityflow.outbox.store.OutboxStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The outbox's meters, always counted in memory and exported to Micrometer when created with a
 * registry: gauges {@code entityflow.outbox.depth} (rows waiting), {@code
 * entityflow.outbox.oldest.age} (seconds, the oldest waiting row), {@code
 * entityflow.outbox.retrying} (waiting rows backing off) and {@code entityflow.outbox.invalid}
 * (parked rows), from the latest {@link #update(OutboxStats)}; counters {@code
 * entityflow.outbox.published}, {@code entityflow.outbox.failed} and {@code
 * entityflow.outbox.parked} with tag {@code topic}. Thread-safe.
 *
 * <pre>{@code
 * OutboxMetrics metrics = new OutboxMetrics(meterRegistry); // or null: in memory only
 * metrics.published("sale_v1", 500);
 * metrics.stats().depth();
 * }</pre>
 */
public final class OutboxMetrics {
  private final MeterRegistry registry;
  private final Map<String, TopicCounters> topics = new ConcurrentHashMap<>();
  private final LongAdder published = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder parked = new LongAdder();
  private volatile OutboxStats stats = OutboxStats.EMPTY;

  /** Metrics exported to {@code registry}; {@code null} keeps them in memory only. */
  public OutboxMetrics(MeterRegistry registry) {
    this.registry = registry;
    if (registry != null) {
      Gauge.builder("entityflow.outbox.depth", this, m -> m.stats.depth())
          .description("Outbox rows waiting to be published")
          .register(registry);
      Gauge.builder("entityflow.outbox.oldest.age", this, m -> m.stats.oldestAge().toMillis() / 1e3)
          .description("Age of the oldest outbox row waiting to be published")
          .baseUnit("seconds")
          .register(registry);
      Gauge.builder("entityflow.outbox.retrying", this, m -> m.stats.retrying())
          .description("Outbox rows backing off after a failed publish")
          .register(registry);
      Gauge.builder("entityflow.outbox.invalid", this, m -> m.stats.invalid())
          .description("Outbox rows parked because they no longer validate")
          .register(registry);
    }
  }

  /** Replaces the table statistics the gauges show. */
  public void update(OutboxStats stats) {
    this.stats = stats;
  }

  /** The latest table statistics. */
  public OutboxStats stats() {
    return stats;
  }

  /** Counts rows of {@code topic} Pub/Sub confirmed (and the relay deleted). */
  public void published(String topic, long rows) {
    published.add(rows);
    counters(topic).published.increment(rows);
  }

  /** Counts rows of {@code topic} whose publish failed (kept and retried). */
  public void failed(String topic, long rows) {
    failed.add(rows);
    counters(topic).failed.increment(rows);
  }

  /** Counts a row of {@code topic} parked because it no longer validates. */
  public void parked(String topic) {
    parked.increment();
    counters(topic).parked.increment();
  }

  /** Rows published so far by this process. */
  public long published() {
    return published.sum();
  }

  /** Failed publishes so far in this process. */
  public long failed() {
    return failed.sum();
  }

  /** Rows parked so far by this process. */
  public long parked() {
    return parked.sum();
  }

  private TopicCounters counters(String topic) {
    TopicCounters counters = topics.get(topic);
    return counters != null ? counters : topics.computeIfAbsent(topic, TopicCounters::new);
  }

  /** The counters of one topic. */
  private final class TopicCounters {
    final Counting published;
    final Counting failed;
    final Counting parked;

    TopicCounters(String topic) {
      published = counter("entityflow.outbox.published", "Outbox rows Pub/Sub confirmed", topic);
      failed = counter("entityflow.outbox.failed", "Outbox row publishes that failed", topic);
      parked = counter("entityflow.outbox.parked", "Outbox rows parked as invalid", topic);
    }

    private Counting counter(String name, String description, String topic) {
      return new Counting(
          registry == null
              ? null
              : Counter.builder(name)
                  .description(description)
                  .tag("topic", topic)
                  .register(registry));
    }
  }

  /** A Micrometer counter, or nothing. */
  private record Counting(Counter counter) {
    void increment() {
      increment(1);
    }

    void increment(long amount) {
      if (counter != null) {
        counter.increment(amount);
      }
    }
  }
}
