package io.entityflow.pipelines.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutures;
import com.google.cloud.bigquery.storage.v1.AppendRowsResponse;
import com.google.cloud.bigquery.storage.v1.Exceptions;
import com.google.cloud.bigquery.storage.v1.ProtoRows;
import com.google.cloud.bigquery.storage.v1.RowError;
import com.google.cloud.bigquery.storage.v1.TableSchema;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import io.entityflow.pipelines.events.SourceMessage;
import io.entityflow.pipelines.events.StorageRow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices.StreamAppendClient;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link TableAppender} against a scripted append client: the exact requests it sends. */
class TableAppenderTest {
  private static final String STREAM = "projects/p/datasets/retail/tables/sale_v1/streams/_default";

  /** Every request the clients received, as the row names, and every client opened and closed. */
  private final List<List<String>> requests = new ArrayList<>();

  private final List<String> clientEvents = new ArrayList<>();
  private int opened;
  private final List<String> rejected = new ArrayList<>();
  private final Deque<Function<ProtoRows, ApiFuture<AppendRowsResponse>>> script =
      new ArrayDeque<>();

  private TableAppender appender(AppendRetries retries) {
    return new TableAppender(
        "sale_v1",
        STREAM,
        DescriptorProto.newBuilder().setName("Row").build(),
        (stream, descriptor) -> client(stream + " #" + ++opened),
        retries,
        Metrics.counter("test", "appended"),
        Metrics.counter("test", "retried"));
  }

  private StreamAppendClient client(String name) {
    clientEvents.add("open " + name);
    return new StreamAppendClient() {
      @Override
      public ApiFuture<AppendRowsResponse> appendRows(long offset, ProtoRows rows) {
        assertThat(offset).isEqualTo(-1);
        List<String> names = new ArrayList<>();
        rows.getSerializedRowsList().forEach(b -> names.add(b.toString(StandardCharsets.UTF_8)));
        requests.add(names);
        Function<ProtoRows, ApiFuture<AppendRowsResponse>> next = script.poll();
        return next == null
            ? ApiFutures.immediateFuture(AppendRowsResponse.getDefaultInstance())
            : next.apply(rows);
      }

      @Override
      public TableSchema getUpdatedSchema() {
        return null;
      }

      @Override
      public void pin() {}

      @Override
      public void unpin() {}

      @Override
      public void close() {
        clientEvents.add("close " + name);
      }
    };
  }

  private static BufferedRow row(String name) {
    return row(name, name.getBytes(StandardCharsets.UTF_8));
  }

  private static BufferedRow row(String name, byte[] bytes) {
    return new BufferedRow(
        new StorageRow(
            "retail.sale_v1", bytes, new SourceMessage("sale_v1", name, null, Map.of(), null)),
        new Instant(0),
        GlobalWindow.INSTANCE);
  }

  private void reject(BufferedRow row, String error) {
    rejected.add(row.row().source().messageId() + ": " + error);
  }

  @Test
  void rowsGoInRequestsOfAtMost500RowsAllConfirmedBeforeAwaitAllReturns() throws Exception {
    TableAppender appender = appender(AppendRetries.DEFAULT);
    for (int i = 0; i < 1001; i++) {
      appender.add(row("r" + i), this::reject);
    }
    assertThat(requests).extracting(List::size).containsExactly(500, 500);

    appender.flush();
    appender.awaitAll(this::reject);

    assertThat(requests).extracting(List::size).containsExactly(500, 500, 1);
    assertThat(requests.get(2)).containsExactly("r1000");
    assertThat(rejected).isEmpty();
    assertThat(clientEvents).containsExactly("open " + STREAM + " #1");
  }

  @Test
  void rowsGoInRequestsOfAtMost8MiBAndARowOverItIsRejectedWithoutBeingSent() throws Exception {
    TableAppender appender = appender(AppendRetries.DEFAULT);
    byte[] big = new byte[3 * 1024 * 1024];
    appender.add(row("a", big), this::reject);
    appender.add(row("b", big), this::reject);
    appender.add(row("c", big), this::reject);
    appender.add(row("huge", new byte[TableAppender.MAX_BYTES_PER_APPEND + 1]), this::reject);
    appender.flush();
    appender.awaitAll(this::reject);

    assertThat(requests).extracting(List::size).containsExactly(2, 1);
    assertThat(rejected)
        .containsExactly(
            "huge: the row has 8388609 bytes; allowed: at most 8388608 bytes, the most this sink"
                + " puts in one AppendRows request");
  }

