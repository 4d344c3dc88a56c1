package io.entityflow.pipelines.bigquery;

import com.google.api.services.bigquery.model.TableRow;
import com.google.auto.value.AutoValue;
import io.entityflow.contract.bigquery.MetadataColumns;
import io.entityflow.pipelines.deadletter.DeadLetter;
import io.entityflow.pipelines.deadletter.DeadLetterKind;
import io.entityflow.pipelines.events.EventRow;
import io.entityflow.pipelines.events.EventRowCoder;
import io.entityflow.pipelines.events.PipelineClock;
import io.entityflow.pipelines.events.RegistrySource;
import io.entityflow.pipelines.options.WriteMethod;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
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
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * Writes {@link EventRow}s to BigQuery with the Storage Write API (exactly-once by default,
 * at-least-once as an option) and dynamic destinations ({@link EntityDestinations}). It never
 * creates or alters a table (Terraform owns them; {@link LiveTableCheck} verifies them at
 * start-up); it picks up columns Terraform added while it runs. Rows BigQuery rejects come back as
 * dead-letter rows (kind WAREHOUSE_REJECTED, BigQuery's error message) carrying the ORIGINAL
 * message of the row: its raw payload bytes, all its attributes, the source topic, message id and
 * publish time. Rows without a source message (heartbeats, dead letters) carry the row as JSON in
 * {@code payload}. The caller writes the returned rows to the dead-letter table.
 *
 * <p>With {@link #withCurrentTables(boolean) current tables} on, every entity event is also written
 * to its entity's current-state table {@code <table>_current} through BigQuery change data capture:
 * UPSERT for CREATED, UPDATED and SNAPSHOT, DELETE for DELETED, ordered by {@code occurred_at} then
 * publish time ({@link CurrentStateMutation}). CDC needs the Storage Write API's default stream, so
 * that write is at-least-once whatever the write method; UPSERT and DELETE are idempotent, so
 * redeliveries change nothing.
 *
 * <pre>{@code
 * PCollection<EventRow> rejected = rows.apply("Write BigQuery",
 *     WriteToBigQuery.toProject("acme-analytics").withMethod(WriteMethod.AT_LEAST_ONCE));
 * }</pre>
 *
 * <p>Immutable; the {@code withX} methods may be called in any order. The format function only
 * unwraps the row; the source is turned into a dead-letter row only for rows BigQuery refuses.
 */
@AutoValue
public abstract class WriteToBigQuery
    extends PTransform<PCollection<EventRow>, PCollection<EventRow>> {
  abstract String project();

  abstract String datasetPrefix();

  abstract WriteMethod method();

  abstract Duration triggeringFrequency();

  abstract RegistrySource registry();

  abstract @Nullable BigQueryServices testServices();

  abstract PipelineClock clock();

  abstract boolean currentTables();

  abstract CurrentStateMutation currentStateMutation();

  abstract Builder toBuilder();

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setProject(String project);

    abstract Builder setDatasetPrefix(String prefix);

    abstract Builder setMethod(WriteMethod method);

    abstract Builder setTriggeringFrequency(Duration frequency);

    abstract Builder setRegistry(RegistrySource registry);

    abstract Builder setTestServices(BigQueryServices services);

    abstract Builder setClock(PipelineClock clock);

    abstract Builder setCurrentTables(boolean currentTables);

    abstract Builder setCurrentStateMutation(CurrentStateMutation mutation);

    abstract WriteToBigQuery build();
  }

  /** Writes to the datasets of {@code project}, exactly-once, committing every 5 s. */
  public static WriteToBigQuery toProject(String project) {
    if (project == null || project.isBlank()) {
      throw new IllegalArgumentException(
          "BigQuery project '" + project + "' is empty; a project id is required");
    }
    return new AutoValue_WriteToBigQuery.Builder()
        .setProject(project)
        .setDatasetPrefix("")
        .setMethod(WriteMethod.EXACTLY_ONCE)
        .setTriggeringFrequency(Duration.standardSeconds(5))
        .setRegistry(RegistrySource.contract())
        .setClock(PipelineClock.system())
        .setCurrentTables(false)
        .setCurrentStateMutation(CurrentStateMutation.ordered())
        .build();
  }

  /** A copy naming datasets {@code prefix + domain}. */
  public WriteToBigQuery withDatasetPrefix(String prefix) {
    return toBuilder().setDatasetPrefix(prefix == null ? "" : prefix).build();
  }

  /** A copy with this write method. */
  public WriteToBigQuery withMethod(WriteMethod method) {
    return toBuilder().setMethod(Objects.requireNonNull(method, "method")).build();
  }

  /** A copy committing exactly-once streams every {@code frequency} (positive). */
  public WriteToBigQuery withTriggeringFrequency(Duration frequency) {
    if (frequency == null || frequency.getMillis() <= 0) {
      throw new IllegalArgumentException(
          "triggering frequency " + frequency + " is out of range; allowed: a positive duration");
    }
    return toBuilder().setTriggeringFrequency(frequency).build();
  }

  /** A copy with the tables of {@code registry}. */
  public WriteToBigQuery withRegistry(RegistrySource registry) {
    return toBuilder().setRegistry(Objects.requireNonNull(registry, "registry")).build();
  }

  /** A copy talking to {@code services} (Beam's fakes in tests) without validation. */
  public WriteToBigQuery withTestServices(BigQueryServices services) {
    return toBuilder().setTestServices(Objects.requireNonNull(services, "services")).build();
  }

  /** A copy stamping dead letters with {@code clock}. */
  public WriteToBigQuery withClock(PipelineClock clock) {
    return toBuilder().setClock(Objects.requireNonNull(clock, "clock")).build();
  }

  /**
   * A copy that also keeps the current-state tables ({@code <table>_current}) of the contract's
   * entities up to date, or not (the default).
   */
  public WriteToBigQuery withCurrentTables(boolean currentTables) {
    return toBuilder().setCurrentTables(currentTables).build();
  }

  /** A copy ordering current-state changes with {@code mutation} (tests on Beam's fakes). */
  WriteToBigQuery withCurrentStateMutation(CurrentStateMutation mutation) {
    return toBuilder()
        .setCurrentStateMutation(Objects.requireNonNull(mutation, "mutation"))
        .build();
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("project", project()))
        .add(DisplayData.item("datasetPrefix", datasetPrefix()))
        .add(DisplayData.item("method", method().name()))
        .add(DisplayData.item("triggeringFrequency", triggeringFrequency()))
        .add(DisplayData.item("currentTables", currentTables()));
  }

  @Override
  public PCollection<EventRow> expand(PCollection<EventRow> rows) {
    BigQueryIO.Write<EventRow> write =
        BigQueryIO.<EventRow>write()
            .to(new EntityDestinations(project(), datasetPrefix(), registry()))
            .withFormatFunction(EventRow::row)
            .withFormatRecordOnFailureFunction(new FailedRowFn())
            .withCreateDisposition(CreateDisposition.CREATE_NEVER)
            .withAutoSchemaUpdate(true)
            .ignoreUnknownValues()
            .withMethod(
                method() == WriteMethod.EXACTLY_ONCE
                    ? Method.STORAGE_WRITE_API
                    : Method.STORAGE_API_AT_LEAST_ONCE);
    if (method() == WriteMethod.EXACTLY_ONCE
        && rows.isBounded() == PCollection.IsBounded.UNBOUNDED) {
      write = write.withTriggeringFrequency(triggeringFrequency());
    }
    if (testServices() != null) {
      write = write.withTestServices(testServices()).withoutValidation();
    }
    WriteResult result = rows.apply("Storage Write API", write);
    PCollection<EventRow> rejected =
        result
            .getFailedStorageApiInserts()
            .apply("Rejected rows as dead letters", ParDo.of(new RejectedFn(clock())))
            .setCoder(EventRowCoder.of());
    if (!currentTables()) {
      return rejected;
    }
    PCollection<EventRow> rejectedChanges =
        rows.apply("Current-state rows", ParDo.of(new CurrentRows(registry())))
            .setCoder(EventRowCoder.of())
            .apply("Storage Write API CDC", currentStateWrite())
            .getFailedStorageApiInserts()
            .apply("Rejected changes as dead letters", ParDo.of(new RejectedFn(clock())))
            .setCoder(EventRowCoder.of());
    return PCollectionList.of(rejected)
        .and(rejectedChanges)
        .apply("All rejected rows", Flatten.pCollections())
        .setCoder(EventRowCoder.of());
  }

  /** UPSERT and DELETE by primary key on the default stream (what BigQuery CDC requires). */
  private BigQueryIO.Write<EventRow> currentStateWrite() {
    BigQueryIO.Write<EventRow> write =
        BigQueryIO.<EventRow>write()
            .to(new CurrentDestinations(project(), datasetPrefix(), registry()))
            .withFormatFunction(EventRow::row)
            .withFormatRecordOnFailureFunction(new FailedRowFn())
            .withRowMutationInformationFn(currentStateMutation())
            .withCreateDisposition(CreateDisposition.CREATE_NEVER)
            .withAutoSchemaUpdate(true)
            .ignoreUnknownValues()
            .withMethod(Method.STORAGE_API_AT_LEAST_ONCE);
    return testServices() == null
        ? write
        : write.withTestServices(testServices()).withoutValidation();
  }

  /**
   * The dead-letter row of an element BigQuery refused, but for the failure time and error message
   * ({@link RejectedRows#pending}): built from the source message, or from the row itself when it
   * has none.
   */
  static final class FailedRowFn implements SerializableFunction<EventRow, TableRow> {
    @Override
    public TableRow apply(EventRow element) {
      if (element.source() != null) {
        return RejectedRows.pending(element.source(), element.table());
      }
      Object messageId = element.row().get(MetadataColumns.MESSAGE_ID);
      Object traceId = element.row().get(MetadataColumns.TRACE_ID);
      return new DeadLetter(
              Instant.EPOCH,
              DeadLetterKind.WAREHOUSE_REJECTED,
              element.table(),
              element.table(),
              messageId == null ? null : messageId.toString(),
              null,
              Map.of(),
              json(element.row()),
              traceId == null ? null : traceId.toString())
          .toRow();
    }

    private static byte[] json(TableRow row) {
      try {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableRowJsonCoder.of().encode(row, out);
        return out.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Completes the dead-letter row of a refused element: failure time and BigQuery's error. */
  static final class RejectedFn extends DoFn<BigQueryStorageApiInsertError, EventRow> {
    private final PipelineClock clock;
    private final Counter rejected =
        Metrics.counter(DeadLetterKind.METRICS_NAMESPACE, DeadLetterKind.WAREHOUSE_REJECTED.name());

    RejectedFn(PipelineClock clock) {
      this.clock = clock;
    }

    @ProcessElement
    public void process(
        @Element BigQueryStorageApiInsertError error, OutputReceiver<EventRow> out) {
      rejected.inc();
      String table =
          error.getTable() == null
              ? RejectedRows.tableOf(error.getRow())
              : error.getTable().getTableId();
      out.output(
          RejectedRows.deadLetter(error.getRow(), table, error.getErrorMessage(), clock.now()));
    }
  }
}
