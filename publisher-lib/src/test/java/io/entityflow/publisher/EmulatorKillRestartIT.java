package io.entityflow.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.pubsub.v1.ReceivedMessage;
import io.entityflow.contract.Operation;
import io.entityflow.publisher.fixtures.EmulatorProject;
import io.entityflow.publisher.fixtures.Sales;
import io.entityflow.publisher.fixtures.TcpProxy;
import io.entityflow.testing.PubSubEmulator;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Kills the emulator in the middle of a stream of events that never pauses, restarts it, and checks
 * with exact counts that every event is either in the subscription or reported failed to its
 * caller.
 *
 * <p>The emulator loses everything on a kill (real Pub/Sub does not), so "stored, then lost by the
 * crash" must not blur the count. The publisher therefore talks to the emulator through a {@link
 * TcpProxy} while the test pulls directly: at the crash the proxy cuts the publisher off first (its
 * requests in flight break), the test drains the subscription (everything the emulator accepted is
 * there), then SIGKILLs the emulator, restarts it on the same port, recreates topic and
 * subscription, and lets the proxy forward again. Events published meanwhile are retried by the
 * client or fail (UNAVAILABLE, DEADLINE_EXCEEDED, NOT_FOUND) and their callers are told.
 */
class EmulatorKillRestartIT {
  private static final String TOPIC = "sale_v1";

  @Test
  void everyEventIsDeliveredOrReportedFailedWhenTheEmulatorIsKilledMidStream() throws Exception {
    try (PubSubEmulator emulator = PubSubEmulator.startDedicated();
        TcpProxy proxy = TcpProxy.to(emulator.hostPort())) {
      EmulatorProject project = new EmulatorProject(emulator);
      String subscription = project.createTopicWithSubscription(TOPIC);
      ApplicationContext context =
          ApplicationContext.run(
              Map.of(
                  "spec.name", "EmulatorKillRestartIT",
                  "micronaut.application.name", "checkout",
                  "entityflow.publisher.project-id", project.projectId(),
                  "entityflow.publisher.emulator-host", proxy.hostPort(),
                  "entityflow.publisher.retry.total-timeout", "10s",
                  "entityflow.publisher.retry.rpc-timeout", "1s",
                  "entityflow.publisher.shutdown-timeout", "15s"));
      EventStream stream = new EventStream(context.getBean(EntityPublisher.class));
      Map<String, Integer> deliveries = new HashMap<>();
      try {
        stream.start();
        stream.awaitReceiptAfter(0, Duration.ofSeconds(30)); // the stream is flowing
        Thread.sleep(500);

        proxy.cut(); // the crash, as the publisher sees it: its connections break
        int publishedAtCut = stream.published();
        int beforeKill = drain(project, subscription, deliveries);
        emulator.kill();
        emulator.restart();
        project.createTopicWithSubscriptionWhenReady(TOPIC, Duration.ofSeconds(30));
        // keep the publisher cut off until the client gave up on at least one event (its retry
        // timeout is 10 s), so the run always has failures to account for
        stream.awaitFailure(Duration.ofSeconds(30));
        int publishedAtRestart = stream.published();
        proxy.resume();
        stream.awaitReceiptAfter(publishedAtRestart, Duration.ofSeconds(30));
        Thread.sleep(500);
        stream.stop();
        stream.awaitAllCompleted(Duration.ofSeconds(30));
        int afterRestart = drain(project, subscription, deliveries);

        List<Event> events = stream.events();
        Set<String> receipts = new HashSet<>();
        Set<String> failed = new HashSet<>();
        Map<String, Integer> failureCauses = new TreeMap<>();
        for (Event event : events) {
          assertThat(event.future()).isDone();
          if (event.future().isCompletedExceptionally()) {
            failed.add(event.eventId());
            Throwable cause = event.future().handle((ok, e) -> e.getCause()).join();
            failureCauses.merge(cause.getClass().getSimpleName(), 1, Integer::sum);
          } else {
            PublishReceipt receipt = event.future().join();
            assertThat(receipt.eventId()).isEqualTo(event.eventId());
            receipts.add(receipt.eventId());
          }
        }
        long duplicates = deliveries.values().stream().filter(n -> n > 1).count();
        long failedButDelivered = failed.stream().filter(deliveries::containsKey).count();
        long receiptsAfterRestart =
            events.subList(publishedAtRestart, events.size()).stream()
                .filter(e -> !e.future().isCompletedExceptionally())
                .count();
        System.out.printf(
            "published %d (%d before the cut, %d while the emulator was down): %d receipts"
                + " (%d of events published after the restart), %d failed; the subscription got"
                + " %d messages before the kill and %d after, %d distinct events, %d of them"
                + " more than once (stored, answer lost or late, retried), %d reported failed"
                + " although stored;"
                + " failure causes %s%n",
            events.size(),
            publishedAtCut,
            publishedAtRestart - publishedAtCut,
            receipts.size(),
            receiptsAfterRestart,
            failed.size(),
            beforeKill,
            afterRestart,
            deliveries.size(),
            duplicates,
            failedButDelivered,
            failureCauses);

        assertThat(receipts.size() + failed.size()).isEqualTo(events.size());
        assertThat(deliveries.keySet()).containsAll(receipts);
        Set<String> accountedFor = new HashSet<>(deliveries.keySet());
        accountedFor.addAll(failed);
        assertThat(accountedFor)
            .containsExactlyInAnyOrderElementsOf(events.stream().map(Event::eventId).toList());
        assertThat(failed).isNotEmpty();
        assertThat(beforeKill).isPositive();
        assertThat(afterRestart).isPositive();
        assertThat(receiptsAfterRestart).isPositive();
      } finally {
        stream.stop();
        context.close();
      }
    }
  }

