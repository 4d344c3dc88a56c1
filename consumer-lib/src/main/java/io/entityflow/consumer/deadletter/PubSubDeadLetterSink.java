package io.entityflow.consumer.deadletter;

import com.google.api.gax.batching.BatchingSettings;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.TopicName;
import io.entityflow.contract.layout.ConsumerResources;
import io.entityflow.publisher.connection.PubSubConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Publishes dead letters to the consumer's dead-letter topic, one small-batch publisher per topic,
 * and waits up to the publish timeout for Pub/Sub to store each one.
 *
 * <pre>{@code
 * DeadLetterSink sink = new PubSubDeadLetterSink(connection, "acme-prod", Duration.ofSeconds(30));
 * }</pre>
 */
public final class PubSubDeadLetterSink implements DeadLetterSink, AutoCloseable {
  private final PubSubConnection connection;
  private final String projectId;
  private final Duration publishTimeout;
  private final Map<String, Publisher> publishers = new ConcurrentHashMap<>();

  /** A sink publishing in {@code projectId} over {@code connection}. */
  public PubSubDeadLetterSink(
      PubSubConnection connection, String projectId, Duration publishTimeout) {
    this.connection = connection;
    this.projectId = projectId;
    this.publishTimeout = publishTimeout;
  }

  @Override
  public void deadLetter(ConsumerResources consumer, PubsubMessage deadLetter) throws Exception {
    Publisher publisher = publishers.computeIfAbsent(consumer.deadLetterTopic(), this::create);
    publisher.publish(deadLetter).get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private Publisher create(String topic) {
    try {
      return connection
          .configure(Publisher.newBuilder(TopicName.of(projectId, topic)))
          .setBatchingSettings(
              BatchingSettings.newBuilder()
                  .setElementCountThreshold(100L)
                  .setRequestByteThreshold(1_000_000L)
                  .setDelayThresholdDuration(Duration.ofMillis(5))
                  .build())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a publisher for dead-letter topic " + topic, e);
    }
  }

  /** Sends what is batched and stops every publisher, waiting up to 10 s each. */
  @Override
  public void close() {
    for (Publisher publisher : publishers.values()) {
      publisher.shutdown();
      try {
        publisher.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    publishers.clear();
  }
}
