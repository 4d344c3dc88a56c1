package io.entityflow.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.pubsub.v1.ReceivedMessage;
import io.entityflow.contract.Operation;
import io.entityflow.publisher.fixtures.EmulatorProject;
import io.entityflow.publisher.fixtures.Sales;
import io.entityflow.testing.PubSubEmulator;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * Kills the emulator while a stream of events is being published, restarts it and checks that every
 * event is either in the subscription or reported failed to its caller, with exact counts.
 *
 * <p>The emulator loses everything on a kill (real Pub/Sub does not). So that "stored, then lost by
 * the crash" cannot blur the count, the stream pauses for a moment right before the kill while the
 * test drains the subscription; it resumes against the dead emulator, keeps going through the
 * restart, pauses again only while the test recreates topic and subscription, and goes on.
 */
class EmulatorKillRestartIT {
  private static final String TOPIC = "sale_v1";

  @Test
  void everyEventIsDeliveredOrReportedFailedAcrossAnEmulatorCrash() throws Exception {
    try (PubSubEmulator emulator = PubSubEmulator.startDedicated()) {
      EmulatorProject project = new EmulatorProject(emulator);
      String subscription = project.createTopicWithSubscription(TOPIC);
      ApplicationContext context =
          ApplicationContext.run(
              Map.of(
                  "spec.name", "EmulatorKillRestartIT",
                  "micronaut.application.name", "checkout",
                  "entityflow.publisher.project-id", project.projectId(),
                  "entityflow.publisher.emulator-host", emulator.hostPort(),
                  "entityflow.publisher.retry.total-timeout", "10s",
                  "entityflow.publisher.retry.rpc-timeout", "1s",
                  "entityflow.publisher.shutdown-timeout", "10s"));
      EntityPublisher publisher = context.getBean(EntityPublisher.class);
      EventStream stream = new EventStream(publisher);
      Set<String> delivered = new HashSet<>();
      try {
        stream.start();
        Thread.sleep(700);

        stream.pause();
        stream.awaitSettled();
        drain(project, subscription, delivered);
        int deliveredBeforeKill = delivered.size();
        emulator.kill();
        stream.resume();
        Thread.sleep(1000); // events published into the dead emulator

        emulator.restart();
        stream.pause();
        stream.awaitSettled();
        project.createTopicWithSubscriptionWhenReady(TOPIC, Duration.ofSeconds(30));
        stream.resume();
        stream.awaitDeliveredAfter(stream.published(), Duration.ofSeconds(30));
        Thread.sleep(500);
        stream.stop();
        stream.awaitSettled();
        drain(project, subscription, delivered);

        List<CompletableFuture<PublishReceipt>> futures = stream.futures();
        Set<String> receiptIds = new HashSet<>();
        int failed = 0;
        for (CompletableFuture<PublishReceipt> future : futures) {
          if (future.isCompletedExceptionally()) {
            failed++;
          } else {
            receiptIds.add(future.join().eventId());
          }
        }
        System.out.printf(
            "published %d: delivered %d (%d before the kill), failed %d%n",
            futures.size(), delivered.size(), deliveredBeforeKill, failed);
        assertThat(deliveredBeforeKill).isPositive();
        assertThat(failed).isPositive();
        assertThat(delivered.size()).isGreaterThan(deliveredBeforeKill);
        assertThat(delivered.size() + failed).isEqualTo(futures.size());
        assertThat(delivered).isEqualTo(receiptIds);
      } finally {
        stream.stop();
        context.close();
      }
    }
  }

  private static void drain(EmulatorProject project, String subscription, Set<String> into) {
    for (ReceivedMessage message : project.pull(subscription, 1_000_000, Duration.ofSeconds(2))) {
      assertThat(into.add(message.getMessage().getAttributesOrThrow("event_id")))
          .as("each event arrives once")
          .isTrue();
    }
  }

  /** Publishes Sale events from a thread of its own until stopped; can be paused. */
  private static final class EventStream {
    private final EntityPublisher publisher;
    private final List<CompletableFuture<PublishReceipt>> futures = new ArrayList<>();
    private final ReentrantLock gate = new ReentrantLock();
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
        gate.lock();
        try {
          if (!running.get()) {
            return;
          }
          CompletableFuture<PublishReceipt> future =
              publisher.publish(Sales.sale("s-" + (i++ % 40)), Operation.UPDATED);
          synchronized (futures) {
            futures.add(future);
          }
        } finally {
          gate.unlock();
        }
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void pause() {
      gate.lock();
    }

    void resume() {
      gate.unlock();
    }

    int published() {
      synchronized (futures) {
        return futures.size();
      }
    }

    List<CompletableFuture<PublishReceipt>> futures() {
      synchronized (futures) {
        return new ArrayList<>(futures);
      }
    }

    void awaitSettled() throws Exception {
      CompletableFuture.allOf(futures().toArray(CompletableFuture[]::new))
          .handle((ok, e) -> null)
          .get(60, TimeUnit.SECONDS);
    }

    /** Waits until an event published after the first {@code index} events was delivered. */
    void awaitDeliveredAfter(int index, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        List<CompletableFuture<PublishReceipt>> all = futures();
        for (int i = index; i < all.size(); i++) {
          CompletableFuture<PublishReceipt> f = all.get(i);
          if (f.isDone() && !f.isCompletedExceptionally()) {
            return;
          }
        }
        Thread.sleep(100);
      }
      List<CompletableFuture<PublishReceipt>> all = futures();
      Throwable last = null;
      for (int i = index; i < all.size(); i++) {
        if (all.get(i).isCompletedExceptionally()) {
          last = all.get(i).handle((ok, e) -> e).join();
        }
      }
      throw new AssertionError(
          "no event was delivered within "
              + timeout
              + " after the restart; "
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
