package io.entityflow.alerting.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A real local HTTP server that records requests and answers with queued responses (default 200).
 */
final class RecordingHttpServer implements AutoCloseable {
  record Request(String method, String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  record Response(int status, Map<String, String> headers) {}

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private final Deque<Response> responses = new ArrayDeque<>();

  RecordingHttpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Response response;
          synchronized (this) {
            requests.add(
                new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body));
            response = responses.isEmpty() ? new Response(200, Map.of()) : responses.poll();
          }
          response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
          byte[] out = "ok".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(response.status(), out.length);
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
          }
        });
    server.start();
  }

  synchronized void enqueue(int status, Map<String, String> headers) {
    responses.add(new Response(status, headers));
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
