package io.entityflow.alerting.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.alerting.warehouse.TestWarehouse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The service over HTTP against a local warehouse with a silent series: API, token-protected
 * mutations, health, metrics, and the status page rendered by headless Chromium.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatusPageIT {
  static Path dir;
  static EmbeddedServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("alerting-status-it");
    Path root = dir.resolve("warehouse");
    TestWarehouse.write(
        root, "retail", "sale_v1", TestWarehouse.salesPerMinute("2026-01-05 00:00:00+00", 20160));
    server =
        ApplicationContext.run(
            EmbeddedServer.class,
            Map.of(
                "micronaut.server.port",
                -1,
                "entityflow.alerting.local.root",
                root.toString(),
                "entityflow.alerting.state-file",
                dir.resolve("state.json").toString(),
                "entityflow.alerting.scheduler.enabled",
                "false",
                "entityflow.alerting.clock-start",
                "2026-01-19T00:30:00Z",
                "entityflow.alerting.api-token",
                "t0ken",
                "entityflow.alerting.notify.console.enabled",
                "false",
                "entityflow.alerting.notify.webhook-log.file",
                dir.resolve("alerts.jsonl").toString()));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.getApplicationContext().close();
    }
    try (var files = Files.walk(dir)) {
      files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    }
  }

  static HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @Order(1)
  void evaluationNeedsTheTokenAndFiresTheSilenceAlert() throws Exception {
    HttpResponse<String> denied = send("POST", "/api/evaluate", "wrong", null);
    assertThat(denied.statusCode()).isEqualTo(401);
    assertThat(denied.body())
        .isEqualTo("{\"error\":\"missing or wrong bearer token in the Authorization header\"}");
    assertThat(send("POST", "/api/evaluate", "t0ken", null).statusCode()).isEqualTo(200);

    String alerts = send("GET", "/api/alerts", null, null).body();
    assertThat(alerts).contains("\"seriesId\":\"retail.sale_v1/CREATED\"");
    assertThat(alerts).contains("\"status\":\"FIRING\"");
    assertThat(alerts).contains("\"condition\":\"SILENCE\"");
    List<String> log = Files.readAllLines(dir.resolve("alerts.jsonl"));
    assertThat(log).hasSize(1);
    assertThat(log.get(0)).startsWith("{\"version\":\"1\",\"status\":\"firing\",\"repeat\":false,");

    String series = send("GET", "/api/series", null, null).body();
    assertThat(series).contains("\"judgedUntil\":\"2026-01-19T00:30:");
    assertThat(series)
        .contains(
            "{\"seriesId\":\"retail.sale_v1/CREATED\",\"ruleId\":\"default\",\"state\":\"SILENT\"");
  }

  @Test
  @Order(2)
  void silencesAreCreatedWithTheTokenOnly() throws Exception {
    String body =
        "{\"matcher\":\"retail.sale_v1\",\"duration\":\"PT2H\",\"reason\":\"store migration\","
            + "\"createdBy\":\"ops\"}";
    assertThat(send("POST", "/api/silences", null, body).statusCode()).isEqualTo(401);
    HttpResponse<String> created = send("POST", "/api/silences", "t0ken", body);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).contains("\"matcher\":\"retail.sale_v1\"");
    assertThat(send("GET", "/api/silences", null, null).body())
        .contains("\"reason\":\"store migration\"");
    HttpResponse<String> bad =
        send("POST", "/api/silences", "t0ken", "{\"matcher\":\"x\",\"duration\":\"soon\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
  }

  @Test
  @Order(3)
  void healthAndMetricsAreServed() throws Exception {
    assertThat(send("GET", "/health", null, null).body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(send("GET", "/metrics/entityflow.alerting.evaluations", null, null).body())
        .contains("{\"statistic\":\"COUNT\",\"value\":1.0}");
    assertThat(send("GET", "/api/rules", null, null).body())
        .contains(
            "{\"series\":\"retail.sale_v1/CREATED\",\"rule\":\"default\",\"type\":\"learned\"");
  }

  @Test
  @Order(4)
  void statusPageRendersChartsAlertsAndSilencesInChromium() throws Exception {
    HeadlessChromium.requireInstalled();
    String url = "http://localhost:" + server.getPort() + "/status/index.html";
    String dom = HeadlessChromium.run(dir, "--dump-dom", url);
    assertThat(dom).contains("data-rendered=\"true\"");
    assertThat(dom).contains("<h3>retail.sale_v1/CREATED</h3>");
    assertThat(dom).contains("<span class=\"state state-SILENT\">SILENT</span>");
    assertThat(dom).contains("<td>FIRING</td><td>SILENCE</td><td>retail.sale_v1/CREATED</td>");
    assertThat(dom).contains("<td>retail.sale_v1</td>");
    assertThat(dom).contains("<td>store migration</td>");
    assertThat(dom).contains("class=\"band\"");
    // the only series with events has the only card; every other series is folded into one line
    String cards = dom.substring(0, dom.indexOf("id=\"learning\""));
    assertThat(
            Pattern.compile("<div class=\"card\" data-series=\"([^\"]+)\"")
                .matcher(cards)
                .results())
        .extracting(m -> m.group(1))
        .containsExactly("retail.sale_v1/CREATED");
    long learning = learningSeriesOfTheContract();
    assertThat(dom)
        .contains(
            "<summary><span id=\"learning-summary\">"
                + learning
                + " series learning, no events yet: energy.installation_v1/CREATED,"
                + " energy.installation_v1/DELETED, energy.installation_v1/SNAPSHOT and "
                + (learning - 3)
                + " more</span> <span class=\"toggle\">(show)</span></summary>");
    HeadlessChromium.screenshot(dir, Path.of("target", "status-page.png"), "1280,900", url);
  }

  /** Series of the last evaluation other than the one with events. */
  private static long learningSeriesOfTheContract() throws Exception {
    String series = send("GET", "/api/series", null, null).body();
    return Pattern.compile("\"state\":\"LEARNING\"").matcher(series).results().count();
  }
}
