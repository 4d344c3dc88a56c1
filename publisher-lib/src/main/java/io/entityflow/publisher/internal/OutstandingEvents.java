package io.entityflow.publisher.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The events the publisher accepted and whose futures have not completed yet, kept so that a
 * shutdown can fail every one of them instead of leaving a future that never completes.
 *
 * <pre>{@code
 * OutstandingEvents<PendingEvent> outstanding = new OutstandingEvents<>();
 * outstanding.add(event);                 // on publish; nothing to do on completion
 * for (PendingEvent open : outstanding.open()) open.completeExceptionally(closed);
 * }</pre>
 *
 * <p>Built for the publish path: {@link #add} is one lock-free queue append, and a completed event
 * needs no call at all. Completed events are dropped lazily by whichever publishing thread finds
 * the cleaner free: from the head while the head is done (events mostly complete in publish order),
 * and by a full sweep whenever the queue has doubled since the last sweep, so an event stuck in
 * retries cannot make the queue grow without bound. Amortized cost per event: O(1). Thread-safe;
 * {@link #open()} never misses an event added before it was called and not yet completed.
 *
 * @param <E> the future type of one event
 */
public final class OutstandingEvents<E extends CompletableFuture<?>> {
  /** Sweep no earlier than after this many events, so small queues are never swept. */
  static final int MIN_SWEEP = 4096;

  private final ConcurrentLinkedQueue<E> queue = new ConcurrentLinkedQueue<>();
  private final AtomicLong tracked = new AtomicLong();
  private final ReentrantLock cleaner = new ReentrantLock();
  private volatile long sweepAbove = MIN_SWEEP;

  /** Tracks {@code event} until it completes. */
  public void add(E event) {
    queue.offer(event);
    long size = tracked.incrementAndGet();
    if (cleaner.tryLock()) {
      try {
        dropCompletedHead();
        if (size > sweepAbove) {
          sweep();
        }
      } finally {
        cleaner.unlock();
      }
    }
  }

  /** The tracked events that have not completed, in the order they were added. */
  public List<E> open() {
    List<E> open = new ArrayList<>();
    for (E event : queue) {
      if (!event.isDone()) {
        open.add(event);
      }
    }
    return open;
  }

  /** Calls {@code action} for every tracked event that has not completed. */
  public void forEachOpen(Consumer<E> action) {
    for (E event : queue) {
      if (!event.isDone()) {
        action.accept(event);
      }
    }
  }

  /** How many events are still held (open ones plus completed ones not yet dropped). */
  public long tracked() {
    return tracked.get();
  }

  // only the holder of the cleaner lock removes, so peek and poll see the same head
  private void dropCompletedHead() {
    E head;
    int dropped = 0;
    while ((head = queue.peek()) != null && head.isDone()) {
      queue.poll();
      dropped++;
    }
    if (dropped > 0) {
      tracked.addAndGet(-dropped);
    }
  }

  private void sweep() {
    int[] dropped = {0};
    queue.removeIf(
        event -> {
          if (event.isDone()) {
            dropped[0]++;
            return true;
          }
          return false;
        });
    long left = tracked.addAndGet(-dropped[0]);
    sweepAbove = Math.max(MIN_SWEEP, 2 * left);
  }
}
