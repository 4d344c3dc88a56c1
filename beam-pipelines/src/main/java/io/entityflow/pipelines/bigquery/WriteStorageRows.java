package io.entityflow.pipelines.bigquery;

import com.google.auto.value.AutoValue;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import io.entityflow.contract.layout.TableDefinition;
import io.entityflow.pipelines.events.EventRow;
import io.entityflow.pipelines.events.EventRowCoder;
import io.entityflow.pipelines.events.PipelineClock;
import io.entityflow.pipelines.events.RegistrySource;
import io.entityflow.pipelines.events.StorageRow;
import java.util.Objects;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServicesImpl;
import org.apache.beam.sdk.io.gcp.bigquery.TableRowToStorageApiProto;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * Appends pre-built Storage Write API rows ({@link StorageRow}s from {@code ParseStorageRows}) to
 * the default stream of each row's table ({@code projects/P/datasets/D/tables/T/streams/_default}),
 * at-least-once, through Beam's BigQuery services ({@link BigQueryServices}: the real ones in
 * production, Beam's fakes in tests). The rows are appended as they are: no {@code TableRow} and no
 * conversion on the way, which is what makes this path cheaper than {@link WriteToBigQuery}'s. The
 * writer schema of a table is the descriptor Beam derives from the contract's table schema ({@link
 * #descriptorOf}), the one {@code StorageRowWriter} writes for. Rows BigQuery refuses come back as
 * dead-letter rows exactly as {@link WriteToBigQuery} gives them (kind WAREHOUSE_REJECTED, error
 * {@code "BigQuery refused a row of <table>: <BigQuery's message>"}, the ORIGINAL payload and
 * attributes); the caller writes them to the dead-letter table.
 *
 * <pre>{@code
 * PCollection<EventRow> rejected = storageRows.apply("Write BigQuery direct",
 *     WriteStorageRows.toProject("acme-analytics").withDatasetPrefix("prod_"));
 * }</pre>
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>Rows are buffered per table within a bundle and appended in requests of at most 500 rows
 *       and 8 MiB of rows (BigQuery allows 10 MB per AppendRows request); the bundle finishes only
 *       when every append is confirmed.
 *   <li>Rows BigQuery refuses in a request become dead letters; the other rows of the request are
 *       appended again without them. A row over 8 MiB becomes a dead letter without being sent.
 *   <li>A request that fails as a whole is retried with exponential backoff ({@link #withRetries};
 *       default 6 attempts, 1 s doubling to 16 s); a permanent error (missing table, refused
 *       schema, no permission) or the last failed attempt fails the bundle, and the runner retries
 *       it. No row is dropped and no error is only logged.
 *   <li>At-least-once: a retried request or bundle may append rows BigQuery had already stored, so
 *       a table may hold the same event twice; the latest views ({@code LatestViews}) keep one row
 *       per event id.
 *   <li>No table is created or altered (Terraform owns them; {@link LiveTableCheck} verifies them
 *       at start-up). Columns Terraform adds later read NULL in the rows of this sink until the
 *       pipeline runs a contract that knows them.
 * </ul>
 *
 * <p>Immutable; the {@code withX} methods may be called in any order. Counters: {@code
 * entityflow.storage_write/rows_appended}, {@code entityflow.storage_write/append_retries}, and
 * {@code entityflow.dead_letter/WAREHOUSE_REJECTED} per refused row.
 */
@AutoValue
public abstract class WriteStorageRows
    extends PTransform<PCollection<StorageRow>, PCollection<EventRow>> {
  /** Namespace of the sink's counters. */
  public static final String METRICS_NAMESPACE = "entityflow.storage_write";

  /** Counter of rows BigQuery confirmed. */
  public static final String ROWS_APPENDED = "rows_appended";

  /** Counter of AppendRows requests sent again after failing as a whole. */
  public static final String APPEND_RETRIES = "append_retries";

  abstract String project();

  abstract String datasetPrefix();

  abstract RegistrySource registry();

  abstract @Nullable BigQueryServices testServices();

  abstract PipelineClock clock();

  abstract AppendRetries retries();

  abstract Builder toBuilder();

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setProject(String project);

    abstract Builder setDatasetPrefix(String prefix);

    abstract Builder setRegistry(RegistrySource registry);

    abstract Builder setTestServices(BigQueryServices services);

    abstract Builder setClock(PipelineClock clock);

    abstract Builder setRetries(AppendRetries retries);

    abstract WriteStorageRows build();
  }

  /** Appends to the tables of the contract in the datasets of {@code project}. */
  public static WriteStorageRows toProject(String project) {
    if (project == null || project.isBlank()) {
      throw new IllegalArgumentException(
          "BigQuery project '" + project + "' is empty; a project id is required");
    }
    return new AutoValue_WriteStorageRows.Builder()
        .setProject(project)
        .setDatasetPrefix("")
        .setRegistry(RegistrySource.contract())
        .setClock(PipelineClock.system())
        .setRetries(AppendRetries.DEFAULT)
        .build();
  }

  /** A copy naming datasets {@code prefix + domain}. */
  public WriteStorageRows withDatasetPrefix(String prefix) {
    return toBuilder().setDatasetPrefix(prefix == null ? "" : prefix).build();
  }

  /** A copy with the tables of {@code registry}. */
  public WriteStorageRows withRegistry(RegistrySource registry) {
    return toBuilder().setRegistry(Objects.requireNonNull(registry, "registry")).build();
  }

  /** A copy talking to {@code services} (Beam's fakes in tests). */
  public WriteStorageRows withTestServices(BigQueryServices services) {
    return toBuilder().setTestServices(Objects.requireNonNull(services, "services")).build();
  }

  /** A copy stamping dead letters with {@code clock}. */
  public WriteStorageRows withClock(PipelineClock clock) {
    return toBuilder().setClock(Objects.requireNonNull(clock, "clock")).build();
  }

  /**
   * A copy trying a failed AppendRows request at most {@code maxAttempts} times in all (1 to 20),
   * waiting {@code initialBackoff} (1 ms to 30 s) after the first failure and twice as long after
   * each next one, at most 30 s.
   */
  public WriteStorageRows withRetries(int maxAttempts, Duration initialBackoff) {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    return toBuilder()
        .setRetries(new AppendRetries(maxAttempts, initialBackoff.getMillis()))
        .build();
  }

  /**
   * The writer schema of a table's rows: the descriptor Beam derives from the table schema for the
   * Storage Write API with auto schema update (every field optional, no CDC columns), as {@code
   * StorageRowWriter} writes for.
   */
  static DescriptorProto descriptorOf(TableDefinition table) {
    try {
      return TableRowToStorageApiProto.getDescriptorFromTableSchema(
              BigQuerySchemas.schema(table.columns()), false, false)
          .toProto();
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException(
          "the schema of " + table.qualifiedName() + " has no Storage Write API descriptor", e);
    }
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("project", project()))
        .add(DisplayData.item("datasetPrefix", datasetPrefix()))
        .add(DisplayData.item("stream", "_default (at-least-once)"))
        .add(DisplayData.item("maxAttempts", retries().maxAttempts()))
        .add(DisplayData.item("initialBackoff", Duration.millis(retries().initialBackoffMillis())));
  }

  @Override
  public PCollection<EventRow> expand(PCollection<StorageRow> rows) {
    BigQueryServices services =
        testServices() == null ? new BigQueryServicesImpl() : testServices();
    return rows.apply(
            "Append rows",
            ParDo.of(
                new AppendRowsFn(
                    project(), datasetPrefix(), registry(), services, clock(), retries())))
        .setCoder(EventRowCoder.of());
  }
}
