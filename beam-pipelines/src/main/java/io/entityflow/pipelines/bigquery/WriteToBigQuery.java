package io.entityflow.pipelines.bigquery;

import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.pipelines.deadletter.DeadLetter;
import io.entityflow.pipelines.deadletter.DeadLetterKind;
import io.entityflow.pipelines.deadletter.DeadLetterTable;
import io.entityflow.pipelines.events.PipelineClock;
import io.entityflow.pipelines.events.RegistrySource;
import io.entityflow.pipelines.options.WriteMethod;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO.Write.CreateDisposition;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO.Write.Method;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryStorageApiInsertError;
import org.apache.beam.sdk.io.gcp.bigquery.TableRowJsonCoder;
import org.apache.beam.sdk.io.gcp.bigquery.WriteResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;

/**
 * Writes rows keyed by {@code dataset.table} to BigQuery with the Storage Write API (exactly-once
 * by default, at-least-once as an option) and dynamic destinations ({@link EntityDestinations}),
 * creating missing tables. Rows BigQuery rejects come back as dead-letter rows (kind
 * WAREHOUSE_REJECTED, payload = the row as JSON, the error message of BigQuery), which the caller
 * writes to the dead-letter table.
 *
 * <pre>{@code
 * PCollection<KV<String, TableRow>> rejected = rows.apply("Write BigQuery",
 *     WriteToBigQuery.toProject("acme-analytics").withMethod(WriteMethod.AT_LEAST_ONCE));
 * }</pre>
 *
 * <p>Immutable; {@code withX} returns a copy.
 */
public final class WriteToBigQuery
    extends PTransform<PCollection<KV<String, TableRow>>, PCollection<KV<String, TableRow>>> {
  private final String project;
  private final String datasetPrefix;
  private final WriteMethod method;
  private final Duration triggeringFrequency;
  private final RegistrySource registry;
  private final BigQueryServices testServices;
  private final PipelineClock clock;

  private WriteToBigQuery(
      String project,
      String datasetPrefix,
      WriteMethod method,
      Duration triggeringFrequency,
      RegistrySource registry,
      BigQueryServices testServices,
      PipelineClock clock) {
    this.project = project;
    this.datasetPrefix = datasetPrefix;
    this.method = method;
    this.triggeringFrequency = triggeringFrequency;
    this.registry = registry;
    this.testServices = testServices;
    this.clock = clock;
  }

  /** Writes to the datasets of {@code project}, exactly-once, committing every 5 s. */
  public static WriteToBigQuery toProject(String project) {
    return new WriteToBigQuery(
        project,
        "",
        WriteMethod.EXACTLY_ONCE,
        Duration.standardSeconds(5),
        RegistrySource.contract(),
        null,
        PipelineClock.system());
  }

  /** A copy naming datasets {@code prefix + domain}. */
  public WriteToBigQuery withDatasetPrefix(String prefix) {
    return new WriteToBigQuery(
        project, prefix, method, triggeringFrequency, registry, testServices, clock);
  }

  /** A copy with this write method. */
  public WriteToBigQuery withMethod(WriteMethod method) {
    return new WriteToBigQuery(
        project, datasetPrefix, method, triggeringFrequency, registry, testServices, clock);
  }

  /** A copy committing exactly-once streams every {@code frequency}. */
  public WriteToBigQuery withTriggeringFrequency(Duration frequency) {
    return new WriteToBigQuery(
        project, datasetPrefix, method, frequency, registry, testServices, clock);
  }

  /** A copy with the tables of {@code registry}. */
  public WriteToBigQuery withRegistry(RegistrySource registry) {
    return new WriteToBigQuery(
        project, datasetPrefix, method, triggeringFrequency, registry, testServices, clock);
  }

  /** A copy talking to {@code services} (Beam's fakes in tests) without validation. */
  public WriteToBigQuery withTestServices(BigQueryServices services) {
    return new WriteToBigQuery(
        project, datasetPrefix, method, triggeringFrequency, registry, services, clock);
  }

  /** A copy stamping dead letters with {@code clock}. */
  public WriteToBigQuery withClock(PipelineClock clock) {
    return new WriteToBigQuery(
        project, datasetPrefix, method, triggeringFrequency, registry, testServices, clock);
  }

  @Override
  public PCollection<KV<String, TableRow>> expand(PCollection<KV<String, TableRow>> rows) {
    BigQueryIO.Write<KV<String, TableRow>> write =
        BigQueryIO.<KV<String, TableRow>>write()
            .to(new EntityDestinations(project, datasetPrefix, registry))
            .withFormatFunction(KV::getValue)
            .withCreateDisposition(CreateDisposition.CREATE_IF_NEEDED)
            .withAutoSchemaUpdate(true)
            .ignoreUnknownValues()
            .withMethod(
                method == WriteMethod.EXACTLY_ONCE
                    ? Method.STORAGE_WRITE_API
                    : Method.STORAGE_API_AT_LEAST_ONCE);
    if (method == WriteMethod.EXACTLY_ONCE && rows.isBounded() == PCollection.IsBounded.UNBOUNDED) {
      write = write.withTriggeringFrequency(triggeringFrequency);
    }
    if (testServices != null) {
      write = write.withTestServices(testServices).withoutValidation();
    }
    WriteResult result = rows.apply("Storage Write API", write);
    return result
        .getFailedStorageApiInserts()
        .apply("Rejected rows as dead letters", ParDo.of(new RejectedFn(clock)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), TableRowJsonCoder.of()));
  }

  /** Turns a row BigQuery refused into a dead-letter row keyed by the dead-letter table. */
  static final class RejectedFn extends DoFn<BigQueryStorageApiInsertError, KV<String, TableRow>> {
    private final PipelineClock clock;
    private final Counter rejected =
        Metrics.counter(
            DeadLetterTable.METRICS_NAMESPACE, DeadLetterKind.WAREHOUSE_REJECTED.name());

    RejectedFn(PipelineClock clock) {
      this.clock = clock;
    }

    @ProcessElement
    public void process(
        @Element BigQueryStorageApiInsertError error, OutputReceiver<KV<String, TableRow>> out)
        throws Exception {
      rejected.inc();
      TableRow row = error.getRow();
      String table = error.getTable() == null ? "unknown" : error.getTable().getTableId();
      Object messageId = row.get("message_id");
      String json = toJson(row);
      TableRow letter =
          new DeadLetter(
                  clock.now(),
                  DeadLetterKind.WAREHOUSE_REJECTED,
                  "BigQuery refused a row of " + table + ": " + error.getErrorMessage(),
                  table,
                  messageId == null ? null : messageId.toString(),
                  null,
                  Map.of(),
                  json.getBytes(StandardCharsets.UTF_8))
              .toRow();
      out.output(KV.of(DeadLetterTable.DATASET + "." + DeadLetterTable.TABLE, letter));
    }

    private static String toJson(TableRow row) throws Exception {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      TableRowJsonCoder.of().encode(row, out);
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
