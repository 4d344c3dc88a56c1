package io.entityflow.pipelines.pubsub;

import com.google.pubsub.v1.AcknowledgeRequest;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.PullResponse;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.SubscriberGrpc;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.joda.time.Instant;

/**
 * Reads one subscription of the Pub/Sub emulator in batches. Per {@link #advance}: first the
 * journal files a crashed run left behind (claimed at {@link #start}), then one synchronous pull of
 * up to {@code maxMessagesPerPull} messages, written to the {@link PullJournal} and forced to disk,
 * then acknowledged at once (the emulator slows down sharply while pulled messages stay
 * unacknowledged), then registered with {@link PendingMessages} and emitted as one element. It
 * pulls nothing while {@code maxPendingMessages} messages are pending, so memory stays bounded when
 * the pipeline falls behind.
 *
 * <pre>{@code
 * PullBatchReader reader = source.createReader(options, null);
 * for (boolean more = reader.start(); ; more = reader.advance()) { ... }
 * }</pre>
 *
 * <p>Guarantees: a message is acknowledged only after its journal file is on disk; a pull or
 * acknowledgement that fails throws (the runner fails the pipeline; a restart reads the journal,
 * and Pub/Sub delivers again what was not acknowledged). The element timestamp is the batch's
 * earliest publish time. Not thread-safe (one reader per thread, as Beam requires).
 */
final class PullBatchReader extends UnboundedSource.UnboundedReader<PulledBatch> {
  private static final long PULL_DEADLINE_SECONDS = 60;

  private final PullBatchSource source;
  private final PullSettings settings;
  private final PullJournal journal;
  private SubscriberGrpc.SubscriberBlockingStub stub;
  private Deque<String> orphans = new ArrayDeque<>();
  private PulledBatch current;
  private Instant timestamp;
  private Instant watermark = BoundedWindow.TIMESTAMP_MIN_VALUE;

  PullBatchReader(PullBatchSource source) {
    this.source = source;
    this.settings = source.settings();
    this.journal = source.journal();
  }

  @Override
  public boolean start() throws IOException {
    stub = SubscriberGrpc.newBlockingStub(EmulatorChannels.to(settings.emulatorHost()));
    orphans = new ArrayDeque<>(journal.claimOrphans());
    return advance();
  }

  @Override
  public boolean advance() throws IOException {
    while (!orphans.isEmpty()) {
      String file = orphans.poll();
      if (emit(new PulledBatch(settings.topic(), file, journal.read(file)))) {
        return true;
      }
    }
    current = null;
    if (PendingMessages.pending(journal) >= settings.maxPendingMessages()) {
      return false;
    }
    PullResponse response = pull();
    if (response.getReceivedMessagesCount() == 0) {
      watermark = later(watermark, Instant.now());
      return false;
    }
    List<PubsubMessage> messages = new ArrayList<>(response.getReceivedMessagesCount());
    List<String> ackIds = new ArrayList<>(response.getReceivedMessagesCount());
    for (ReceivedMessage received : response.getReceivedMessagesList()) {
      messages.add(received.getMessage());
      ackIds.add(received.getAckId());
    }
    String file = journal.write(messages);
    acknowledge(ackIds);
    return emit(new PulledBatch(settings.topic(), file, messages));
  }

  private boolean emit(PulledBatch batch) {
    PendingMessages.expect(journal, batch);
    if (batch.messages().isEmpty()) {
      return false;
    }
    long earliest = Long.MAX_VALUE;
    for (PubsubMessage message : batch.messages()) {
      long millis =
          message.getPublishTime().getSeconds() * 1000
              + message.getPublishTime().getNanos() / 1_000_000;
      earliest = Math.min(earliest, millis);
    }
    current = batch;
    timestamp = new Instant(earliest);
    watermark = later(watermark, timestamp);
    return true;
  }

  private PullResponse pull() throws IOException {
    try {
      return stub.withDeadlineAfter(PULL_DEADLINE_SECONDS, TimeUnit.SECONDS)
          .pull(
              PullRequest.newBuilder()
                  .setSubscription(settings.subscription())
                  .setMaxMessages(settings.maxMessagesPerPull())
                  .setReturnImmediately(true)
                  .build());
    } catch (StatusRuntimeException e) {
      throw new IOException(
          "cannot pull from " + settings.subscription() + " at " + settings.emulatorHost(), e);
    }
  }

  private void acknowledge(List<String> ackIds) throws IOException {
    try {
      stub.withDeadlineAfter(PULL_DEADLINE_SECONDS, TimeUnit.SECONDS)
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
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  @Override
  public PulledBatch getCurrent() {
    if (current == null) {
      throw new NoSuchElementException("no current batch");
    }
    return current;
  }

  @Override
  public Instant getCurrentTimestamp() {
    if (current == null) {
      throw new NoSuchElementException("no current batch");
    }
    return timestamp;
  }

  @Override
  public Instant getWatermark() {
    return watermark;
  }

  @Override
  public PullCheckpoint getCheckpointMark() {
    return new PullCheckpoint();
  }

  @Override
  public PullBatchSource getCurrentSource() {
    return source;
  }

  @Override
  public void close() {
    stub = null;
  }
}
