package io.entityflow.pipelines.warehouse;

import com.google.auto.value.AutoValue;
import io.entityflow.pipelines.events.EventRow;
import io.entityflow.pipelines.events.PipelineClock;
import io.entityflow.pipelines.events.RegistrySource;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.joda.time.Duration;

/**
 * Writes {@link EventRow}s (entity rows, dead letters, heartbeats: each to its {@code
 * dataset.table}) into the local warehouse without any batching step: each bundle's rows are
 * rendered as NDJSON lines and appended, durably, to staging files ({@link StageRowsFn}); each step
 * instance's {@link LocalStagingWriter} turns its staged lines into one Parquet part per table
 * every {@code flush} (or every {@code maxRowsPerFile} rows).
 *
 * <pre>{@code
 * rows.apply("Write local warehouse",
 *     WriteToLocalWarehouse.to(Path.of("/tmp/wh")).withFlush(Duration.standardSeconds(5)));
 * }</pre>
 *
 * <p>Guarantees: a bundle of this step commits only after its rows are forced to disk, and only
 * then are their source messages reported staged to the local read ({@code ReadPubsubBatches});
 * rows become visible to queries within {@code flush}; a row DuckDB refuses becomes a
 * WAREHOUSE_REJECTED row of {@code entityflow.dead_letter} (payload = the row as JSON). Any number
 * of these transforms may write to the same root. Immutable; the {@code withX} methods may be
 * called in any order.
 */
@AutoValue
public abstract class WriteToLocalWarehouse extends PTransform<PCollection<EventRow>, PDone> {
  abstract String root();

  abstract RegistrySource registry();

  abstract long maxRowsPerFile();

  abstract Duration flush();

  abstract PipelineClock clock();

  abstract Builder toBuilder();

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setRoot(String root);

    abstract Builder setRegistry(RegistrySource registry);

    abstract Builder setMaxRowsPerFile(long maxRowsPerFile);

    abstract Builder setFlush(Duration flush);

    abstract Builder setClock(PipelineClock clock);

    abstract WriteToLocalWarehouse build();
  }

  /** Writes under {@code root} (50,000 rows or 5 s per file, the contract registry). */
  public static WriteToLocalWarehouse to(Path root) {
    return new AutoValue_WriteToLocalWarehouse.Builder()
        .setRoot(Objects.requireNonNull(root, "root").toAbsolutePath().normalize().toString())
        .setRegistry(RegistrySource.contract())
        .setMaxRowsPerFile(50_000)
        .setFlush(Duration.standardSeconds(5))
        .setClock(PipelineClock.system())
        .build();
  }

  /** A copy with the tables of {@code registry}. */
  public WriteToLocalWarehouse withRegistry(RegistrySource registry) {
    return toBuilder().setRegistry(Objects.requireNonNull(registry, "registry")).build();
  }

  /** A copy writing at most {@code maxRows} rows per file (1 or more). */
  public WriteToLocalWarehouse withMaxRowsPerFile(long maxRows) {
    if (maxRows < 1) {
      throw new IllegalArgumentException(
          "maxRowsPerFile " + maxRows + " is out of range; allowed: 1 or more");
    }
    return toBuilder().setMaxRowsPerFile(maxRows).build();
  }

  /** A copy in which a row waits at most {@code flush} (positive) before its file is written. */
  public WriteToLocalWarehouse withFlush(Duration flush) {
    if (flush == null || flush.getMillis() <= 0) {
      throw new IllegalArgumentException(
          "flush " + flush + " is out of range; allowed: a positive duration");
    }
    return toBuilder().setFlush(flush).build();
  }

  /** A copy stamping dead letters with {@code clock}. */
  public WriteToLocalWarehouse withClock(PipelineClock clock) {
    return toBuilder().setClock(Objects.requireNonNull(clock, "clock")).build();
  }

  @Override
  public PDone expand(PCollection<EventRow> rows) {
    rows.apply(
        "Stage rows",
        ParDo.of(
            new StageRowsFn(root(), registry(), maxRowsPerFile(), flush().getMillis(), clock())));
    return PDone.in(rows.getPipeline());
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("root", root()).withLabel("Warehouse root"))
        .add(DisplayData.item("maxRowsPerFile", maxRowsPerFile()))
        .add(DisplayData.item("flush", flush()));
  }
}
