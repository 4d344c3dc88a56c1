package io.entityflow.consumer.internal;

import com.google.api.gax.batching.FlowControlSettings;
import com.google.api.gax.batching.FlowController.LimitExceededBehavior;
import com.google.api.gax.core.FixedExecutorProvider;
import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.PubsubMessage;
import io.entityflow.consumer.DeliveryOutcome;
import io.entityflow.consumer.config.ConsumerConfiguration;
import io.entityflow.publisher.connection.PubSubConnection;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One streaming-pull {@link Subscriber} feeding one subscription into an {@link EventDispatcher}:
 * acknowledges what the dispatcher reports acknowledgeable, nacks the rest. The dispatch runs
 * inside the client's callback, so with an ordered subscription the client hands over the next
 * message of a key only after the previous one was dispatched (retries included), while the client
 * extends the lease up to {@code max-ack-extension}.
 *
 * <pre>{@code
 * SubscriptionRunner runner = new SubscriptionRunner(connection, config, "acme", "sale_v1_x",
 *     dispatcher, backoff);
 * runner.start();
 * runner.stop(Duration.ofSeconds(30));
 * }</pre>
 */
public final class SubscriptionRunner implements SubscriptionReader {
  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionRunner.class);

  private final String subscription;
  private final EventDispatcher<?> dispatcher;
  private final InFlight inFlight = new InFlight();
  private final ScheduledExecutorService executor;
  private final Subscriber subscriber;

  /** A runner of {@code subscription} (short name) in {@code projectId}; not started. */
  public SubscriptionRunner(
      PubSubConnection connection,
      ConsumerConfiguration config,
      String projectId,
      String subscription,
      EventDispatcher<?> dispatcher) {
    this.subscription = subscription;
    this.dispatcher = dispatcher;
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newScheduledThreadPool(
            config.getExecutorThreads(),
            r -> {
              Thread thread = new Thread(r, subscription + "-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.subscriber =
        connection
            .configure(
                Subscriber.newBuilder(
                    ProjectSubscriptionName.of(projectId, subscription), this::receive))
            .setExecutorProvider(FixedExecutorProvider.create(executor))
            .setParallelPullCount(config.getParallelPullCount())
            .setMaxAckExtensionPeriodDuration(config.getMaxAckExtension())
            .setFlowControlSettings(
                FlowControlSettings.newBuilder()
                    .setMaxOutstandingElementCount(
                        config.getFlowControl().getMaxOutstandingMessages())
                    .setMaxOutstandingRequestBytes(config.getFlowControl().getMaxOutstandingBytes())
                    .setLimitExceededBehavior(LimitExceededBehavior.Block)
                    .build())
            .build();
  }

  /** The subscription's short name. */
  @Override
  public String subscription() {
    return subscription;
  }

  /** Starts pulling; returns once the stream is running. */
  @Override
  public void start() {
    subscriber.startAsync().awaitRunning();
    LOG.info("consumer {} reading subscription {}", dispatcher.binding().name(), subscription);
  }

  /** Stops taking new messages at once: later arrivals are nacked (for shutdown). */
  @Override
  public void refuseNew() {
    inFlight.closeAndAwait(Duration.ZERO);
  }

  /**
   * Waits up to {@code timeout} for dispatches in flight, then stops the client; returns how many
   * dispatches were still running (their messages are not acknowledged unless they finish).
   */
  @Override
  public int stop(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int left = inFlight.closeAndAwait(timeout);
    if (left > 0) {
      LOG.warn(
          "consumer {}: {} handler(s) of {} still running after the shutdown timeout {};"
              + " interrupting them, their messages are not acknowledged",
          dispatcher.binding().name(),
          left,
          subscription,
          timeout);
      executor.shutdownNow();
    }
    subscriber.stopAsync();
    try {
      subscriber.awaitTerminated(
          Math.max(1_000, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | IllegalStateException e) {
      LOG.warn("subscriber of {} did not stop cleanly: {}", subscription, e.toString());
    }
    executor.shutdownNow();
    return left;
  }

  private void receive(PubsubMessage message, AckReplyConsumer reply) {
    if (!inFlight.enter()) {
      reply.nack();
      return;
    }
    try {
      DeliveryOutcome outcome = dispatcher.dispatch(message, subscription);
      if (outcome.acknowledged()) {
        reply.ack();
      } else {
        reply.nack();
      }
    } catch (RuntimeException | Error e) {
      LOG.error(
          "consumer {}: dispatch of message {} failed; not acknowledged",
          dispatcher.binding().name(),
          message.getMessageId(),
          e);
      reply.nack();
    } finally {
      inFlight.exit();
    }
  }
}
