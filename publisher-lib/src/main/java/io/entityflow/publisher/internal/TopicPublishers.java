package io.entityflow.publisher.internal;

import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.pubsub.v1.TopicName;
import io.entityflow.publisher.config.PublisherConfiguration;
import io.entityflow.publisher.connection.PubSubConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One client {@link Publisher} per topic, created on first use with the configured batching, flow
 * control, retry and ordering (and the topic created first when {@code create-missing-topics} is
 * on), and cached until {@link #shutdown(Duration)}.
 *
 * <pre>{@code
 * TopicPublishers publishers = new TopicPublishers(configuration, connection);
 * publishers.forTopic("sale_v1").publish(message);
 * boolean allDelivered = publishers.shutdown(Duration.ofSeconds(30));
 * }</pre>
 */
public final class TopicPublishers {
  private final PublisherConfiguration configuration;
  private final PubSubConnection connection;
  private final Map<String, Publisher> byTopic = new ConcurrentHashMap<>();

  /** Publishers for the configured project on {@code connection}. */
  public TopicPublishers(PublisherConfiguration configuration, PubSubConnection connection) {
    this.configuration = configuration;
    this.connection = connection;
    // fail fast on an invalid configuration, before the first event
    ClientSettings.batching(configuration);
    ClientSettings.retry(configuration);
  }

  /** The publisher of {@code topic}, created on first use. */
  public Publisher forTopic(String topic) {
    Publisher publisher = byTopic.get(topic);
    return publisher != null ? publisher : byTopic.computeIfAbsent(topic, this::create);
  }

  private Publisher create(String topic) {
    TopicName name = TopicName.of(configuration.getProjectId(), topic);
    if (configuration.isCreateMissingTopics()) {
      createIfMissing(name);
    }
    try {
      return connection
          .configure(Publisher.newBuilder(name))
          .setBatchingSettings(ClientSettings.batching(configuration))
          .setRetrySettings(ClientSettings.retry(configuration))
          .setEnableMessageOrdering(configuration.isMessageOrdering())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the Pub/Sub publisher of " + name, e);
    }
  }

  private void createIfMissing(TopicName name) {
    try (TopicAdminClient admin = connection.topicAdmin()) {
      admin.createTopic(name);
    } catch (AlreadyExistsException e) {
      // the topic exists: exactly what was wanted
    }
  }

  /**
   * Sends the batched events of {@code topics} now, one caller at a time. The client can throw a
   * {@code ConcurrentModificationException} from this call when a batch fails while it flushes
   * (googleapis/java-pubsub#2377); that is swallowed here, since every event of that batch still
   * completes through its own future and the batches left behind are sent by the client's batching
   * alarm.
   */
  public synchronized void flush(Set<String> topics) {
    for (String topic : topics) {
      Publisher publisher = byTopic.get(topic);
      if (publisher != null) {
        try {
          publisher.publishAllOutstanding();
        } catch (RuntimeException e) {
          // see above: the client's batching alarm sends what is left
        }
      }
    }
  }

  /** Sends the batched events of every topic now, without waiting for their answers. */
  public void flush() {
    for (Publisher publisher : byTopic.values()) {
      publisher.publishAllOutstanding();
    }
  }

  /**
   * Sends every batched event, stops all publishers and waits up to {@code timeout} for their
   * outstanding events. The client's {@code shutdown()} itself waits for every outstanding event
   * without a bound, so it runs on a daemon thread per publisher; this method returns after the
   * timeout even when those threads are still waiting.
   *
   * @return whether every publisher finished within the timeout
   */
  public boolean shutdown(Duration timeout) throws InterruptedException {
    List<Thread> stopping = new ArrayList<>();
    for (Map.Entry<String, Publisher> entry : byTopic.entrySet()) {
      Publisher publisher = entry.getValue();
      Thread thread =
          new Thread(
              publisher::shutdown, // sends every batched event first
              "entityflow-publisher-shutdown-" + entry.getKey());
      thread.setDaemon(true);
      thread.start();
      stopping.add(thread);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean all = true;
    for (Thread thread : stopping) {
      long left = Math.max(0, deadline - System.nanoTime());
      TimeUnit.NANOSECONDS.timedJoin(thread, left);
      all &= !thread.isAlive();
    }
    return all;
  }
}
