package io.entityflow.publisher.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link TopicMetrics} of every topic the publisher used, created on first use.
 *
 * <pre>{@code
 * PublisherMetrics metrics = new PublisherMetrics(meterRegistry); // or null: in memory only
 * metrics.forTopic("sale_v1").started();
 * }</pre>
 */
public final class PublisherMetrics {
  private final MeterRegistry registry;
  private final Map<String, TopicMetrics> topics = new ConcurrentHashMap<>();

  /** Metrics exported to {@code registry}; {@code null} keeps them in memory only. */
  public PublisherMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The metrics of {@code topic}. */
  public TopicMetrics forTopic(String topic) {
    return topics.computeIfAbsent(topic, t -> new TopicMetrics(t, registry));
  }

  /** Every topic's metrics, by topic name. */
  public Map<String, TopicMetrics> topics() {
    return new TreeMap<>(topics);
  }
}
