package io.entityflow.consumer.internal;

import com.google.cloud.pubsub.v1.stub.GrpcSubscriberStub;
import com.google.pubsub.v1.AcknowledgeRequest;
import com.google.pubsub.v1.ModifyAckDeadlineRequest;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.PullResponse;
import com.google.pubsub.v1.ReceivedMessage;
import io.entityflow.consumer.DeliveryOutcome;
import io.entityflow.consumer.config.ConsumerConfiguration;
import io.entityflow.publisher.connection.PubSubConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a subscription with unary pulls (local mode): the emulator's streaming pull does not give
 * the messages a closed or killed stream held to a new subscriber for a long time, its unary pull
 * does after the ack deadline. Messages of one ordering key are dispatched one after another in
 * pull order (across pulls too), keys in parallel on {@code executor-threads} threads; leases of
 * messages in flight are extended every 10 s up to {@code max-ack-extension}; flow control bounds
 * the messages pulled but not finished.
 *
 * <pre>{@code
 * SubscriptionReader reader = new SynchronousPullRunner(connection, config, "local-project",
 *     "sale_v1_loyalty_accrual", dispatcher);
 * reader.start();
 * }</pre>
 */
public final class SynchronousPullRunner implements SubscriptionReader {
  private static final Logger LOG = LoggerFactory.getLogger(SynchronousPullRunner.class);
  private static final int LEASE_SECONDS = 30;

  private final String subscription;
  private final String fullName;
  private final EventDispatcher<?> dispatcher;
  private final GrpcSubscriberStub stub;
  private final ExecutorService executor;
  private final ScheduledExecutorService leases;
  private final Thread puller;
  private final long maxOutstanding;
  private final Duration maxExtension;
  private final InFlight inFlight = new InFlight();
  private final Map<String, Long> outstanding = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Void>> keyTails = new ConcurrentHashMap<>();
  private volatile boolean running = true;

  /** A reader of {@code subscription} (short name) in {@code projectId}; not started. */
  public SynchronousPullRunner(
      PubSubConnection connection,
      ConsumerConfiguration config,
      String projectId,
      String subscription,
      EventDispatcher<?> dispatcher) {
    this.subscription = subscription;
    this.fullName = ProjectSubscriptionName.of(projectId, subscription).toString();
    this.dispatcher = dispatcher;
    this.stub = connection.subscriberStub();
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            config.getExecutorThreads(),
            r -> daemon(r, subscription + "-" + threads.incrementAndGet()));
    this.leases =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, subscription + "-leases"));
    this.puller = daemon(this::pullLoop, subscription + "-puller");
    this.maxOutstanding = config.getFlowControl().getMaxOutstandingMessages();
    this.maxExtension = config.getMaxAckExtension();
  }

  @Override
  public String subscription() {
    return subscription;
  }

  @Override
  public void start() {
    leases.scheduleWithFixedDelay(this::extendLeases, 10, 10, TimeUnit.SECONDS);
    puller.start();
    LOG.info(
        "consumer {} reading subscription {} (local mode: synchronous pull)",
        dispatcher.binding().name(),
        subscription);
  }

  @Override
  public void refuseNew() {
    running = false;
    inFlight.closeAndAwait(Duration.ZERO);
  }

  @Override
  public int stop(Duration timeout) {
    refuseNew();
    puller.interrupt();
    int left = inFlight.closeAndAwait(timeout);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
      puller.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    leases.shutdownNow();
    stub.close();
    return left;
  }

  private void pullLoop() {
    while (running) {
      try {
        long room = maxOutstanding - outstanding.size();
        if (room <= 0) {
          Thread.sleep(20);
          continue;
        }
        PullResponse response =
            stub.pullCallable()
                .call(
                    PullRequest.newBuilder()
                        .setSubscription(fullName)
                        .setMaxMessages((int) Math.min(1000, room))
                        .setReturnImmediately(true)
                        .build());
        if (response.getReceivedMessagesCount() == 0) {
          Thread.sleep(50);
          continue;
        }
        for (ReceivedMessage message : response.getReceivedMessagesList()) {
          outstanding.put(message.getAckId(), System.nanoTime());
          String key = message.getMessage().getOrderingKey();
          if (key.isEmpty()) {
            executor.execute(() -> dispatch(message));
          } else {
            // one chain per key (keys are the contract's buckets: a bounded set)
            keyTails.compute(
                key,
                (k, tail) ->
                    (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                        .thenRunAsync(() -> dispatch(message), executor));
          }
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (running) {
          LOG.warn("pull from {} failed; retrying in 1 s: {}", subscription, e.toString());
          try {
            Thread.sleep(1_000);
          } catch (InterruptedException interrupted) {
            return;
          }
        }
      }
    }
  }

  private void dispatch(ReceivedMessage message) {
    boolean ack = false;
    if (inFlight.enter()) {
      try {
        DeliveryOutcome outcome = dispatcher.dispatch(message.getMessage(), subscription);
        ack = outcome.acknowledged();
      } catch (RuntimeException | Error e) {
        LOG.error(
            "consumer {}: dispatch of message {} failed; not acknowledged",
            dispatcher.binding().name(),
            message.getMessage().getMessageId(),
            e);
      } finally {
        inFlight.exit();
      }
    }
    try {
      if (ack) {
        stub.acknowledgeCallable()
            .call(
                AcknowledgeRequest.newBuilder()
                    .setSubscription(fullName)
                    .addAckIds(message.getAckId())
                    .build());
      } else {
        modify(List.of(message.getAckId()), 0);
      }
    } catch (RuntimeException e) {
      LOG.warn("(n)ack of a message of {} failed: {}", subscription, e.toString());
    } finally {
      outstanding.remove(message.getAckId());
    }
  }

  private void extendLeases() {
    long now = System.nanoTime();
    List<String> ackIds =
        outstanding.entrySet().stream()
            .filter(e -> now - e.getValue() < maxExtension.toNanos())
            .map(Map.Entry::getKey)
            .toList();
    if (!ackIds.isEmpty()) {
      try {
        modify(ackIds, LEASE_SECONDS);
      } catch (RuntimeException e) {
        LOG.warn("lease extension on {} failed: {}", subscription, e.toString());
      }
    }
  }

  private void modify(List<String> ackIds, int seconds) {
    stub.modifyAckDeadlineCallable()
        .call(
            ModifyAckDeadlineRequest.newBuilder()
                .setSubscription(fullName)
                .addAllAckIds(ackIds)
                .setAckDeadlineSeconds(seconds)
                .build());
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
