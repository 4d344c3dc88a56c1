package io.entityflow.pipelines.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP transport against a real HTTP server: exact request, status handling. */
class HttpLineageTransportTest {
  private HttpServer server;
  private final List<String> requests = new ArrayList<>();
  private volatile int status = 201;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          synchronized (requests) {
            requests.add(
                exchange.getRequestMethod()
                    + " "
                    + exchange.getRequestURI()
                    + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type")
                    + " "
                    + body);
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void postsTheEventAsJsonToTheLineageApi() throws IOException {
    HttpLineageTransport transport = new HttpLineageTransport(baseUrl() + "/");

    transport.send("{\"eventType\":\"START\"}");

    assertThat(requests)
        .containsExactly("POST /api/v1/lineage application/json {\"eventType\":\"START\"}");
    assertThat(transport.target()).isEqualTo(baseUrl() + "/api/v1/lineage");
  }

  @Test
  void statusOutside2xxFailsWithTheStatusButNotTheBody() {
    status = 503;
    HttpLineageTransport transport = new HttpLineageTransport(baseUrl());

    assertThatThrownBy(() -> transport.send("{\"secret\":\"payload\"}"))
        .isInstanceOf(IOException.class)
        .hasMessage("answered HTTP 503");
  }

  @Test
  void emitterCountsARefusedEventAndGoesOn() {
    status = 500;
    LineageEmitter emitter =
        new LineageEmitter(
            "entityflow",
            "job",
            List.of(LineageDataset.pubsubTopic("p", "sale_v1")),
            List.of(LineageDataset.bigQueryTable("p.retail.sale_v1")),
            List.of(new HttpLineageTransport(baseUrl())),
            java.time.Clock.systemUTC(),
            java.util.UUID::randomUUID);

    emitter.emit("START");

    assertThat(emitter.failures()).isEqualTo(1);
    assertThat(requests).hasSize(1);
  }

  @Test
  void urlThatIsNotHttpIsRefused() {
    assertThatThrownBy(() -> new HttpLineageTransport("marquez:5000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--openLineageUrl 'marquez:5000' is not an http(s) URL; allowed: e.g."
                + " http://marquez:5000");
  }
}
