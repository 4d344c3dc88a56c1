package io.entityflow.alerting.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notifications to their channels (the rule's channels, or every channel when the rule names
 * none), retrying each failed send with exponential backoff ({@code initialBackoff}, doubling, at
 * most {@code maxAttempts}), waiting at least a server's {@code Retry-After} and never longer than
 * {@code maxRetryWait}. Every outcome is reported to the listener (metrics, status) and failures
 * are logged without secrets.
 *
 * <pre>{@code
 * NotificationDispatcher d = new NotificationDispatcher(channels, 4, Duration.ofSeconds(1),
 *     Duration.ofSeconds(30), Thread::sleep, result -> metrics.record(result), Clock.systemUTC());
 * List<DeliveryResult> results = d.dispatch(notifications);
 * }</pre>
 *
 * <p>Guarantees: a channel name a rule refers to but that is not configured yields a failed result
 * naming it (nothing silently dropped); non-retryable failures are not retried; no wait between
 * attempts exceeds {@code maxRetryWait}: the backoff stops growing there, and a {@code Retry-After}
 * longer than it gives the notification up at once with a failed result naming the channel, the
 * {@code Retry-After} and the cap (the service sends it again at the next evaluation).
 */
public final class NotificationDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

  /** Waits between attempts (tests pass a recorder instead of sleeping). */
  @FunctionalInterface
  public interface Sleeper {
    /** Waits {@code millis}. */
    void sleep(long millis) throws InterruptedException;
  }

  /** The longest wait between two attempts unless configured otherwise: 30 seconds. */
  public static final Duration DEFAULT_MAX_RETRY_WAIT = Duration.ofSeconds(30);

  private final Map<String, NotificationChannel> channels = new LinkedHashMap<>();
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxRetryWait;
  private final Sleeper sleeper;
  private final Consumer<DeliveryResult> listener;
  private final Clock clock;

  /**
   * Creates a dispatcher whose waits between attempts are at most {@link #DEFAULT_MAX_RETRY_WAIT}.
   */
  public NotificationDispatcher(
      List<NotificationChannel> channels,
      int maxAttempts,
      Duration initialBackoff,
      Sleeper sleeper,
      Consumer<DeliveryResult> listener,
      Clock clock) {
    this(channels, maxAttempts, initialBackoff, DEFAULT_MAX_RETRY_WAIT, sleeper, listener, clock);
  }

  /**
   * Creates a dispatcher.
   *
   * @param maxRetryWait longest wait between two attempts (zero or positive)
   * @throws IllegalArgumentException when {@code maxRetryWait} is negative
   */
  public NotificationDispatcher(
      List<NotificationChannel> channels,
      int maxAttempts,
      Duration initialBackoff,
      Duration maxRetryWait,
      Sleeper sleeper,
      Consumer<DeliveryResult> listener,
      Clock clock) {
    if (maxRetryWait.isNegative()) {
      throw new IllegalArgumentException(
          "max-retry-wait must be zero or positive, got " + maxRetryWait);
    }
    for (NotificationChannel c : channels) {
      this.channels.put(c.name(), c);
    }
    this.maxAttempts = Math.max(1, maxAttempts);
    this.initialBackoff = initialBackoff;
    this.maxRetryWait = maxRetryWait;
    this.sleeper = sleeper;
    this.listener = listener;
    this.clock = clock;
  }

  /** The configured channel names. */
  public List<String> channelNames() {
    return List.copyOf(channels.keySet());
  }

  /** Sends every notification to its channels; returns one result per channel and notification. */
  public List<DeliveryResult> dispatch(List<Notification> notifications) {
    List<DeliveryResult> results = new ArrayList<>();
    for (Notification n : notifications) {
      List<String> targets = n.channels().isEmpty() ? channelNames() : n.channels();
      for (String target : targets) {
        DeliveryResult r = deliver(target, n);
        results.add(r);
        listener.accept(r);
      }
    }
    return results;
  }

  private DeliveryResult deliver(String target, Notification n) {
    NotificationChannel channel = channels.get(target);
    if (channel == null) {
      String error =
          "channel '"
              + target
              + "' named by rule '"
              + n.ruleId()
              + "' is not configured;"
              + " configured: "
              + String.join(", ", channels.keySet());
      LOG.error("notification {} not sent: {}", n.dedupKey(), error);
      return new DeliveryResult(target, n.dedupKey(), n.kind(), false, 0, error, clock.instant());
    }
    long cap = maxRetryWait.toMillis();
    long backoff = Math.min(initialBackoff.toMillis(), cap);
    String error = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        channel.send(n);
        return new DeliveryResult(
            target, n.dedupKey(), n.kind(), true, attempt, null, clock.instant());
      } catch (DeliveryException e) {
        error = e.getMessage();
        if (!e.retryable() || attempt == maxAttempts) {
          LOG.error(
              "notification {} to channel {} failed after {} attempt(s): {}",
              n.dedupKey(),
              target,
              attempt,
              error);
          return new DeliveryResult(
              target, n.dedupKey(), n.kind(), false, attempt, error, clock.instant());
        }
        if (e.retryAfter() != null && e.retryAfter().compareTo(maxRetryWait) > 0) {
          String givenUp =
              "channel '"
                  + target
                  + "' asked to retry after "
                  + e.retryAfter()
                  + " (Retry-After), longer than max-retry-wait "
                  + maxRetryWait
                  + ": given up until the next evaluation; last error: "
                  + error;
          LOG.error("notification {} not sent: {}", n.dedupKey(), givenUp);
          return new DeliveryResult(
              target, n.dedupKey(), n.kind(), false, attempt, givenUp, clock.instant());
        }
        long wait = backoff;
        if (e.retryAfter() != null && e.retryAfter().toMillis() > wait) {
          wait = e.retryAfter().toMillis();
        }
        LOG.warn(
            "notification {} to channel {} failed (attempt {}), retrying in {} ms: {}",
            n.dedupKey(),
            target,
            attempt,
            wait,
            error);
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return new DeliveryResult(
              target,
              n.dedupKey(),
              n.kind(),
              false,
              attempt,
              "interrupted: " + error,
              clock.instant());
        }
        backoff = Math.min(backoff * 2, cap);
      }
    }
    return new DeliveryResult(
        target, n.dedupKey(), n.kind(), false, maxAttempts, error, clock.instant());
  }
}
