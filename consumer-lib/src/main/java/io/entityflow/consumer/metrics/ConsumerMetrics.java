package io.entityflow.consumer.metrics;

import io.entityflow.consumer.DeadLetterKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Micrometer meters of the consumers, tagged {@code consumer} and {@code topic} (the entity topic);
 * without a {@link MeterRegistry} every call does nothing.
 *
 * <ul>
 *   <li>{@code entityflow.consumer.handled} (counter): handler returned normally
 *   <li>{@code entityflow.consumer.retried} (counter): a retryable failure, retry scheduled
 *   <li>{@code entityflow.consumer.dead_lettered} (counter, tag {@code kind}): dead letters stored
 *   <li>{@code entityflow.consumer.duplicates} (counter): duplicate event ids skipped
 *   <li>{@code entityflow.consumer.skipped} (counter): operations the handler does not want
 *   <li>{@code entityflow.consumer.not_acked} (counter): left for redelivery
 *   <li>{@code entityflow.consumer.handler.latency} (timer, tag {@code result} = {@code success} or
 *       {@code failure}): one handler call
 * </ul>
 *
 * <pre>{@code
 * registry.counter("entityflow.consumer.handled", "consumer", "loyalty_accrual",
 *     "topic", "sale_v1").count();
 * }</pre>
 */
public final class ConsumerMetrics {
  private final MeterRegistry registry;

  /** Metrics into {@code registry}, or none when it is {@code null}. */
  public ConsumerMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The handler returned normally. */
  public void handled(String consumer, String topic) {
    counter("entityflow.consumer.handled", consumer, topic);
  }

  /** A retry was scheduled. */
  public void retried(String consumer, String topic) {
    counter("entityflow.consumer.retried", consumer, topic);
  }

  /** A dead letter was stored. */
  public void deadLettered(String consumer, String topic, DeadLetterKind kind) {
    if (registry != null) {
      Counter.builder("entityflow.consumer.dead_lettered")
          .tag("consumer", consumer)
          .tag("topic", topic)
          .tag("kind", kind.name())
          .register(registry)
          .increment();
    }
  }

  /** A duplicate event id was skipped. */
  public void duplicate(String consumer, String topic) {
    counter("entityflow.consumer.duplicates", consumer, topic);
  }

  /** An event of an unwanted operation was skipped. */
  public void skipped(String consumer, String topic) {
    counter("entityflow.consumer.skipped", consumer, topic);
  }

  /** A message was left for redelivery. */
  public void notAcked(String consumer, String topic) {
    counter("entityflow.consumer.not_acked", consumer, topic);
  }

  /** One handler call took {@code duration}. */
  public void latency(String consumer, String topic, Duration duration, boolean success) {
    if (registry != null) {
      Timer.builder("entityflow.consumer.handler.latency")
          .tag("consumer", consumer)
          .tag("topic", topic)
          .tag("result", success ? "success" : "failure")
          .register(registry)
          .record(duration);
    }
  }

  private void counter(String name, String consumer, String topic) {
    if (registry != null) {
      registry.counter(name, "consumer", consumer, "topic", topic).increment();
    }
  }
}
