package io.entityflow.consumer.internal;

import java.time.Duration;

/**
 * Counts the messages being dispatched and refuses new ones once closed, so that shutdown can wait
 * for the handlers in flight and nack whatever arrives after.
 *
 * <pre>{@code
 * if (!inFlight.enter()) { reply.nack(); return; }
 * try { ... } finally { inFlight.exit(); }
 * inFlight.closeAndAwait(Duration.ofSeconds(30));
 * }</pre>
 */
public final class InFlight {
  private int count;
  private boolean closed;

  /** Registers one dispatch; false once closed (then nack the message). */
  public synchronized boolean enter() {
    if (closed) {
      return false;
    }
    count++;
    return true;
  }

  /** Ends one dispatch. */
  public synchronized void exit() {
    count--;
    if (count == 0) {
      notifyAll();
    }
  }

  /** How many dispatches are running. */
  public synchronized int count() {
    return count;
  }

  /**
   * Refuses new dispatches and waits until none runs or {@code timeout} passed.
   *
   * @return how many still run
   */
  public synchronized int closeAndAwait(Duration timeout) {
    closed = true;
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (count > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        wait(Math.max(1, left / 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return count;
  }
}
