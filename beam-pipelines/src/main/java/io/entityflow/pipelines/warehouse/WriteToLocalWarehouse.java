package io.entityflow.pipelines.warehouse;

import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.pipelines.events.PipelineClock;
import io.entityflow.pipelines.events.RegistrySource;
import java.nio.file.Path;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.joda.time.Duration;

/**
 * Writes rows keyed by table ({@code retail.sale_v1}) into the local warehouse without any batching
 * step: each bundle's rows are rendered as NDJSON lines and appended, durably, to the table's
 * staging file ({@link StageRowsFn}); the root's {@link LocalStagingWriter} turns the staged lines
 * into one Parquet part per table every {@code flush} (or every {@code maxRowsPerFile} rows).
 *
 * <pre>{@code
 * rows.apply("Write local warehouse",
 *     WriteToLocalWarehouse.to(Path.of("/tmp/wh")).withFlush(Duration.standardSeconds(5)));
 * }</pre>
 *
 * <p>Guarantees: a bundle of this step commits only after its rows are forced to disk; rows become
 * visible to queries within {@code flush}; a row DuckDB refuses becomes a WAREHOUSE_REJECTED row of
 * {@code entityflow.dead_letter} (payload = the row as JSON). Any number of these transforms may
 * write to the same root in one JVM (they share its writer). Immutable.
 */
public final class WriteToLocalWarehouse
    extends PTransform<PCollection<KV<String, TableRow>>, PDone> {
  private final String root;
  private final RegistrySource registry;
  private final long maxRows;
  private final Duration flush;
  private final PipelineClock clock;

  private WriteToLocalWarehouse(
      String root, RegistrySource registry, long maxRows, Duration flush, PipelineClock clock) {
    this.root = root;
    this.registry = registry;
    this.maxRows = maxRows;
    this.flush = flush;
    this.clock = clock;
  }

  /** Writes under {@code root} (50,000 rows or 5 s per file, the contract registry). */
  public static WriteToLocalWarehouse to(Path root) {
    return new WriteToLocalWarehouse(
        root.toAbsolutePath().toString(),
        RegistrySource.contract(),
        50_000,
        Duration.standardSeconds(5),
        PipelineClock.system());
  }

  /** A copy with the tables of {@code registry}. */
  public WriteToLocalWarehouse withRegistry(RegistrySource registry) {
    return new WriteToLocalWarehouse(root, registry, maxRows, flush, clock);
  }

  /** A copy writing at most {@code maxRows} rows per file. */
  public WriteToLocalWarehouse withMaxRowsPerFile(long maxRows) {
    return new WriteToLocalWarehouse(root, registry, maxRows, flush, clock);
  }

  /**
   * A copy in which a row waits at most {@code flush} before its file is written (the first
   * transform that opens a root's writer in a JVM sets it).
   */
  public WriteToLocalWarehouse withFlush(Duration flush) {
    return new WriteToLocalWarehouse(root, registry, maxRows, flush, clock);
  }

  /** A copy stamping dead letters with {@code clock}. */
  public WriteToLocalWarehouse withClock(PipelineClock clock) {
    return new WriteToLocalWarehouse(root, registry, maxRows, flush, clock);
  }

  /**
   * The same writer as a {@link io.entityflow.pipelines.events.RowSink}, for a step that produces
   * rows to write them itself ({@code ParseEntityEvents.withSink}) without a separate step.
   */
  public LocalWarehouseSink sink() {
    return new LocalWarehouseSink(root, registry, maxRows, flush.getMillis(), clock);
  }

  @Override
  public PDone expand(PCollection<KV<String, TableRow>> rows) {
    rows.apply("Stage rows", ParDo.of(new StageRowsFn(sink())));
    return PDone.in(rows.getPipeline());
  }
}
