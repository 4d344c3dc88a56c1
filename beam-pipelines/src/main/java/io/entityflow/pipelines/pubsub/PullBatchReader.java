package io.entityflow.pipelines.pubsub;

import com.google.pubsub.v1.PubsubMessage;
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
 * journal records a crashed run left behind (claimed at {@link #start}), then the next batch the
 * subscription's {@link BatchPrefetcher} pulled, journaled on disk and acknowledged (the emulator
 * slows down sharply while pulled messages stay unacknowledged, so it acknowledges at once). One
 * element carries every pull waiting in the prefetcher, up to {@value #MAX_MESSAGES_PER_ELEMENT}
 * messages; one with fewer than {@value #MIN_MESSAGES_PER_ELEMENT} waits up to {@value
 * #GATHER_MILLIS} ms for more pulls. The further the pipeline falls behind, the fewer bundles it
 * pays for.
 *
 * <pre>{@code
 * PullBatchReader reader = source.createReader(options, null);
 * for (boolean more = reader.start(); ; more = reader.advance()) { ... }
 * }</pre>
 *
 * <p>Guarantees: a message is acknowledged only after its journal record is on disk; a pull or
 * acknowledgement that fails is thrown here (the runner fails the pipeline; a restart reads the
 * journal, and Pub/Sub delivers again what was not acknowledged). The element timestamp is the
 * batch's earliest publish time. Not thread-safe (one reader per thread, as Beam requires).
 */
final class PullBatchReader extends UnboundedSource.UnboundedReader<PulledBatch> {
  private static final long WAIT_MILLIS = 1;

  /** Pulls waiting in the prefetcher are merged into one element up to this many messages. */
  static final int MAX_MESSAGES_PER_ELEMENT = 5_000;

  /**
   * An element with fewer messages waits up to {@link #GATHER_MILLIS} for more pulls: every element
   * costs the DirectRunner a bundle in each step and the warehouse a forced write.
   */
  static final int MIN_MESSAGES_PER_ELEMENT = 1_000;

  /** How long an element waits for {@link #MIN_MESSAGES_PER_ELEMENT} after its first pull. */
  static final long GATHER_MILLIS = 100;

  private final PullBatchSource source;
  private final PullSettings settings;
  private final PullJournal journal;
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
    orphans = new ArrayDeque<>(journal.claimOrphans());
    return advance();
  }

  @Override
  public boolean advance() throws IOException {
    while (!orphans.isEmpty()) {
      String record = orphans.poll();
      PulledBatch batch = new PulledBatch(settings.topic(), record, journal.read(record));
      PendingMessages.expect(journal, batch);
      if (emit(batch)) {
        return true;
      }
    }
    current = null;
    BatchPrefetcher prefetcher = BatchPrefetcher.of(settings);
    PulledBatch batch = prefetcher.poll(WAIT_MILLIS);
    if (batch == null) {
      watermark = later(watermark, Instant.now());
      return false;
    }
    List<PulledBatch> waiting = new ArrayList<>(List.of(batch));
    int messages = batch.messages().size();
    long gatherUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GATHER_MILLIS);
    while (messages < MAX_MESSAGES_PER_ELEMENT) {
      long waitMillis =
          messages >= MIN_MESSAGES_PER_ELEMENT
              ? 0
              : TimeUnit.NANOSECONDS.toMillis(gatherUntil - System.nanoTime());
      batch = prefetcher.poll(Math.max(0, waitMillis));
      if (batch == null) {
        break;
      }
      waiting.add(batch);
      messages += batch.messages().size();
    }
    return emit(PulledBatch.merge(waiting));
  }

  private boolean emit(PulledBatch batch) {
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
    current = null;
  }
}
