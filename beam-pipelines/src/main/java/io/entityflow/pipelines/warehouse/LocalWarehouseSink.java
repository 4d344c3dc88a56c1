package io.entityflow.pipelines.warehouse;

import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.pipelines.deadletter.DeadLetterKind;
import io.entityflow.pipelines.events.PipelineClock;
import io.entityflow.pipelines.events.RegistrySource;
import io.entityflow.pipelines.events.RowSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * The local warehouse as a {@link RowSink}: renders each row of a bundle as its NDJSON line ({@link
 * NdjsonRows}) and, when the bundle finishes, appends the lines to the table's staging file through
 * the JVM-wide {@link LocalStagingWriter} of the root, which forces them to disk before the bundle
 * commits: a committed bundle's rows are on disk. (The DirectRunner acknowledges Pub/Sub messages
 * when the read step commits, before this step; see the module README.)
 *
 * <pre>{@code
 * RowSink sink = WriteToLocalWarehouse.to(root).sink();
 * messages.apply("Events of sale_v1", ParseEntityEvents.forTopic("sale_v1").withSink(sink));
 * }</pre>
 *
 * <p>Counts {@code entityflow.local_warehouse/rows} (rows staged, durable) and {@code
 * entityflow.dead_letter/WAREHOUSE_REJECTED} (rows the background conversion refused, reported by
 * the next bundle of any sink of the root). Not thread-safe: one per DoFn instance.
 */
public final class LocalWarehouseSink implements RowSink {
  private static final long serialVersionUID = 1L;

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

  LocalWarehouseSink(
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
    final List<TableColumn> columns;
    final StringBuilder text = new StringBuilder(8192);
    int count;

    Lines(List<TableColumn> columns) {
      this.columns = columns;
    }
  }

  @Override
  public void setup() {
    layout = PhysicalLayout.of(registry.registry());
    writer = LocalStagingWriter.acquire(Path.of(root), layout, maxRowsPerFile, flushMillis, clock);
    bundle = new HashMap<>();
  }

  @Override
  public void startBundle() {
    bundle.clear();
  }

  @Override
  public void add(String table, TableRow row) {
    Lines lines = bundle.get(table);
    if (lines == null) {
      List<TableColumn> columns = layout.requireTable(table).columns();
      lines = new Lines(columns);
      bundle.put(table, lines);
    }
    NdjsonRows.append(lines.text, lines.columns, row);
    lines.count++;
  }

  @Override
  public void finishBundle() {
    long staged = 0;
    for (Map.Entry<String, Lines> table : bundle.entrySet()) {
      Lines lines = table.getValue();
      writer.stage(
          table.getKey(), lines.text.toString().getBytes(StandardCharsets.UTF_8), lines.count);
      staged += lines.count;
    }
    bundle.clear();
    if (staged > 0) {
      rowsStaged.inc(staged);
    }
    long refused = writer.takeUnreportedRejected();
    if (refused > 0) {
      rejected.inc(refused);
    }
  }

  @Override
  public void teardown() {
    if (writer != null) {
      writer.release();
      writer = null;
    }
  }
}
