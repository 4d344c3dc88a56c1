package io.entityflow.alerting.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.alerting.model.SeriesHistory;
import io.entityflow.alerting.warehouse.CountQuery;
import io.entityflow.alerting.warehouse.EventCountSource;
import io.entityflow.alerting.warehouse.WindowCountQuery;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/evaluate} runs on the blocking executor: while an evaluation is stuck in the
 * warehouse, the server still answers other requests, even with a single event-loop thread.
 */
class EvaluationOffTheEventLoopIT {

  /** A warehouse whose watermark query blocks until released (the first call only). */
  static final class BlockingSource implements EventCountSource {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public List<SeriesHistory> hourlyCounts(CountQuery query) {
      return List.of();
    }

    @Override
    public List<Map<String, Long>> windowCounts(List<WindowCountQuery> queries) {
      return queries.stream().map(q -> Map.<String, Long>of()).toList();
    }

    @Override
    public Optional<Instant> ingestedThrough() {
      entered.countDown();
      try {
        if (!release.await(60, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never released the warehouse");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while blocked", e);
      }
      return Optional.empty();
    }
  }

  private static HttpRequest.Builder request(EmbeddedServer server, String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
        .timeout(Duration.ofSeconds(30));
  }

  @Test
  void otherEndpointsAnswerWhileAnEvaluationIsBlockedInTheWarehouse() throws Exception {
    BlockingSource source = new BlockingSource();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (ApplicationContext ctx =
        ApplicationContext.builder()
            .properties(
                Map.of(
                    "micronaut.server.port", -1,
                    // one event-loop thread: a request blocking it would block every other one
                    "micronaut.server.netty.worker.threads", 1,
                    "micronaut.netty.event-loops.default.num-threads", 1,
                    "entityflow.alerting.warehouse", "test-double",
                    "entityflow.alerting.state-file", "",
                    "entityflow.alerting.scheduler.enabled", "false",
                    "entityflow.alerting.api-token", "t0ken",
                    "entityflow.alerting.notify.console.enabled", "false"))
            .singletons(source)
            .start()) {
      EmbeddedServer server = ctx.getBean(EmbeddedServer.class).start();
      CompletableFuture<HttpResponse<String>> evaluation =
          http.sendAsync(
              request(server, "/api/evaluate")
                  .header("Authorization", "Bearer t0ken")
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      try {
        assertThat(source.entered.await(30, TimeUnit.SECONDS))
            .withFailMessage("the evaluation never reached the warehouse")
            .isTrue();

        HttpResponse<String> health = get(http, server, "/health");
        HttpResponse<String> alerts = get(http, server, "/api/alerts");
        HttpResponse<String> silences = get(http, server, "/api/silences");

        assertThat(source.release.getCount()).isEqualTo(1);
        assertThat(evaluation).isNotDone();
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(alerts.statusCode()).isEqualTo(200);
        assertThat(alerts.body()).isEqualTo("[]");
        assertThat(silences.body()).isEqualTo("[]");
      } finally {
        source.release.countDown();
      }
      HttpResponse<String> evaluated = evaluation.get(60, TimeUnit.SECONDS);
      assertThat(evaluated.statusCode()).isEqualTo(200);
      assertThat(evaluated.body()).startsWith("{\"evaluatedAt\":\"");
    }
  }

  private static HttpResponse<String> get(HttpClient http, EmbeddedServer server, String path)
      throws Exception {
    try {
      return http.send(request(server, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new AssertionError(
          "GET " + path + " did not answer within 30 s while an evaluation was blocked", e);
    }
  }
}
