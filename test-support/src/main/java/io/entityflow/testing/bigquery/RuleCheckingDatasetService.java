package io.entityflow.testing.bigquery;

import com.google.api.core.ApiFuture;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableRow;
import com.google.api.services.bigquery.model.TableSchema;
import com.google.cloud.bigquery.storage.v1.AppendRowsRequest;
import com.google.cloud.bigquery.storage.v1.AppendRowsResponse;
import com.google.cloud.bigquery.storage.v1.ProtoRows;
import com.google.protobuf.DescriptorProtos;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryHelpers;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices.StreamAppendClient;
import org.apache.beam.sdk.io.gcp.bigquery.ErrorContainer;
import org.apache.beam.sdk.io.gcp.bigquery.InsertRetryPolicy;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.values.FailsafeValueInSingleWindow;
import org.apache.beam.sdk.values.ValueInSingleWindow;

/**
 * Beam's {@link FakeDatasetService} with BigQuery's rules ({@link BigQueryRules}) in front: every
 * table created, every schema update and description patch, every streaming insert and every
 * Storage Write API append is checked first, and what BigQuery would refuse throws a {@link
 * BigQueryRuleException} instead of being stored.
 *
 * <pre>{@code
 * FakeDatasetService.setUp();
 * FakeJobService.setUp();
 * FakeDatasetService datasets = new RuleCheckingDatasetService();
 * FakeBigQueryServices services = new FakeBigQueryServices()
 *     .withDatasetService(datasets).withJobService(new FakeJobService());
 * }</pre>
 *
 * <p>What is checked where:
 *
 * <ul>
 *   <li>{@link #createTable}: the whole definition ({@link BigQueryRules#checkTable}), whether the
 *       test or BigQueryIO ({@code CREATE_IF_NEEDED}) creates it;
 *   <li>{@link #updateTableSchema}: the change against the live table ({@link
 *       BigQueryRules#checkSchemaChange});
 *   <li>{@link #patchTableDescription}: the table with its new description;
 *   <li>{@link #insertAll}: every row ({@link BigQueryRules#rowViolations}; unknown fields pass
 *       when the request ignores unknown values, as BigQuery does) and the request limits (50,000
 *       rows, 10 MB);
 *   <li>{@link #getStreamAppendClient}: each AppendRows request's size (10 MB). Rows reach the
 *       Storage Write API as protos BigQueryIO built from the table's own schema, so their shape
 *       and types are already bound to it; the rows the fake stores are BigQueryIO's rendering of
 *       those protos, not values a caller sent, and are not checked again.
 * </ul>
 *
 * <p>Overriding the fake's entry points (rather than inspecting its tables after a run) reports the
 * violation at the call that caused it, also for tables BigQueryIO creates mid-pipeline. Like its
 * parent it keeps state in static fields (call {@code FakeDatasetService.setUp()}) and is
 * serializable, so the copies Beam makes of it keep checking. Needs {@code
 * beam-sdks-java-io-google-cloud-platform} on the classpath (an optional dependency of this
 * module).
 */
public class RuleCheckingDatasetService extends FakeDatasetService {
  private static final long serialVersionUID = 1L;

  /** https://cloud.google.com/bigquery/quotas#streaming_inserts: 50,000 rows per request. */
  static final int MAX_INSERT_ROWS = 50_000;

  /** https://cloud.google.com/bigquery/quotas: 10 MB per insertAll or AppendRows request. */
  static final long MAX_REQUEST_BYTES = 10L * 1024 * 1024;

  @Override
  public void createTable(Table table) throws IOException {
    BigQueryRules.checkTable(table);
    super.createTable(table);
  }

  @Override
  public void updateTableSchema(TableReference reference, TableSchema schema) throws IOException {
    Table live = live(reference);
    if (live != null) {
      BigQueryRules.checkSchemaChange(live, schema);
    }
    super.updateTableSchema(reference, schema);
  }

  @Override
  public Table patchTableDescription(TableReference reference, String description)
      throws IOException, InterruptedException {
    Table live = live(reference);
    if (live != null) {
      BigQueryRules.checkTable(live.clone().setDescription(description));
    }
    return super.patchTableDescription(reference, description);
  }

