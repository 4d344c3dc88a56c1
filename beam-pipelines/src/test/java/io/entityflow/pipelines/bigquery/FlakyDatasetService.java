package io.entityflow.pipelines.bigquery;

import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutures;
import com.google.cloud.bigquery.storage.v1.AppendRowsRequest;
import com.google.cloud.bigquery.storage.v1.AppendRowsResponse;
import com.google.cloud.bigquery.storage.v1.ProtoRows;
import com.google.cloud.bigquery.storage.v1.TableSchema;
import com.google.protobuf.DescriptorProtos;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices.StreamAppendClient;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;

/**
 * Beam's {@link FakeDatasetService} whose next {@code n} AppendRows requests fail as a whole with
 * {@code UNAVAILABLE} ("BigQuery is unavailable") before reaching the table, as a BigQuery outage
 * does; later requests go through. State is static, like the fake's (copies Beam makes share it).
 *
 * <pre>{@code
 * FakeDatasetService.setUp();
 * FlakyDatasetService flaky = new FlakyDatasetService();
 * FlakyDatasetService.failNextAppends(2);
 * }</pre>
 */
final class FlakyDatasetService extends FakeDatasetService {
  private static final long serialVersionUID = 1L;
  private static final AtomicInteger failuresLeft = new AtomicInteger();
  private static final AtomicInteger failed = new AtomicInteger();

  /** Makes the next {@code count} appends fail; resets the count of failed appends. */
  static void failNextAppends(int count) {
    failuresLeft.set(count);
    failed.set(0);
  }

  /** How many appends failed since {@link #failNextAppends}. */
  static int failedAppends() {
    return failed.get();
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
    return new StreamAppendClient() {
      @Override
      public ApiFuture<AppendRowsResponse> appendRows(long offset, ProtoRows rows)
          throws Exception {
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          failed.incrementAndGet();
          return ApiFutures.immediateFailedFuture(
              new StatusRuntimeException(
                  Status.UNAVAILABLE.withDescription("BigQuery is unavailable")));
        }
        return client.appendRows(offset, rows);
      }

      @Override
      public TableSchema getUpdatedSchema() {
        return client.getUpdatedSchema();
      }

      @Override
      public void pin() {
        client.pin();
      }

      @Override
      public void unpin() throws Exception {
        client.unpin();
      }

      @Override
      public void close() throws Exception {
        client.close();
      }
    };
  }
}
