package io.entityflow.pipelines.pubsub;

import com.google.pubsub.v1.AcknowledgeRequest;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.PullResponse;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.SubscriberGrpc;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Pulls one subscription on its own thread, ahead of the reader: each pull is written to the {@link
 * PullJournal} and forced to disk, acknowledged, registered with {@link PendingMessages} and queued
 * (at most {@value #QUEUED_BATCHES} pulls); {@link PullBatchReader} takes batches from the queue.
 * The DirectRunner's worker then parses while the next pull is on its way, instead of waiting for
 * the emulator.
 *
 * <p>A pull's response is journaled as the bytes the emulator sent ({@link RawPull}); the puller
 * reads only the acknowledgement and message ids from them ({@link PullResponseScan}), and the
 * messages are parsed by {@link #poll}, on the runner's worker, off the one-pull-at-a-time path.
 *
 * <p>Strictly one pull at a time, each acknowledged before the next: while any pulled message is
 * unacknowledged, the emulator copies the subscription's whole backlog on every pull, so pulls in
 * flight together, or an acknowledgement not waited for, make a large backlog drain slower and
 * slower.
 *
 * <pre>{@code
 * BatchPrefetcher prefetcher = BatchPrefetcher.of(settings);
 * PulledBatch batch = prefetcher.poll(); // null when nothing arrived
 * }</pre>
 *
 * <p>After an empty pull it waits 5 ms, doubling up to 100 ms while the subscription stays quiet
 * (an idle demo of many entities does not keep the emulator busy). One per subscription and journal
 * in a JVM (the runner creates and drops readers often). It pulls nothing while {@code
 * maxPendingMessages} messages are pending, and stops after {@value #IDLE_SECONDS} s without a
 * {@link #poll} (a cancelled pipeline): batches it queued by then are acknowledged and journaled,
 * so the next run reads them from the journal. A failed pull or acknowledgement stops it; the next
 * {@link #poll} throws it. Thread-safe.
 */
final class BatchPrefetcher {
  static final int IDLE_SECONDS = 10;
  static final int QUEUED_BATCHES = 64;
  private static final long MIN_QUIET_MILLIS = 5;
  private static final long MAX_QUIET_MILLIS = 100;
  private static final long DEADLINE_SECONDS = 60;
  private static final Map<PullSettings, BatchPrefetcher> RUNNING = new ConcurrentHashMap<>();

  private final PullSettings settings;
  private final PullJournal journal;
  private final BlockingQueue<JournaledPull> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
  private final Channel channel;
  private final SubscriberGrpc.SubscriberBlockingStub stub;
  private volatile long lastPollNanos = System.nanoTime();
  private volatile IOException failure;
  private volatile boolean stopped;

  private BatchPrefetcher(PullSettings settings) {
    this.settings = settings;
    this.journal = PullJournal.in(Path.of(settings.journalDirectory()));
    this.channel = EmulatorChannels.to(settings.emulatorHost());
    this.stub = SubscriberGrpc.newBlockingStub(channel);
  }

  /** The running prefetcher of {@code settings}, started if none runs. */
  static BatchPrefetcher of(PullSettings settings) {
    BatchPrefetcher prefetcher =
        RUNNING.compute(
            settings,
            (key, running) ->
                running != null && !running.stopped ? running : new BatchPrefetcher(key).start());
    prefetcher.lastPollNanos = System.nanoTime();
    return prefetcher;
  }

  private BatchPrefetcher start() {
    Thread thread = new Thread(this::run, "entityflow-pull " + settings.subscription());
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  /**
   * The next batch, waiting at most {@code waitMillis}; null if none.
   *
   * @throws IOException the failure that stopped the prefetcher
   */
  PulledBatch poll(long waitMillis) throws IOException {
    lastPollNanos = System.nanoTime();
    JournaledPull pull = queue.poll();
    if (pull == null && failure == null && waitMillis > 0) {
      try {
        pull = queue.poll(waitMillis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (pull == null && failure != null) {
      RUNNING.remove(settings, this);
      throw failure;
    }
    return pull == null ? null : pull.parse(settings.topic());
  }

  /**
   * A pull as received, journaled as {@code record}, acknowledged and registered; not parsed yet.
   */
  private record JournaledPull(String record, byte[] response) {
    PulledBatch parse(String topic) throws IOException {
      PullResponse parsed = PullResponse.parseFrom(response);
      List<PubsubMessage> messages = new ArrayList<>(parsed.getReceivedMessagesCount());
      for (ReceivedMessage received : parsed.getReceivedMessagesList()) {
        messages.add(received.getMessage());
      }
      return new PulledBatch(topic, record, messages);
    }
  }

  private void run() {
    long quietMillis = MIN_QUIET_MILLIS;
    try {
      while (!idle()) {
        if (PendingMessages.pending(journal) >= settings.maxPendingMessages()) {
          TimeUnit.MILLISECONDS.sleep(5);
          continue;
        }
        JournaledPull pull = pullOnce();
        if (pull == null) {
          TimeUnit.MILLISECONDS.sleep(quietMillis);
          quietMillis = Math.min(MAX_QUIET_MILLIS, quietMillis * 2);
          continue;
        }
        quietMillis = MIN_QUIET_MILLIS;
        while (!queue.offer(pull, 100, TimeUnit.MILLISECONDS)) {
          if (idle()) {
            return; // journaled and acknowledged: the next run reads it from the journal
          }
        }
      }
    } catch (IOException e) {
      failure = e;
    } catch (RuntimeException e) {
      failure =
          new IOException(
              "the puller of " + settings.subscription() + " stopped: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stopped = true;
    }
  }

  private boolean idle() {
    return System.nanoTime() - lastPollNanos > TimeUnit.SECONDS.toNanos(IDLE_SECONDS);
  }

  private JournaledPull pullOnce() throws IOException {
    byte[] bytes;
    try {
      bytes =
          ClientCalls.blockingUnaryCall(
              channel,
              RawPull.METHOD,
              CallOptions.DEFAULT.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS),
              PullRequest.newBuilder()
                  .setSubscription(settings.subscription())
                  .setMaxMessages(settings.maxMessagesPerPull())
                  .setReturnImmediately(true)
                  .build());
    } catch (StatusRuntimeException e) {
      throw new IOException(
          "cannot pull from " + settings.subscription() + " at " + settings.emulatorHost(), e);
    }
    PullResponseScan scan = PullResponseScan.of(bytes);
    if (scan.ackIds().isEmpty()) {
      return null;
    }
    List<String> ackIds = scan.ackIds();
    String record = journal.write(bytes);
    try {
      stub.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
          .acknowledge(
              AcknowledgeRequest.newBuilder()
                  .setSubscription(settings.subscription())
                  .addAllAckIds(ackIds)
                  .build());
    } catch (StatusRuntimeException e) {
      throw new IOException(
          "cannot acknowledge "
              + ackIds.size()
              + " journaled messages of "
              + settings.subscription()
              + " (Pub/Sub delivers them again; they may land twice)",
          e);
    }
    PendingMessages.expect(journal, settings.topic(), record, scan.messageIds());
    return new JournaledPull(record, bytes);
  }
}