  @Override
  public <T> long insertAll(
      TableReference reference,
      List<FailsafeValueInSingleWindow<TableRow, TableRow>> rows,
      List<String> insertIds,
      InsertRetryPolicy retryPolicy,
      List<ValueInSingleWindow<T>> failedInserts,
      ErrorContainer<T> errorContainer,
      boolean skipInvalidRows,
      boolean ignoreUnknownValues,
      boolean ignoreInsertIds,
      List<ValueInSingleWindow<TableRow>> successfulRows)
      throws IOException, InterruptedException {
    Table table = live(reference);
    if (table != null) {
      List<Violation> found = new ArrayList<>();
      long bytes = 0;
      for (FailsafeValueInSingleWindow<TableRow, TableRow> row : rows) {
        RowRules.check(table, row.getValue(), found);
        bytes += RowRules.size(row.getValue());
      }
      String label = Violation.label(table.getTableReference());
      if (rows.size() > MAX_INSERT_ROWS) {
        found.add(
            new Violation(
                label,
                "insertAll",
                Rule.INSERT_REQUEST,
                "the request has " + rows.size() + " rows",
                "at most " + MAX_INSERT_ROWS + " rows per request"));
      }
      if (bytes > MAX_REQUEST_BYTES) {
        found.add(
            new Violation(
                label,
                "insertAll",
                Rule.INSERT_REQUEST,
                "the request is about " + bytes + " bytes",
                "at most " + MAX_REQUEST_BYTES + " bytes (10 MB) per request"));
      }
      if (ignoreUnknownValues) {
        found.removeIf(v -> v.rule() == Rule.ROW_UNKNOWN_FIELD);
      }
      BigQueryRuleException.throwIfAny(found);
    }
    return super.insertAll(
        reference,
        rows,
        insertIds,
        retryPolicy,
        failedInserts,
        errorContainer,
        skipInvalidRows,
        ignoreUnknownValues,
        ignoreInsertIds,
        successfulRows);
  }

  @Override
  public StreamAppendClient getStreamAppendClient(
      String streamName,
      DescriptorProtos.DescriptorProto descriptor,
      boolean useConnectionPool,
      AppendRowsRequest.MissingValueInterpretation missingValueInterpretation)
      throws Exception {
    StreamAppendClient client =
        super.getStreamAppendClient(
            streamName, descriptor, useConnectionPool, missingValueInterpretation);
    return new SizeCheckingAppendClient(streamName, client);
  }

  private Table live(TableReference reference) throws IOException {
    try {
      return getTable(
          reference
              .clone()
              .setTableId(BigQueryHelpers.stripPartitionDecorator(reference.getTableId())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted reading " + Violation.label(reference), e);
    }
  }

  /** Refuses AppendRows requests above 10 MB, then delegates. */
  private static final class SizeCheckingAppendClient implements StreamAppendClient {
    private final String streamName;
    private final StreamAppendClient delegate;

    SizeCheckingAppendClient(String streamName, StreamAppendClient delegate) {
      this.streamName = streamName;
      this.delegate = delegate;
    }

    @Override
    public ApiFuture<AppendRowsResponse> appendRows(long offset, ProtoRows rows) throws Exception {
      long bytes = rows.getSerializedSize();
      if (bytes > MAX_REQUEST_BYTES) {
        throw new BigQueryRuleException(
            List.of(
                new Violation(
                    streamName,
                    "AppendRows",
                    Rule.APPEND_REQUEST,
                    "the request has " + bytes + " bytes of rows",
                    "at most " + MAX_REQUEST_BYTES + " bytes (10 MB) per request")));
      }
      return delegate.appendRows(offset, rows);
    }

    @Override
    public com.google.cloud.bigquery.storage.v1.TableSchema getUpdatedSchema() {
      return delegate.getUpdatedSchema();
    }

    @Override
    public long getInflightWaitSeconds() {
      return delegate.getInflightWaitSeconds();
    }

    @Override
    public void pin() {
      delegate.pin();
    }

    @Override
    public void unpin() throws Exception {
      delegate.unpin();
    }

    @Override
    public void close() throws Exception {
      delegate.close();
    }
  }
}
