package io.entityflow.pipelines.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.contract.bigquery.MetadataColumns;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.pipelines.deadletter.DeadLetter;
import io.entityflow.pipelines.deadletter.DeadLetterKind;
import io.entityflow.pipelines.deadletter.DeadLetterTable;
import io.entityflow.pipelines.events.PipelineClock;
import io.entityflow.pipelines.events.RegistrySource;
import io.entityflow.warehouse.local.LocalWarehouseLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.gcp.bigquery.TableRowJsonCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupIntoBatches;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Duration;

/**
 * Writes rows keyed by table ({@code retail.sale_v1}) into the local warehouse: rows are batched
 * per table (at most {@code maxRowsPerFile} rows, at most {@code flush} of waiting) and each batch
 * becomes one Parquet file ({@link ParquetPartWriter}).
 *
 * <pre>{@code
 * PCollectionTuple written = rows.apply("Write local warehouse",
 *     WriteToLocalWarehouse.to(Path.of("/tmp/wh")).withFlush(Duration.standardSeconds(5)));
 * written.get(WriteToLocalWarehouse.WRITTEN);      // KV<table, rows in the file>
 * written.get(WriteToLocalWarehouse.DEAD_LETTERS); // rows of entity tables DuckDB refused
 * }</pre>
 *
 * <p>Guarantees: a batch is published atomically or not at all. A batch of an entity table that
 * DuckDB refuses goes, row by row, to {@link #DEAD_LETTERS} (kind WAREHOUSE_REJECTED, payload = the
 * row as JSON); a failing system-table batch fails the bundle so that the runner retries it.
 * Immutable.
 */
public final class WriteToLocalWarehouse
    extends PTransform<PCollection<KV<String, TableRow>>, PCollectionTuple> {
  /** Per written file: the table and its row count. */
  public static final TupleTag<KV<String, Long>> WRITTEN = new TupleTag<>() {};

  /** Dead-letter rows of refused batches. */
  public static final TupleTag<TableRow> DEAD_LETTERS = new TupleTag<>() {};

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

  /** A copy in which a row waits at most {@code flush} before its file is written. */
  public WriteToLocalWarehouse withFlush(Duration flush) {
    return new WriteToLocalWarehouse(root, registry, maxRows, flush, clock);
  }

  /** A copy stamping dead letters with {@code clock}. */
  public WriteToLocalWarehouse withClock(PipelineClock clock) {
    return new WriteToLocalWarehouse(root, registry, maxRows, flush, clock);
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<String, TableRow>> rows) {
    PCollectionTuple result =
        rows.apply("Render NDJSON lines", ParDo.of(new RenderFn(registry)))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
            .apply(
                "Batch rows per table",
                GroupIntoBatches.<String, String>ofSize(maxRows).withMaxBufferingDuration(flush))
            .apply(
                "Write Parquet files",
                ParDo.of(new WriteFilesFn(root, registry, clock))
                    .withOutputTags(WRITTEN, TupleTagList.of(DEAD_LETTERS)));
    result.get(WRITTEN).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    result.get(DEAD_LETTERS).setCoder(TableRowJsonCoder.of());
    return result;
  }

  /**
   * Renders each row as its NDJSON line ({@link NdjsonRows}) before batching: the runner buffers
   * (and, on the DirectRunner, copies per bundle) compact strings instead of row objects.
   */
  static final class RenderFn extends DoFn<KV<String, TableRow>, KV<String, String>> {
    private final RegistrySource registry;
    private transient TableCatalog catalog;

    RenderFn(RegistrySource registry) {
      this.registry = registry;
    }

    @Setup
    public void setup() {
      catalog = TableCatalog.of(registry.registry());
    }

    @ProcessElement
    public void process(@Element KV<String, TableRow> row, OutputReceiver<KV<String, String>> out) {
      String table = row.getKey();
      List<TableColumn> columns =
          catalog
              .columns(table)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "table '"
                              + table
                              + "' is not in the catalog; known: "
                              + catalog.tables().keySet()));
      StringBuilder line = new StringBuilder(512);
      NdjsonRows.append(line, columns, row.getValue());
      out.output(KV.of(table, line.toString()));
    }
  }

  /** Writes each batch as one file. */
  static final class WriteFilesFn extends DoFn<KV<String, Iterable<String>>, KV<String, Long>> {
    private final String root;
    private final RegistrySource registry;
    private final PipelineClock clock;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Counter rowsWritten = Metrics.counter("entityflow.local_warehouse", "rows");
    private final Counter rejected =
        Metrics.counter(
            DeadLetterTable.METRICS_NAMESPACE, DeadLetterKind.WAREHOUSE_REJECTED.name());
    private transient TableCatalog catalog;
    private transient ParquetPartWriter writer;

    WriteFilesFn(String root, RegistrySource registry, PipelineClock clock) {
      this.root = root;
      this.registry = registry;
      this.clock = clock;
    }

    @Setup
    public void setup() throws SQLException {
      catalog = TableCatalog.of(registry.registry());
      writer = ParquetPartWriter.open(new LocalWarehouseLayout(Path.of(root)));
    }

    @ProcessElement
    public void process(ProcessContext context) throws SQLException {
      String table = context.element().getKey();
      List<String> lines = new ArrayList<>();
      StringBuilder ndjson = new StringBuilder();
      for (String line : context.element().getValue()) {
        lines.add(line);
        ndjson.append(line);
      }
      Optional<List<TableColumn>> columns = catalog.columns(table);
      String[] parts = table.split("\\.", 2);
      if (columns.isEmpty() || parts.length != 2) {
        throw new IllegalStateException(
            "table '" + table + "' is not in the catalog; known: " + catalog.tables().keySet());
      }
      try {
        writer.writeNdjson(parts[0], parts[1], columns.get(), ndjson);
        rowsWritten.inc(lines.size());
        context.output(KV.of(table, (long) lines.size()));
      } catch (SQLException e) {
        if (parts[0].equals(DeadLetterTable.DATASET)) {
          throw e;
        }
        for (String line : lines) {
          rejected.inc();
          context.output(DEAD_LETTERS, rejectedRow(table, line, e));
        }
      }
    }

    private TableRow rejectedRow(String table, String line, SQLException e) {
      Object messageId = messageIdOf(line);
      return new DeadLetter(
              clock.now(),
              DeadLetterKind.WAREHOUSE_REJECTED,
              "local warehouse refused a row of " + table + ": " + e.getMessage(),
              table.substring(table.indexOf('.') + 1),
              messageId == null ? null : messageId.toString(),
              null,
              Map.of(),
              line.trim().getBytes(StandardCharsets.UTF_8))
          .toRow();
    }

    private static String messageIdOf(String line) {
      try {
        JsonNode id = JSON.readTree(line).get(MetadataColumns.MESSAGE_ID);
        return id == null || id.isNull() ? null : id.asText();
      } catch (IOException e) {
        throw new UncheckedIOException("rendered row is not JSON", e);
      }
    }

    @Teardown
    public void teardown() throws SQLException {
      if (writer != null) {
        writer.close();
      }
    }
  }
}
