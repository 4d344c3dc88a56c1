package io.entityflow.pipelines.bigquery;

import com.google.cloud.bigquery.storage.v1.AppendRowsRequest.MissingValueInterpretation;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.layout.TableDefinition;
import io.entityflow.pipelines.deadletter.DeadLetterKind;
import io.entityflow.pipelines.events.EventRow;
import io.entityflow.pipelines.events.PipelineClock;
import io.entityflow.pipelines.events.RegistrySource;
import io.entityflow.pipelines.events.StorageRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices.WriteStreamService;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.joda.time.Instant;

/**
 * The DoFn of {@link WriteStorageRows}: one {@link TableAppender} per destination table, kept
 * across bundles with its append client (closed in {@code @Teardown}); rows buffered per table
 * within a bundle; {@code @FinishBundle} sends what is left, waits for every append and only then
 * outputs the dead letters of refused rows (with their elements' timestamps and windows). Any
 * append that cannot be completed throws, so the bundle fails and the runner retries it.
 */
final class AppendRowsFn extends DoFn<StorageRow, EventRow> {
  private final String project;
  private final String datasetPrefix;
  private final RegistrySource registry;
  private final BigQueryServices services;
  private final PipelineClock clock;
  private final AppendRetries retries;
  private final Counter rejected =
      Metrics.counter(DeadLetterKind.METRICS_NAMESPACE, DeadLetterKind.WAREHOUSE_REJECTED.name());
  private final Counter appended =
      Metrics.counter(WriteStorageRows.METRICS_NAMESPACE, WriteStorageRows.ROWS_APPENDED);
  private final Counter retried =
      Metrics.counter(WriteStorageRows.METRICS_NAMESPACE, WriteStorageRows.APPEND_RETRIES);
  private transient PhysicalLayout layout;
  private transient Map<String, TableAppender> tables;
  private transient WriteStreamService streams;
  private transient boolean connectionPool;
  private transient List<Letter> letters;

  /** A dead letter waiting for the end of the bundle, with its element's timestamp and window. */
  private record Letter(EventRow row, Instant timestamp, BoundedWindow window) {}

  AppendRowsFn(
      String project,
      String datasetPrefix,
      RegistrySource registry,
      BigQueryServices services,
      PipelineClock clock,
      AppendRetries retries) {
    this.project = project;
    this.datasetPrefix = datasetPrefix;
    this.registry = registry;
    this.services = services;
    this.clock = clock;
    this.retries = retries;
  }

  @Setup
  public void setup() {
    layout = PhysicalLayout.of(registry.registry()).withDatasetPrefix(datasetPrefix);
    tables = new HashMap<>();
  }

  @StartBundle
  public void startBundle(StartBundleContext context) {
    if (streams == null) {
      BigQueryOptions options = context.getPipelineOptions().as(BigQueryOptions.class);
      streams = services.getWriteStreamService(options);
      connectionPool = Boolean.TRUE.equals(options.getUseStorageApiConnectionPool());
    }
    tables.values().forEach(TableAppender::discard);
    letters = new ArrayList<>();
  }

  @ProcessElement
  public void process(@Element StorageRow row, @Timestamp Instant timestamp, BoundedWindow window)
      throws Exception {
    appender(row.table()).add(new BufferedRow(row, timestamp, window), this::reject);
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext context) throws Exception {
    for (TableAppender table : tables.values()) {
      table.flush();
    }
    for (TableAppender table : tables.values()) {
      table.awaitAll(this::reject);
    }
    for (Letter letter : letters) {
      context.output(letter.row(), letter.timestamp(), letter.window());
    }
    letters = new ArrayList<>();
  }

  @Teardown
  public void teardown() throws Exception {
    if (tables != null) {
      for (TableAppender table : tables.values()) {
        table.close();
      }
      tables.clear();
    }
    if (streams != null) {
      streams.close();
      streams = null;
    }
  }

  private void reject(BufferedRow buffered, String error) {
    rejected.inc();
    StorageRow row = buffered.row();
    EventRow letter =
        RejectedRows.deadLetter(
            RejectedRows.pending(row.source(), row.table()),
            appender(row.table()).tableId(),
            error,
            clock.now());
    letters.add(new Letter(letter, buffered.timestamp(), buffered.window()));
  }

  private TableAppender appender(String table) {
    TableAppender appender = tables.get(table);
    if (appender == null) {
      TableDefinition definition = layout.requireTable(table);
      String stream =
          "projects/"
              + project
              + "/datasets/"
              + layout.datasetId(definition.dataset())
              + "/tables/"
              + definition.name()
              + "/streams/_default";
      appender =
          new TableAppender(
              definition.name(),
              stream,
              WriteStorageRows.descriptorOf(definition),
              (name, descriptor) ->
                  streams.getStreamAppendClient(
                      name, descriptor, connectionPool, MissingValueInterpretation.DEFAULT_VALUE),
              retries,
              appended,
              retried);
      tables.put(table, appender);
    }
    return appender;
  }
}
