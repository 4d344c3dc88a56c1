package io.entityflow.pipelines.warehouse;

import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.pipelines.deadletter.DeadLetterKind;
import io.entityflow.pipelines.events.EventRow;
import io.entityflow.pipelines.events.PipelineClock;
import io.entityflow.pipelines.events.RegistrySource;
import io.entityflow.pipelines.events.SourceMessage;
import io.entityflow.pipelines.pubsub.PendingMessages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * The step of {@link WriteToLocalWarehouse}: renders each row of a bundle as its NDJSON line
 * ({@link NdjsonRows}); when the bundle finishes, appends each table's lines to the staging file of
 * this instance's own {@link LocalStagingWriter}, which forces them to disk, and only then reports
 * the rows' source messages staged ({@link PendingMessages}, which lets the local read drop their
 * journal file).
 *
 * <pre>{@code
 * rows.apply("Stage rows", ParDo.of(new StageRowsFn(root, registry, 50_000, 5_000, clock)));
 * }</pre>
 *
 * <p>Counts {@code entityflow.local_warehouse/rows} (rows staged, durable) and {@code
 * entityflow.dead_letter/WAREHOUSE_REJECTED} (rows the background conversion refused, reported by
 * the next bundle).
 */
final class StageRowsFn extends DoFn<EventRow, Void> {
  private final String root;
  private final RegistrySource registry;
  private final long maxRowsPerFile;
  private final long flushMillis;
  private final PipelineClock clock;
  private final Counter rowsStaged = Metrics.counter("entityflow.local_warehouse", "rows");
  private final Counter rejected =
      Metrics.counter(DeadLetterKind.METRICS_NAMESPACE, DeadLetterKind.WAREHOUSE_REJECTED.name());
  private transient PhysicalLayout layout;
  private transient LocalStagingWriter writer;
  private transient Map<String, Lines> bundle;
  private transient List<SourceMessage> sources;

  StageRowsFn(
      String root,
      RegistrySource registry,
      long maxRowsPerFile,
      long flushMillis,
      PipelineClock clock) {
    this.root = root;
    this.registry = registry;
    this.maxRowsPerFile = maxRowsPerFile;
    this.flushMillis = flushMillis;
    this.clock = clock;
  }

  /** The lines of one table in the current bundle. */
  private static final class Lines {
    final NdjsonRows writer;
    final StringBuilder text = new StringBuilder(8192);
    int count;

    Lines(List<TableColumn> columns) {
      this.writer = NdjsonRows.of(columns);
    }

    /** Empties the lines, keeping the buffer's capacity for the next bundle. */
    void clear() {
      text.setLength(0);
      count = 0;
    }
  }

  @Setup
  public void setup() {
    layout = PhysicalLayout.of(registry.registry());
    writer = LocalStagingWriter.open(Path.of(root), layout, maxRowsPerFile, flushMillis, clock);
    bundle = new HashMap<>();
    sources = new ArrayList<>();
  }

  @StartBundle
  public void startBundle() {
    for (Lines lines : bundle.values()) {
      lines.clear();
    }
    sources.clear();
  }

  @ProcessElement
  public void process(@Element EventRow row) {
    Lines lines = bundle.get(row.table());
    if (lines == null) {
      lines = new Lines(layout.requireTable(row.table()).columns());
      bundle.put(row.table(), lines);
    }
    lines.writer.append(lines.text, row.row());
    lines.count++;
    if (row.source() != null) {
      sources.add(row.source());
    }
  }

  @FinishBundle
  public void finishBundle() {
    long staged = 0;
    for (Map.Entry<String, Lines> table : bundle.entrySet()) {
      Lines lines = table.getValue();
      if (lines.count == 0) {
        continue;
      }
      writer.stage(
          table.getKey(), lines.text.toString().getBytes(StandardCharsets.UTF_8), lines.count);
      staged += lines.count;
      lines.clear();
    }
    for (SourceMessage source : sources) {
      PendingMessages.staged(source.topic(), source.messageId());
    }
    sources.clear();
    if (staged > 0) {
      rowsStaged.inc(staged);
    }
    long refused = writer.takeUnreportedRejected();
    if (refused > 0) {
      rejected.inc(refused);
    }
  }

  @Teardown
  public void teardown() {
    if (writer != null) {
      writer.close();
      writer = null;
    }
  }
}
