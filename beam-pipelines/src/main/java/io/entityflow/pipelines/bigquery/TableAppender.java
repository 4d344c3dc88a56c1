package io.entityflow.pipelines.bigquery;

import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutures;
import com.google.cloud.bigquery.storage.v1.AppendRowsResponse;
import com.google.cloud.bigquery.storage.v1.Exceptions;
import com.google.cloud.bigquery.storage.v1.ProtoRows;
import com.google.cloud.bigquery.storage.v1.RowError;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.UnsafeByteOperations;
import io.grpc.Status;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices.StreamAppendClient;
import org.apache.beam.sdk.metrics.Counter;

/**
 * The rows of one table on their way into its default stream ({@code .../streams/_default}):
 * buffers them, appends them in requests of at most {@link #MAX_ROWS_PER_APPEND} rows and {@link
 * #MAX_BYTES_PER_APPEND} bytes (BigQuery's limit is 10 MB per AppendRows request), keeps at most
 * {@link #MAX_APPENDS_IN_FLIGHT} requests unconfirmed, and waits for every one in {@link
 * #awaitAll}.
 *
 * <pre>{@code
 * TableAppender appender = new TableAppender("sale_v1", stream, descriptor, clients, retries, ...);
 * appender.add(row, rejections);   // as rows come
 * appender.flush();                // end of bundle: send the rest
 * appender.awaitAll(rejections);   // every row appended or rejected, or an exception
 * }</pre>
 *
 * <p>Guarantees: every row added is, when {@link #awaitAll} returns, either appended or handed to
 * {@link Rejections} with BigQuery's error (rows BigQuery refuses in a request, as {@code
 * Exceptions.AppendSerializationError} reports them; the other rows of that request are appended
 * again without them), or {@link #awaitAll} throws. A request that fails as a whole is retried with
 * the backoff of {@link AppendRetries} on a new client (the failed one is closed once nothing is in
 * flight on it); a permanent error or the last failed attempt throws, naming the stream, the rows,
 * the attempts and the error. Not thread-safe: one per table per DoFn instance.
 */
final class TableAppender implements AutoCloseable {
  /** Rows per AppendRows request, at most. */
  static final int MAX_ROWS_PER_APPEND = 500;

  /** Serialized row bytes per AppendRows request, at most: 8 MiB, below BigQuery's 10 MB. */
  static final int MAX_BYTES_PER_APPEND = 8 * 1024 * 1024;

  /** Requests sent and not yet confirmed, at most, per table and DoFn instance. */
  static final int MAX_APPENDS_IN_FLIGHT = 4;

  /** Opens an append client on a stream for rows of a descriptor. */
  @FunctionalInterface
  interface Clients {
    StreamAppendClient open(String stream, DescriptorProto descriptor) throws Exception;
  }

  /** Takes the rows BigQuery refused, with its error message. */
  @FunctionalInterface
  interface Rejections {
    void reject(BufferedRow row, String error);
  }

  /** One request: its rows, its response, and how many times it was sent. */
  private static final class Append {
    List<BufferedRow> rows;
    ApiFuture<AppendRowsResponse> response;
    int attempt = 1;

    Append(List<BufferedRow> rows) {
      this.rows = rows;
    }
  }

  private final String tableId;
  private final String stream;
  private final DescriptorProto descriptor;
  private final Clients clients;
  private final AppendRetries retries;
  private final Counter appended;
  private final Counter retried;
  private final ArrayDeque<Append> inFlight = new ArrayDeque<>();
  private final List<StreamAppendClient> retired = new ArrayList<>();
  private StreamAppendClient client;
  private List<BufferedRow> pending = new ArrayList<>();
  private long pendingBytes;

  TableAppender(
      String tableId,
      String stream,
      DescriptorProto descriptor,
      Clients clients,
      AppendRetries retries,
      Counter appended,
      Counter retried) {
    this.tableId = tableId;
    this.stream = stream;
    this.descriptor = descriptor;
    this.clients = clients;
    this.retries = retries;
    this.appended = appended;
    this.retried = retried;
  }

  /** The table's name, e.g. {@code sale_v1}, as dead letters name it. */
  String tableId() {
    return tableId;
  }

  /** Buffers a row; sends the buffer first when the row would not fit in its request. */
  void add(BufferedRow row, Rejections rejections) throws Exception {
    int size = row.row().bytes().length;
    if (size > MAX_BYTES_PER_APPEND) {
      rejections.reject(
          row,
          "the row has "
              + size
              + " bytes; allowed: at most "
              + MAX_BYTES_PER_APPEND
              + " bytes, the most this sink puts in one AppendRows request");
      return;
    }
    if (!pending.isEmpty()
        && (pending.size() >= MAX_ROWS_PER_APPEND || pendingBytes + size > MAX_BYTES_PER_APPEND)) {
      flush();
      if (inFlight.size() > MAX_APPENDS_IN_FLIGHT) {
        complete(inFlight.poll(), rejections);
      }
    }
    pending.add(row);
    pendingBytes += size;
  }