  @Test
  void rowsBigQueryRefusesAreRejectedAndTheOthersOfTheRequestAppendedAgainWithoutThem()
      throws Exception {
    script.add(
        rows ->
            ApiFutures.immediateFailedFuture(
                new Exceptions.AppendSerializationError(
                    Status.Code.INVALID_ARGUMENT.value(),
                    "Append serialization failed for writer: " + STREAM,
                    STREAM,
                    Map.of(1, "field sale_id: too long", 3, "field total: bad"))));
    script.add(
        rows ->
            ApiFutures.immediateFuture(
                AppendRowsResponse.newBuilder()
                    .addRowErrors(RowError.newBuilder().setIndex(0).setMessage("row 0 refused"))
                    .build()));
    TableAppender appender = appender(AppendRetries.DEFAULT);
    for (String name : List.of("r0", "r1", "r2", "r3", "r4")) {
      appender.add(row(name), this::reject);
    }
    appender.flush();
    appender.awaitAll(this::reject);

    assertThat(requests)
        .containsExactly(
            List.of("r0", "r1", "r2", "r3", "r4"), List.of("r0", "r2", "r4"), List.of("r2", "r4"));
    assertThat(rejected)
        .containsExactly(
            "r1: field sale_id: too long", "r3: field total: bad", "r0: row 0 refused");
  }

  @Test
  void aRequestThatFailsAsAWholeOrWithAnErrorResponseIsRetriedOnANewClient() throws Exception {
    script.add(rows -> unavailable());
    script.add(
        rows ->
            ApiFutures.immediateFuture(
                AppendRowsResponse.newBuilder()
                    .setError(
                        com.google.rpc.Status.newBuilder()
                            .setCode(Status.Code.UNAVAILABLE.value())
                            .setMessage("try again"))
                    .build()));
    TableAppender appender = appender(new AppendRetries(3, 1));
    appender.add(row("r0"), this::reject);
    appender.add(row("r1"), this::reject);
    appender.flush();
    appender.awaitAll(this::reject);

    assertThat(requests)
        .containsExactly(List.of("r0", "r1"), List.of("r0", "r1"), List.of("r0", "r1"));
    assertThat(rejected).isEmpty();
    assertThat(clientEvents)
        .containsExactly(
            "open " + STREAM + " #1",
            "open " + STREAM + " #2",
            "open " + STREAM + " #3",
            "close " + STREAM + " #1",
            "close " + STREAM + " #2");
  }

  @Test
  void aPermanentErrorFailsAtOnceAndTheLastFailedAttemptFailsNamingEverything() throws Exception {
    script.add(
        rows ->
            ApiFutures.immediateFailedFuture(
                new StatusRuntimeException(Status.PERMISSION_DENIED.withDescription("no access"))));
    TableAppender appender = appender(new AppendRetries(5, 1));
    appender.add(row("r0"), this::reject);
    appender.flush();
    assertThatThrownBy(() -> appender.awaitAll(this::reject))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "appending 1 row to "
                + STREAM
                + " failed with PERMISSION_DENIED, which no retry can fix: PERMISSION_DENIED: no"
                + " access");
    assertThat(requests).hasSize(1);

    for (int i = 0; i < 5; i++) {
      script.add(rows -> unavailable());
    }
    TableAppender again = appender(new AppendRetries(2, 1));
    again.add(row("r0"), this::reject);
    again.add(row("r1"), this::reject);
    again.flush();
    assertThatThrownBy(() -> again.awaitAll(this::reject))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "appending 2 rows to "
                + STREAM
                + " failed 2 times, the last with UNAVAILABLE: UNAVAILABLE: try again; allowed: 2"
                + " attempts per request");
  }

  @Test
  void backoffDoublesFromTheInitialWaitUpTo30Seconds() {
    AppendRetries retries = new AppendRetries(20, 1_000);
    assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 19))
        .extracting(retries::backoffMillis)
        .containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L, 30_000L);
    assertThat(
            AppendRetries.codeOf(new RuntimeException(new StatusRuntimeException(Status.ABORTED))))
        .isEqualTo(Status.Code.ABORTED);
    assertThat(AppendRetries.codeOf(new IllegalStateException("no status")))
        .isEqualTo(Status.Code.UNKNOWN);
  }

  private static ApiFuture<AppendRowsResponse> unavailable() {
    return ApiFutures.immediateFailedFuture(
        new StatusRuntimeException(Status.UNAVAILABLE.withDescription("try again")));
  }
}
