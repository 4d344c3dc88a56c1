package io.entityflow.publisher.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fails every outstanding event that got no answer from Pub/Sub within a deadline. Needed because
 * with message ordering on, the Pub/Sub client retries a failing request without end (it replaces
 * the configured total timeout by an unlimited one), so without this an event could stay unanswered
 * for as long as Pub/Sub is unreachable.
 *
 * <pre>{@code
 * DeliveryDeadline<PendingEvent> deadline = DeliveryDeadline.start(
 *     outstanding, Duration.ofSeconds(61), PendingEvent::startNanos, PendingEvent::expire,
 *     Duration.ofSeconds(1), publishers::flush);
 * deadline.close(); // at shutdown
 * }</pre>
 *
 * <p>One daemon thread checks the open events a few times per deadline (at most once per 100 ms, at
 * least once per second), so an event fails at most that much after its deadline. Nothing is done
 * per event on the publish path.
 *
 * @param <E> the future type of one event
 */
public final class DeliveryDeadline<E extends CompletableFuture<?>> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryDeadline.class);

  private final ScheduledExecutorService timer;

  private DeliveryDeadline(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /**
   * Starts checking {@code events}: an event whose {@code startNanos} ({@link System#nanoTime()})
   * lies more than {@code timeout} back is handed to {@code expire} (which fails it); when an open
   * event is older than {@code staleAfter}, {@code flush} runs once for that check (it sends the
   * batched events: with ordering on the client can leave the last batch of a key unsent after a
   * burst until the next publish).
   */
  public static <E extends CompletableFuture<?>> DeliveryDeadline<E> start(
      OutstandingEvents<E> events,
      Duration timeout,
      ToLongFunction<E> startNanos,
      Consumer<E> expire,
      Duration staleAfter,
      Runnable flush) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "entityflow-publisher-deadline");
              thread.setDaemon(true);
              return thread;
            });
    long timeoutNanos = timeout.toNanos();
    long staleNanos = staleAfter.toNanos();
    long period = Math.max(100, Math.min(1_000, timeout.toMillis() / 10));
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            check(events, timeoutNanos, staleNanos, startNanos, expire, flush);
          } catch (RuntimeException e) {
            // a failed check must not end the schedule (later events would never time out); the
            // next check runs within one period
            LOG.error("checking the outstanding events' deadline failed; checking again", e);
          }
        },
        period,
        period,
        TimeUnit.MILLISECONDS);
    return new DeliveryDeadline<>(timer);
  }

  private static <E extends CompletableFuture<?>> void check(
      OutstandingEvents<E> events,
      long timeoutNanos,
      long staleNanos,
      ToLongFunction<E> startNanos,
      Consumer<E> expire,
      Runnable flush) {
    long now = System.nanoTime();
    boolean[] stale = {false};
    events.forEachOpen(
        event -> {
          long age = now - startNanos.applyAsLong(event);
          if (age > timeoutNanos) {
            expire.accept(event);
          } else if (age > staleNanos) {
            stale[0] = true;
          }
        });
    if (stale[0]) {
      flush.run();
    }
  }

  /** Stops checking. */
  @Override
  public void close() {
    timer.shutdownNow();
  }
}
