package io.entityflow.pipelines.dataflow;

import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.dataflow.model.Job;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The Dataflow API on loopback, enough for the DataflowRunner to submit a job without a GCP
 * account: it accepts {@code POST /v1b3/projects/P/locations/R/jobs}, keeps the submitted {@link
 * Job} and answers with it under a new id; every other request gets a 404 and is recorded too.
 *
 * <pre>{@code
 * try (DataflowApiStub api = DataflowApiStub.start()) {
 *   options.setDataflowEndpoint(api.endpoint());   // or --dataflowEndpoint=... for a process
 *   pipeline.run();
 *   Job job = api.onlySubmittedJob();
 * }
 * }</pre>
 *
 * <p>Thread-safe. Binds 127.0.0.1 on a free port; {@link #close()} stops it.
 */
public final class DataflowApiStub implements AutoCloseable {
  private static final Pattern CREATE_JOB =
      Pattern.compile("/v1b3/projects/([^/]+)/locations/([^/]+)/jobs");

  private final HttpServer server;
  private final List<String> requests = new ArrayList<>();
  private final List<Job> jobs = new ArrayList<>();

  private DataflowApiStub(HttpServer server) {
    this.server = server;
  }

  /** Starts the stub on a free loopback port. */
  public static DataflowApiStub start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    DataflowApiStub stub = new DataflowApiStub(server);
    server.createContext("/", stub::handle);
    server.start();
    return stub;
  }

  /** The root URL to pass as {@code --dataflowEndpoint}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** Every request so far, as {@code "METHOD path"}, in arrival order. */
  public synchronized List<String> requests() {
    return List.copyOf(requests);
  }

  /** The one job submitted so far; fails naming the requests when there is none or several. */
  public synchronized Job onlySubmittedJob() {
    if (jobs.size() != 1) {
      throw new IllegalStateException(
          "expected exactly one submitted job, got " + jobs.size() + "; requests: " + requests);
    }
    return jobs.get(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    synchronized (this) {
      requests.add(method + " " + path);
    }
    Matcher create = CREATE_JOB.matcher(path);
    if (!"POST".equals(method) || !create.matches()) {
      respond(
          exchange, 404, "{\"error\":{\"code\":404,\"message\":\"not stubbed: " + path + "\"}}");
      return;
    }
    String body = body(exchange);
    JsonObject job = JsonParser.parseString(body).getAsJsonObject();
    synchronized (this) {
      jobs.add(GsonFactory.getDefaultInstance().fromString(body, Job.class));
      job.addProperty("id", "stub-job-" + jobs.size());
    }
    job.addProperty("projectId", create.group(1));
    job.addProperty("location", create.group(2));
    respond(exchange, 200, job.toString());
  }

  private static String body(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
      in = new GZIPInputStream(in);
    }
    try (InputStream content = in) {
      return new String(content.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
