package io.entityflow.privacy.tools;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.bigquery.model.DmlStatistics;
import com.google.api.services.bigquery.model.GetQueryResultsResponse;
import com.google.api.services.bigquery.model.Job;
import com.google.api.services.bigquery.model.JobReference;
import com.google.api.services.bigquery.model.JobStatistics;
import com.google.api.services.bigquery.model.JobStatistics2;
import com.google.api.services.bigquery.model.JobStatus;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A loopback HTTP server answering the three BigQuery REST calls the client makes for one DML query
 * job (no BigQuery emulator exists here): {@code jobs.insert} (POST .../jobs, answered RUNNING),
 * {@code jobs.getQueryResults} (GET .../queries/{id}, answered complete) and {@code jobs.get} (GET
 * .../jobs/{id}, answered DONE with {@code numDmlAffectedRows}). Records every request.
 */
final class FakeBigQueryEndpoint implements AutoCloseable {
  /** One request as received. */
  record Request(String method, String path, String body) {}

  private static final String LOCATION = "EU";

  private final HttpServer server;
  private final long affectedRows;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Exception> failures = new CopyOnWriteArrayList<>();
  private volatile Job inserted;

  private FakeBigQueryEndpoint(long affectedRows) throws IOException {
    this.affectedRows = affectedRows;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  /** A server whose DML jobs report {@code affectedRows} deleted rows. */
  static FakeBigQueryEndpoint answeringAffectedRows(long affectedRows) {
    try {
      return new FakeBigQueryEndpoint(affectedRows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The API root to give the client, {@code http://127.0.0.1:<port>}. */
  String root() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every request received, in order. */
  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The job body of the one {@code jobs.insert} request, parsed as the API model. */
  Job insertedJob() throws IOException {
    List<Request> inserts = requests.stream().filter(r -> r.method().equals("POST")).toList();
    if (inserts.size() != 1) {
      throw new AssertionError("expected one jobs.insert request, got " + requests);
    }
    return GsonFactory.getDefaultInstance().fromString(inserts.get(0).body(), Job.class);
  }

  private void answer(HttpExchange exchange) throws IOException {
    try {
      serve(exchange);
    } catch (RuntimeException | IOException e) {
      failures.add(e);
      send(exchange, 500, "{\"error\":{\"code\":500,\"message\":\"fake failed: " + e + "\"}}");
    }
  }

  /** What the server itself failed at (its own bugs), to fail the test with. */
  List<Exception> failures() {
    return List.copyOf(failures);
  }

  private void serve(HttpExchange exchange) throws IOException {
    // the client gzips request bodies (Content-Encoding: gzip)
    InputStream content =
        "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
            ? new GZIPInputStream(exchange.getRequestBody())
            : exchange.getRequestBody();
    String body = new String(content.readAllBytes(), UTF_8);
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    requests.add(new Request(method, exchange.getRequestURI().toString(), body));
    Object response;
    if (method.equals("POST") && path.matches("/bigquery/v2/projects/[^/]+/jobs")) {
      Job job = GsonFactory.getDefaultInstance().fromString(body, Job.class);
      job.getJobReference().setLocation(LOCATION);
      job.setId(job.getJobReference().getProjectId() + ":" + LOCATION + "." + jobId(job));
      job.setStatus(new JobStatus().setState("RUNNING"));
      inserted = job;
      response = job;
    } else if (method.equals("GET") && path.matches("/bigquery/v2/projects/[^/]+/queries/.+")) {
      response =
          new GetQueryResultsResponse()
              .setJobReference(inserted.getJobReference())
              .setJobComplete(true);
    } else if (method.equals("GET") && path.matches("/bigquery/v2/projects/[^/]+/jobs/.+")) {
      response =
          inserted
              .clone()
              .setStatus(new JobStatus().setState("DONE"))
              .setStatistics(
                  new JobStatistics()
                      .setCreationTime(1L)
                      .setQuery(
                          new JobStatistics2()
                              .setStatementType("DELETE")
                              .setNumDmlAffectedRows(affectedRows)
                              .setDmlStats(new DmlStatistics().setDeletedRowCount(affectedRows))));
    } else {
      send(exchange, 404, "{\"error\":{\"code\":404,\"message\":\"not served: " + path + "\"}}");
      return;
    }
    send(exchange, 200, GsonFactory.getDefaultInstance().toString(response));
  }

  private static String jobId(Job job) {
    JobReference reference = job.getJobReference();
    return reference.getJobId();
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
