package io.entityflow.consumer.internal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waits between attempts. In production the wait ends early when shutdown begins ({@link #stop()}):
 * the event is then left unacknowledged for Pub/Sub to redeliver. The test kit waits not at all
 * ({@link #NO_WAIT}).
 *
 * <pre>{@code
 * Backoff backoff = Backoff.stoppable();
 * if (!backoff.await(Duration.ofSeconds(2))) { ... shutting down ... }
 * }</pre>
 */
public interface Backoff {
  /** A backoff that returns at once, never stopped. */
  Backoff NO_WAIT =
      new Backoff() {
        @Override
        public boolean await(Duration duration) {
          return true;
        }

        @Override
        public boolean stopped() {
          return false;
        }
      };

  /**
   * Waits {@code duration}.
   *
   * @return false when the wait ended because of shutdown (or interruption): do not retry
   */
  boolean await(Duration duration);

  /** Whether shutdown began. */
  boolean stopped();

  /** A real backoff that {@link Stoppable#stop()} ends. */
  static Stoppable stoppable() {
    return new Stoppable();
  }

  /** The production backoff. */
  final class Stoppable implements Backoff {
    private final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public boolean await(Duration duration) {
      try {
        return !stop.await(duration.toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    @Override
    public boolean stopped() {
      return stop.getCount() == 0;
    }

    /** Ends every wait now and every later one at once. */
    public void stop() {
      stop.countDown();
    }
  }
}
