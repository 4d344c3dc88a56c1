package io.entityflow.pipelines.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * How the pipeline reads the Pub/Sub emulator with {@code --warehouse=LOCAL}.
 *
 * <pre>{@code
 * --warehouse=LOCAL --localRead=PULL_BATCHES --maxMessagesPerPull=1000 --maxPendingMessages=50000
 * }</pre>
 */
public interface LocalReadOptions extends PipelineOptions {
  @Description(
      "Local warehouse: how to read the emulator. PULL_BATCHES (default): batches of up to"
          + " --maxMessagesPerPull messages per element, acknowledged once journaled on disk, the"
          + " journal file deleted once every message of it is staged (nothing lost on a crash)."
          + " PUBSUB_IO: Beam's PubsubIO, as on Dataflow (acknowledges before rows are staged).")
  @Default.Enum("PULL_BATCHES")
  LocalRead getLocalRead();

  void setLocalRead(LocalRead value);

  @Description("Local warehouse, PULL_BATCHES: the most messages per pull (1 to 1000).")
  @Default.Integer(1000)
  Integer getMaxMessagesPerPull();

  void setMaxMessagesPerPull(Integer value);

  @Description(
      "Local warehouse, PULL_BATCHES: stop pulling while this many messages per subscription are"
          + " pulled but not yet staged (bounds memory when the pipeline falls behind).")
  @Default.Integer(50000)
  Integer getMaxPendingMessages();

  void setMaxPendingMessages(Integer value);

  @Description(
      "Local warehouse, PULL_BATCHES: directory of the pull journal; empty = <warehouseDir>/.journal.")
  @Default.String("")
  String getJournalDir();

  void setJournalDir(String value);

  @Description(
      "Local warehouse on the DirectRunner: worker threads (its --targetParallelism). The default 1"
          + " was the fastest measured on 2 cores: the runner's scheduler polls without pause on"
          + " one of its threads, and every pull runs ahead on a thread of its own anyway.")
  @Default.Integer(1)
  Integer getLocalWorkerThreads();

  void setLocalWorkerThreads(Integer value);

  /** The ways to read the emulator. */
  enum LocalRead {
    /** {@code ReadPubsubBatches}: batched pulls, journaled before acknowledging. */
    PULL_BATCHES,
    /** Beam's {@code PubsubIO}. */
    PUBSUB_IO
  }
}
