package io.entityflow.outbox.relay;

/**
 * Wakes idle relay workers: a generation counter that {@link #wake()} increments and {@link
 * #await(long, long)} waits on, so a wake-up between a worker's look at the table and its wait is
 * never lost.
 *
 * <pre>{@code
 * long seen = signal.generation();
 * if (batch.run() == 0) signal.await(seen, 1000); // returns early once wake() was called
 * }</pre>
 */
public final class WakeSignal {
  private long generation;

  /** The current generation; pass it to {@link #await}. */
  public synchronized long generation() {
    return generation;
  }

  /** Wakes every waiting worker. */
  public synchronized void wake() {
    generation++;
    notifyAll();
  }

  /** Waits until the generation differs from {@code seen} or {@code millis} passed. */
  public synchronized void await(long seen, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    long left = millis;
    while (generation == seen && left > 0) {
      wait(left);
      left = (deadline - System.nanoTime()) / 1_000_000;
    }
  }
}