  /** Pulls until quiet; counts deliveries per event id; returns how many messages came. */
  private static int drain(
      EmulatorProject project, String subscription, Map<String, Integer> deliveries) {
    List<ReceivedMessage> messages = project.pull(subscription, 1_000_000, Duration.ofSeconds(2));
    for (ReceivedMessage message : messages) {
      deliveries.merge(message.getMessage().getAttributesOrThrow("event_id"), 1, Integer::sum);
    }
    return messages.size();
  }

  /** One published event: the id the test gave it and its future. */
  private record Event(String eventId, CompletableFuture<PublishReceipt> future) {}

  /** Publishes a Sale event every 2 ms from a thread of its own, without pause, until stopped. */
  private static final class EventStream {
    private final EntityPublisher publisher;
    private final List<Event> events = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread = new Thread(this::run, "event-stream");

    EventStream(EntityPublisher publisher) {
      this.publisher = publisher;
    }

    void start() {
      thread.start();
    }

    private void run() {
      int i = 0;
      while (running.get()) {
        String eventId = UUID.randomUUID().toString();
        CompletableFuture<PublishReceipt> future =
            publisher.publish(Sales.sale("s-" + (i++ % 40)), Operation.UPDATED, eventId);
        synchronized (events) {
          events.add(new Event(eventId, future));
        }
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    int published() {
      synchronized (events) {
        return events.size();
      }
    }

    List<Event> events() {
      synchronized (events) {
        return new ArrayList<>(events);
      }
    }

    void awaitAllCompleted(Duration timeout) throws Exception {
      CompletableFuture.allOf(
              events().stream().map(Event::future).toArray(CompletableFuture[]::new))
          .handle((ok, e) -> null)
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until some event failed. */
    void awaitFailure(Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        for (Event event : events()) {
          if (event.future().isCompletedExceptionally()) {
            return;
          }
        }
        Thread.sleep(100);
      }
      List<Event> all = events();
      long done = all.stream().filter(e -> e.future().isDone()).count();
      throw new AssertionError(
          "no event failed within "
              + timeout
              + " after the emulator's restart; "
              + all.size()
              + " published, "
              + done
              + " of them completed");
    }

    /** Waits until an event published after the first {@code index} events got a receipt. */
    void awaitReceiptAfter(int index, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        List<Event> all = events();
        for (int i = index; i < all.size(); i++) {
          CompletableFuture<PublishReceipt> f = all.get(i).future();
          if (f.isDone() && !f.isCompletedExceptionally()) {
            return;
          }
        }
        Thread.sleep(100);
      }
      List<Event> all = events();
      Throwable last = null;
      for (int i = index; i < all.size(); i++) {
        if (all.get(i).future().isCompletedExceptionally()) {
          last = all.get(i).future().handle((ok, e) -> e).join();
        }
      }
      throw new AssertionError(
          "no event published after the first "
              + index
              + " got a receipt within "
              + timeout
              + "; "
              + (all.size() - index)
              + " published, last failure: "
              + last,
          last);
    }

    void stop() throws InterruptedException {
      running.set(false);
      thread.join(10_000);
    }
  }
}
