package io.entityflow.pipelines.pubsub;

import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The unbounded source behind {@link ReadPubsubBatches}: one reader per subscription (the emulator
 * serves one puller fastest) emitting the pulls waiting in its prefetcher as one {@link
 * PulledBatch}. See {@link PullBatchReader} for what a reader does per batch.
 *
 * <pre>{@code
 * Read.from(new PullBatchSource(settings))
 * }</pre>
 *
 * <p>Immutable and serializable.
 */
final class PullBatchSource extends UnboundedSource<PulledBatch, PullCheckpoint> {
  private static final long serialVersionUID = 1L;

  private final PullSettings settings;

  PullBatchSource(PullSettings settings) {
    this.settings = settings;
  }

  PullSettings settings() {
    return settings;
  }

  PullJournal journal() {
    return PullJournal.in(Path.of(settings.journalDirectory()));
  }

  @Override
  public List<PullBatchSource> split(int desiredNumSplits, PipelineOptions options) {
    return List.of(this);
  }

  @Override
  public PullBatchReader createReader(PipelineOptions options, PullCheckpoint checkpoint) {
    return new PullBatchReader(this);
  }

  @Override
  public Coder<PullCheckpoint> getCheckpointMarkCoder() {
    return SerializableCoder.of(PullCheckpoint.class);
  }

  @Override
  public Coder<PulledBatch> getOutputCoder() {
    return PulledBatchCoder.of();
  }
}
