package io.entityflow.publisher.health;

import io.entityflow.publisher.DefaultEntityPublisher;
import io.entityflow.publisher.metrics.PublisherMetrics;
import io.entityflow.publisher.metrics.TopicMetrics;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Reports the publisher as {@code entityflowPublisher} in the health endpoint: DOWN when it is shut
 * down or when the latest answer of any topic was a failure, else UP; details per topic (published,
 * failed, outstanding, last failure).
 *
 * <pre>{@code
 * HealthResult result = Mono.from(indicator.getResult()).block();
 * result.getStatus(); // HealthStatus.UP
 * }</pre>
 */
@Singleton
@Requires(beans = DefaultEntityPublisher.class)
public class PublisherHealthIndicator implements HealthIndicator {
  /** The name in the health endpoint. */
  public static final String NAME = "entityflowPublisher";

  private final DefaultEntityPublisher publisher;
  private final PublisherMetrics metrics;

  /** An indicator of {@code publisher}, reading {@code metrics}. */
  public PublisherHealthIndicator(DefaultEntityPublisher publisher, PublisherMetrics metrics) {
    this.publisher = publisher;
    this.metrics = metrics;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    return Publishers.just(result());
  }

  /** The current health, computed now. */
  public HealthResult result() {
    boolean failing = false;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("closed", publisher.isClosed());
    details.put("emulator", publisher.usesEmulator());
    for (TopicMetrics topic : metrics.topics().values()) {
      Map<String, Object> topicDetails = new LinkedHashMap<>();
      topicDetails.put("published", topic.published());
      topicDetails.put("failed", topic.failed());
      topicDetails.put("outstanding", topic.outstanding());
      if (topic.lastFailure() != null) {
        topicDetails.put("lastFailure", topic.lastFailure());
      }
      details.put(topic.topic(), topicDetails);
      failing |= topic.failing();
    }
    HealthStatus status = publisher.isClosed() || failing ? HealthStatus.DOWN : HealthStatus.UP;
    return HealthResult.builder(NAME, status).details(details).build();
  }
}
