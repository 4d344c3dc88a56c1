package io.entityflow.pipelines.heartbeat;

import com.google.api.services.bigquery.model.TableRow;
import com.google.auto.value.AutoValue;
import io.entityflow.contract.layout.HeartbeatTable;
import io.entityflow.pipelines.convert.Timestamps;
import io.entityflow.pipelines.events.EventRow;
import io.entityflow.pipelines.events.EventRowCoder;
import io.entityflow.pipelines.events.PipelineClock;
import java.time.Instant;
import java.util.Objects;
import org.apache.beam.sdk.io.GenerateSequence;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;

/**
 * A periodic heartbeat row for {@code entityflow.pipeline_heartbeat}, emitted every {@code period}
 * whether or not events arrive, as an {@link EventRow} of that table so that it travels through the
 * same writer as the entity rows.
 *
 * <p>{@code ingested_through} is the heartbeat time minus {@code lag}, where the lag must cover the
 * writer's buffering (the local warehouse flush interval, the Storage Write API triggering
 * frequency) plus Pub/Sub delivery: every event published before it has been written.
 *
 * <pre>{@code
 * PCollection<EventRow> beats = pipeline.apply("Heartbeat",
 *     Heartbeats.every(Duration.standardSeconds(30)).named("prod").withLag(Duration.standardSeconds(15)));
 * }</pre>
 */
@AutoValue
public abstract class Heartbeats extends PTransform<PBegin, PCollection<EventRow>> {
  /** Key of heartbeat rows: the table's qualified name. */
  public static final String TABLE = HeartbeatTable.definition().qualifiedName();

  abstract Duration period();

  abstract String pipelineName();

  abstract Duration lag();

  abstract PipelineClock clock();

  abstract Builder toBuilder();

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setPeriod(Duration period);

    abstract Builder setPipelineName(String pipelineName);

    abstract Builder setLag(Duration lag);

    abstract Builder setClock(PipelineClock clock);

    abstract Heartbeats build();
  }

  /**
   * Heartbeats every {@code period} (positive), named {@code entity-topics-to-bigquery}, lag =
   * period.
   */
  public static Heartbeats every(Duration period) {
    if (period == null || period.getMillis() <= 0) {
      throw new IllegalArgumentException(
          "heartbeat period " + period + " is out of range; allowed: a positive duration");
    }
    return new AutoValue_Heartbeats.Builder()
        .setPeriod(period)
        .setPipelineName("entity-topics-to-bigquery")
        .setLag(period)
        .setClock(PipelineClock.system())
        .build();
  }

  /** A copy with this {@code pipeline} column value (not empty). */
  public Heartbeats named(String pipelineName) {
    if (pipelineName == null || pipelineName.isBlank()) {
      throw new IllegalArgumentException(
          "pipeline name '" + pipelineName + "' is empty; a name is required");
    }
    return toBuilder().setPipelineName(pipelineName).build();
  }

  /** A copy with {@code ingested_through = now - lag} (lag not negative). */
  public Heartbeats withLag(Duration lag) {
    if (lag == null || lag.getMillis() < 0) {
      throw new IllegalArgumentException(
          "heartbeat lag " + lag + " is out of range; allowed: zero or a positive duration");
    }
    return toBuilder().setLag(lag).build();
  }

  /** A copy using {@code clock}. */
  public Heartbeats withClock(PipelineClock clock) {
    return toBuilder().setClock(Objects.requireNonNull(clock, "clock")).build();
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("period", period()))
        .add(DisplayData.item("pipelineName", pipelineName()))
        .add(DisplayData.item("lag", lag()));
  }

  @Override
  public PCollection<EventRow> expand(PBegin input) {
    return input
        .apply("Tick", GenerateSequence.from(0).withRate(1, period()))
        .apply("Heartbeat row", ParDo.of(new BeatFn(pipelineName(), lag().getMillis(), clock())))
        .setCoder(EventRowCoder.of());
  }

  /** Builds the heartbeat row of one tick. */
  static final class BeatFn extends DoFn<Long, EventRow> {
    private final String pipelineName;
    private final long lagMillis;
    private final PipelineClock clock;

    BeatFn(String pipelineName, long lagMillis, PipelineClock clock) {
      this.pipelineName = pipelineName;
      this.lagMillis = lagMillis;
      this.clock = clock;
    }

    @ProcessElement
    public void process(OutputReceiver<EventRow> out) {
      Instant now = clock.now();
      out.output(EventRow.withoutSource(TABLE, row(pipelineName, now.minusMillis(lagMillis), now)));
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
