package io.entityflow.publisher.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one topic. Always counted in memory; also recorded as Micrometer meters {@code
 * entityflow.publisher.published}, {@code .failed}, {@code .latency} and {@code .outstanding} (tag
 * {@code topic}) when created with a registry. Thread-safe.
 *
 * <pre>{@code
 * TopicMetrics sale = metrics.forTopic("sale_v1");
 * sale.published(); // events Pub/Sub stored so far
 * }</pre>
 */
public final class TopicMetrics {
  private final String topic;
  private final LongAdder published = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final AtomicLong outstanding = new AtomicLong();
  private final Counter publishedCounter;
  private final Counter failedCounter;
  private final Timer latency;
  private volatile boolean failing;
  private volatile String lastFailure;

  TopicMetrics(String topic, MeterRegistry registry) {
    this.topic = topic;
    if (registry == null) {
      publishedCounter = null;
      failedCounter = null;
      latency = null;
    } else {
      publishedCounter =
          Counter.builder("entityflow.publisher.published")
              .description("Events Pub/Sub stored")
              .tag("topic", topic)
              .register(registry);
      failedCounter =
          Counter.builder("entityflow.publisher.failed")
              .description("Events whose publish failed")
              .tag("topic", topic)
              .register(registry);
      latency =
          Timer.builder("entityflow.publisher.latency")
              .description("Time from publish call to Pub/Sub's answer")
              .tag("topic", topic)
              .register(registry);
      Gauge.builder("entityflow.publisher.outstanding", outstanding, AtomicLong::get)
          .description("Events published but not yet answered")
          .tag("topic", topic)
          .register(registry);
    }
  }

  /** Records the start of a publish. */
  public void started() {
    outstanding.incrementAndGet();
  }

  /** Records a stored event and its latency. */
  public void succeeded(long latencyNanos) {
    outstanding.decrementAndGet();
    published.increment();
    if (failing) {
      failing = false;
    }
    if (publishedCounter != null) {
      publishedCounter.increment();
      latency.record(latencyNanos, TimeUnit.NANOSECONDS);
    }
  }

  /** Records a failed event and the reason (never the payload). */
  public void failed(long latencyNanos, Throwable cause) {
    outstanding.decrementAndGet();
    failed.increment();
    failing = true;
    lastFailure = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    if (failedCounter != null) {
      failedCounter.increment();
      latency.record(latencyNanos, TimeUnit.NANOSECONDS);
    }
  }

  /** The topic. */
  public String topic() {
    return topic;
  }

  /** Events stored so far. */
  public long published() {
    return published.sum();
  }

  /** Events failed so far. */
  public long failed() {
    return failed.sum();
  }

  /** Events published and not yet answered. */
  public long outstanding() {
    return outstanding.get();
  }

  /** Whether the latest answer for this topic was a failure. */
  public boolean failing() {
    return failing;
  }

  /** The latest failure reason, or {@code null}. */
  public String lastFailure() {
    return lastFailure;
  }
}
