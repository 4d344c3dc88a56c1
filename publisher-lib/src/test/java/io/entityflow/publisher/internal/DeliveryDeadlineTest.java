package io.entityflow.publisher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeliveryDeadlineTest {

  /** A tracked event with the time it was published. */
  private static final class Event extends CompletableFuture<String> {
    final long startNanos;

    Event(long startNanos) {
      this.startNanos = startNanos;
    }
  }

  @Test
  void anEventOlderThanTheTimeoutIsExpiredAndAYoungOneIsNot() throws Exception {
    OutstandingEvents<Event> events = new OutstandingEvents<>();
    long now = System.nanoTime();
    Event old = new Event(now - TimeUnit.SECONDS.toNanos(5));
    Event young = new Event(now + TimeUnit.HOURS.toNanos(1));
    events.add(old);
    events.add(young);
    List<Event> expired = new CopyOnWriteArrayList<>();
    try (DeliveryDeadline<Event> deadline =
        DeliveryDeadline.start(
            events,
            Duration.ofSeconds(2),
            e -> e.startNanos,
            e -> {
              expired.add(e);
              e.completeExceptionally(new TimeoutException("expired"));
            },
            Duration.ofHours(1),
            () -> {})) {
      assertThat(old.handle((ok, e) -> e).get(10, TimeUnit.SECONDS))
          .isInstanceOf(TimeoutException.class);
    }
    assertThat(expired).containsExactly(old);
    assertThat(young).isNotDone();
  }

  @Test
  void aStaleEventTriggersTheFlushAndNothingStaleTriggersNone() throws Exception {
    OutstandingEvents<Event> events = new OutstandingEvents<>();
    Event fresh = new Event(System.nanoTime() + TimeUnit.HOURS.toNanos(1));
    events.add(fresh);
    AtomicInteger flushes = new AtomicInteger();
    try (DeliveryDeadline<Event> deadline =
        DeliveryDeadline.start(
            events,
            Duration.ofHours(2),
            e -> e.startNanos,
            e -> e.completeExceptionally(new TimeoutException("expired")),
            Duration.ofMillis(200),
            flushes::incrementAndGet)) {
      Thread.sleep(1_500); // at least one check ran (they run every second at most)
      assertThat(flushes.get()).isZero();

      Event stale = new Event(System.nanoTime() - TimeUnit.SECONDS.toNanos(1));
      events.add(stale);
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (flushes.get() == 0 && System.nanoTime() < until) {
        Thread.sleep(50);
      }
      assertThat(flushes.get()).isPositive();
      assertThat(stale).isNotDone();
    }
  }
}