  /** Sends the buffered rows, if any. */
  void flush() {
    if (pending.isEmpty()) {
      return;
    }
    Append append = new Append(pending);
    append.response = send(append.rows);
    inFlight.add(append);
    pending = new ArrayList<>();
    pendingBytes = 0;
  }

  /** Waits until every request sent is confirmed, rows refused handed to {@code rejections}. */
  void awaitAll(Rejections rejections) throws Exception {
    while (!inFlight.isEmpty()) {
      complete(inFlight.poll(), rejections);
    }
    closeRetired();
  }

  /** Forgets rows and requests of a bundle that failed (the runner retries the bundle). */
  void discard() {
    pending = new ArrayList<>();
    pendingBytes = 0;
    inFlight.clear();
  }

  @Override
  public void close() throws Exception {
    discard();
    if (client != null) {
      retired.add(client);
      client = null;
    }
    closeRetired();
  }

  private ApiFuture<AppendRowsResponse> send(List<BufferedRow> rows) {
    ProtoRows.Builder request = ProtoRows.newBuilder();
    for (BufferedRow row : rows) {
      request.addSerializedRows(UnsafeByteOperations.unsafeWrap(row.row().bytes()));
    }
    try {
      if (client == null) {
        client = clients.open(stream, descriptor);
      }
      return client.appendRows(-1, request.build());
    } catch (Exception e) {
      return ApiFutures.immediateFailedFuture(e);
    }
  }

  private void complete(Append append, Rejections rejections) throws Exception {
    while (true) {
      Throwable error;
      Map<Integer, String> refused = Map.of();
      try {
        AppendRowsResponse response = append.response.get();
        if (response.hasError()) {
          error =
              Status.fromCodeValue(response.getError().getCode())
                  .withDescription(response.getError().getMessage())
                  .asRuntimeException();
        } else if (response.getRowErrorsCount() > 0) {
          refused = new HashMap<>();
          for (RowError rowError : response.getRowErrorsList()) {
            refused.put((int) rowError.getIndex(), rowError.getMessage());
          }
          error = new IllegalStateException("row errors: " + refused);
        } else {
          appended.inc(append.rows.size());
          return;
        }
      } catch (ExecutionException e) {
        error = e.getCause();
        if (error instanceof Exceptions.AppendSerializationError rows) {
          refused = rows.getRowIndexToErrorMessage();
        }
      }
      List<BufferedRow> kept = withoutRefused(append.rows, refused, rejections);
      if (kept.size() < append.rows.size()) {
        if (kept.isEmpty()) {
          return;
        }
        append.rows = kept;
        append.response = send(kept);
        continue;
      }
      retryOrThrow(append, error);
    }
  }

  /** The rows not refused; the refused ones go to {@code rejections}. */
  private static List<BufferedRow> withoutRefused(
      List<BufferedRow> rows, Map<Integer, String> refused, Rejections rejections) {
    if (refused.isEmpty()) {
      return rows;
    }
    List<BufferedRow> kept = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      String message = refused.get(i);
      if (message == null) {
        kept.add(rows.get(i));
      } else {
        rejections.reject(rows.get(i), message);
      }
    }
    return kept;
  }

  private void retryOrThrow(Append append, Throwable error) throws Exception {
    Status.Code code = AppendRetries.codeOf(error);
    String what = "appending " + count(append.rows.size()) + " to " + stream + " failed ";
    if (!AppendRetries.retriable(code)) {
      throw new IOException(
          what + "with " + code + ", which no retry can fix: " + describe(error), error);
    }
    if (append.attempt >= retries.maxAttempts()) {
      throw new IOException(
          what
              + append.attempt
              + " times, the last with "
              + code
              + ": "
              + describe(error)
              + "; allowed: "
              + retries.maxAttempts()
              + " attempts per request",
          error);
    }
    retried.inc();
    if (client != null) {
      retired.add(client);
      client = null;
    }
    Thread.sleep(retries.backoffMillis(append.attempt));
    append.attempt++;
    append.response = send(append.rows);
  }

  private static String count(int rows) {
    return rows == 1 ? "1 row" : rows + " rows";
  }

  private static String describe(Throwable error) {
    return error.getMessage() == null ? error.getClass().getName() : error.getMessage();
  }

  private void closeRetired() throws Exception {
    Exception first = null;
    for (StreamAppendClient old : retired) {
      try {
        old.close();
      } catch (Exception e) {
        first = first == null ? e : first;
      }
    }
    retired.clear();
    if (first != null) {
      throw first;
    }
  }
}
