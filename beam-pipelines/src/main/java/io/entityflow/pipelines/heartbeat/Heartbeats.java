package io.entityflow.pipelines.heartbeat;

import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.contract.layout.HeartbeatTable;
import io.entityflow.pipelines.convert.Timestamps;
import io.entityflow.pipelines.events.PipelineClock;
import java.time.Instant;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.GenerateSequence;
import org.apache.beam.sdk.io.gcp.bigquery.TableRowJsonCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;

/**
 * A periodic heartbeat row for {@code entityflow.pipeline_heartbeat}, emitted every {@code period}
 * whether or not events arrive, keyed by the table's qualified name so that it travels through the
 * same writer as the entity rows.
 *
 * <p>{@code ingested_through} is the heartbeat time minus {@code lag}, where the lag must cover the
 * writer's buffering (the local warehouse flush interval, the Storage Write API triggering
 * frequency) plus Pub/Sub delivery: every event published before it has been written.
 *
 * <pre>{@code
 * PCollection<KV<String, TableRow>> beats = pipeline.apply("Heartbeat",
 *     Heartbeats.every(Duration.standardSeconds(30)).named("prod").withLag(Duration.standardSeconds(15)));
 * }</pre>
 */
public final class Heartbeats extends PTransform<PBegin, PCollection<KV<String, TableRow>>> {
  /** Key of heartbeat rows: the table's qualified name. */
  public static final String TABLE = HeartbeatTable.definition().qualifiedName();

  private final Duration period;
  private final String pipelineName;
  private final Duration lag;
  private final PipelineClock clock;

  private Heartbeats(Duration period, String pipelineName, Duration lag, PipelineClock clock) {
    this.period = period;
    this.pipelineName = pipelineName;
    this.lag = lag;
    this.clock = clock;
  }

  /** Heartbeats every {@code period}, named {@code entity-topics-to-bigquery}, lag = period. */
  public static Heartbeats every(Duration period) {
    return new Heartbeats(period, "entity-topics-to-bigquery", period, PipelineClock.system());
  }

  /** A copy with this {@code pipeline} column value. */
  public Heartbeats named(String pipelineName) {
    return new Heartbeats(period, pipelineName, lag, clock);
  }

  /** A copy with {@code ingested_through = now - lag}. */
  public Heartbeats withLag(Duration lag) {
    return new Heartbeats(period, pipelineName, lag, clock);
  }

  /** A copy using {@code clock}. */
  public Heartbeats withClock(PipelineClock clock) {
    return new Heartbeats(period, pipelineName, lag, clock);
  }

  @Override
  public PCollection<KV<String, TableRow>> expand(PBegin input) {
    return input
        .apply("Tick", GenerateSequence.from(0).withRate(1, period))
        .apply("Heartbeat row", ParDo.of(new BeatFn(pipelineName, lag.getMillis(), clock)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), TableRowJsonCoder.of()));
  }

  /** Builds the heartbeat row of one tick. */
  static final class BeatFn extends DoFn<Long, KV<String, TableRow>> {
    private final String pipelineName;
    private final long lagMillis;
    private final PipelineClock clock;

    BeatFn(String pipelineName, long lagMillis, PipelineClock clock) {
      this.pipelineName = pipelineName;
      this.lagMillis = lagMillis;
      this.clock = clock;
    }

    @ProcessElement
    public void process(OutputReceiver<KV<String, TableRow>> out) {
      Instant now = clock.now();
      out.output(KV.of(TABLE, row(pipelineName, now.minusMillis(lagMillis), now)));
    }
  }

  /** The heartbeat row. */
  public static TableRow row(String pipelineName, Instant ingestedThrough, Instant writtenAt) {
    return new TableRow()
        .set(HeartbeatTable.PIPELINE, pipelineName)
        .set(HeartbeatTable.INGESTED_THROUGH, Timestamps.format(ingestedThrough))
        .set(HeartbeatTable.WRITTEN_AT, Timestamps.format(writtenAt));
  }
}
