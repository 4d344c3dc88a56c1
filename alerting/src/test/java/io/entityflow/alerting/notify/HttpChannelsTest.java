package io.entityflow.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpChannelsTest {
  static final Notification FIRING =
      new Notification(
          "ef-0123456789abcdef",
          NotificationKind.FIRING,
          false,
          "default",
          "retail.sale_v1/CREATED",
          "SILENCE",
          "No CREATED events of retail.sale_v1 since 2026-01-18T23:59:00Z (31m)",
          0,
          31.04,
          Instant.parse("2026-01-19T00:30:00Z"),
          Instant.parse("2026-01-19T00:30:00Z"),
          List.of());
  static final Notification RESOLVED =
      new Notification(
          "ef-0123456789abcdef",
          NotificationKind.RESOLVED,
          false,
          "default",
          "retail.sale_v1/CREATED",
          "SILENCE",
          "No CREATED events of retail.sale_v1 since 2026-01-18T23:59:00Z (31m)",
          0,
          31.04,
          Instant.parse("2026-01-19T00:30:00Z"),
          Instant.parse("2026-01-19T00:45:00Z"),
          List.of());

  private RecordingHttpServer server;
  private final List<Long> sleeps = new ArrayList<>();
  private final List<DeliveryResult> reported = new ArrayList<>();
  private final HttpJsonPoster poster = new HttpJsonPoster(Duration.ofSeconds(5));

  @BeforeEach
  void start() throws Exception {
    server = new RecordingHttpServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private NotificationDispatcher dispatcher(NotificationChannel channel) {
    return new NotificationDispatcher(
        List.of(channel),
        4,
        Duration.ofSeconds(1),
        sleeps::add,
        reported::add,
        Clock.fixed(Instant.parse("2026-01-19T00:30:01Z"), ZoneOffset.UTC));
  }

  @Test
  void slackHonoursRetryAfterOn429AndSendsTheExactText() {
    server.enqueue(429, Map.of("Retry-After", "3"));
    List<DeliveryResult> results =
        dispatcher(new SlackChannel("slack", server.uri("/services/T/B/secret"), poster))
            .dispatch(List.of(FIRING));
    assertThat(sleeps).containsExactly(3000L);
    assertThat(results)
        .containsExactly(
            new DeliveryResult(
                "slack",
                "ef-0123456789abcdef",
                NotificationKind.FIRING,
                true,
                2,
                null,
                Instant.parse("2026-01-19T00:30:01Z")));
    assertThat(reported).isEqualTo(results);
    assertThat(server.requests()).hasSize(2);
    assertThat(server.requests().get(1).body())
        .isEqualTo(
            "{\"text\":\":red_circle: *[FIRING] SILENCE retail.sale_v1/CREATED*\\nNo CREATED"
                + " events of retail.sale_v1 since 2026-01-18T23:59:00Z (31m)\\ndedup key"
                + " `ef-0123456789abcdef`\"}");
  }

  private NotificationDispatcher dispatcher(
      NotificationChannel channel, int maxAttempts, Duration backoff, Duration maxRetryWait) {
    return new NotificationDispatcher(
        List.of(channel),
        maxAttempts,
        backoff,
        maxRetryWait,
        sleeps::add,
        reported::add,
        Clock.fixed(Instant.parse("2026-01-19T00:30:01Z"), ZoneOffset.UTC));
  }

  @Test
  void retryAfterLongerThanTheCapGivesTheAttemptUpInsteadOfSleeping() {
    server.enqueue(429, Map.of("Retry-After", "120"));
    List<DeliveryResult> results =
        dispatcher(
                new SlackChannel("slack", server.uri("/services/T/B/secret"), poster),
                4,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30))
            .dispatch(List.of(FIRING));
    assertThat(sleeps).isEmpty();
    assertThat(server.requests()).hasSize(1);
    assertThat(results)
        .containsExactly(
            new DeliveryResult(
                "slack",
                "ef-0123456789abcdef",
                NotificationKind.FIRING,
                false,
                1,
                "channel 'slack' asked to retry after PT2M (Retry-After), longer than"
                    + " max-retry-wait PT30S: given up until the next evaluation; last error:"
                    + " slack: HTTP 429",
                Instant.parse("2026-01-19T00:30:01Z")));
    assertThat(reported).isEqualTo(results);
  }

  @Test
  void retryAfterEqualToTheCapIsWaited() {
    server.enqueue(429, Map.of("Retry-After", "30"));
    List<DeliveryResult> results =
        dispatcher(
                new SlackChannel("slack", server.uri("/hook"), poster),
                4,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30))
            .dispatch(List.of(FIRING));
    assertThat(sleeps).containsExactly(30_000L);
    assertThat(results.get(0).delivered()).isTrue();
    assertThat(results.get(0).attempts()).isEqualTo(2);
  }

  @Test
  void backoffStopsGrowingAtTheCap() {
    for (int i = 0; i < 6; i++) {
      server.enqueue(503, Map.of());
    }
    List<DeliveryResult> results =
        dispatcher(
                new SlackChannel("slack", server.uri("/hook"), poster),
                6,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30))
            .dispatch(List.of(FIRING));
    assertThat(sleeps).containsExactly(10_000L, 20_000L, 30_000L, 30_000L, 30_000L);
    assertThat(results.get(0).attempts()).isEqualTo(6);
    assertThat(results.get(0).error()).isEqualTo("slack: HTTP 503");
  }

  @Test
  void negativeCapIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                dispatcher(
                    new SlackChannel("slack", server.uri("/hook"), poster),
                    4,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max-retry-wait must be zero or positive, got PT-1S");
  }

  @Test
  void failuresAreRetriedWithDoublingBackoffThenReportedWithoutTheUrl() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(503, Map.of());
    }
    List<DeliveryResult> results =
        dispatcher(new SlackChannel("slack", server.uri("/services/T/B/secret"), poster))
            .dispatch(List.of(FIRING));
    assertThat(sleeps).containsExactly(1000L, 2000L, 4000L);
    assertThat(results.get(0).delivered()).isFalse();
    assertThat(results.get(0).attempts()).isEqualTo(4);
    assertThat(results.get(0).error()).isEqualTo("slack: HTTP 503");
  }

  @Test
  void clientErrorsAreNotRetried() {
    server.enqueue(400, Map.of());
    List<DeliveryResult> results =
        dispatcher(new SlackChannel("slack", server.uri("/hook"), poster))
            .dispatch(List.of(FIRING));
    assertThat(sleeps).isEmpty();
    assertThat(results.get(0).attempts()).isEqualTo(1);
    assertThat(results.get(0).error()).isEqualTo("slack: HTTP 400");
  }

  @Test
  void webhookSendsTheDocumentedJsonSignedWithHmacSha256() throws Exception {
    dispatcher(new WebhookChannel("webhook", server.uri("/hooks/ef"), "s3cret", poster))
        .dispatch(List.of(FIRING));
    RecordingHttpServer.Request request = server.requests().get(0);
    String expectedBody =
        "{\"version\":\"1\",\"status\":\"firing\",\"repeat\":false,"
            + "\"dedup_key\":\"ef-0123456789abcdef\",\"rule\":\"default\","
            + "\"series\":\"retail.sale_v1/CREATED\",\"condition\":\"SILENCE\","
            + "\"summary\":\"No CREATED events of retail.sale_v1 since 2026-01-18T23:59:00Z"
            + " (31m)\",\"observed\":0.0,\"expected\":31.0,"
            + "\"started_at\":\"2026-01-19T00:30:00Z\",\"sent_at\":\"2026-01-19T00:30:00Z\","
            + "\"previous_condition\":null,\"members\":[\"retail.sale_v1/CREATED\"],"
            + "\"history\":[]}";
    assertThat(request.body()).isEqualTo(expectedBody);
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(
            "s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String hex =
        java.util.HexFormat.of()
            .formatHex(mac.doFinal(expectedBody.getBytes(StandardCharsets.UTF_8)));
    assertThat(request.header("X-Entityflow-Signature")).isEqualTo("sha256=" + hex);
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void pagerDutyTriggersAndResolvesWithTheDedupKey() {
    NotificationDispatcher d =
        dispatcher(new PagerDutyChannel("pagerduty", server.uri("/v2/enqueue"), "R0UTING", poster));
    d.dispatch(List.of(FIRING, RESOLVED));
    List<RecordingHttpServer.Request> requests = server.requests();
    assertThat(requests)
        .extracting(RecordingHttpServer.Request::path)
        .containsExactly("/v2/enqueue", "/v2/enqueue");
    assertThat(requests.get(0).body())
        .isEqualTo(
            "{\"routing_key\":\"R0UTING\",\"dedup_key\":\"ef-0123456789abcdef\","
                + "\"event_action\":\"trigger\",\"payload\":{\"summary\":\"No CREATED events of"
                + " retail.sale_v1 since 2026-01-18T23:59:00Z (31m)\","
                + "\"source\":\"entityflow-alerting\",\"severity\":\"critical\","
                + "\"component\":\"retail.sale_v1/CREATED\",\"group\":\"default\","
                + "\"class\":\"SILENCE\",\"custom_details\":{\"observed\":0.0,\"expected\":31.0,"
                + "\"series\":[\"retail.sale_v1/CREATED\"],\"history\":[]}}}");
    assertThat(requests.get(1).body())
        .isEqualTo(
            "{\"routing_key\":\"R0UTING\",\"dedup_key\":\"ef-0123456789abcdef\","
                + "\"event_action\":\"resolve\"}");
  }

  @Test
  void escalationUpdatesTheOpenIncidentUnderItsDedupKeyAndEveryChannelShowsIt() {
    Instant fired = Instant.parse("2026-01-19T00:30:00Z");
    Instant escalated = Instant.parse("2026-01-19T00:52:00Z");
    Notification update =
        new Notification(
            "ef-0123456789abcdef",
            NotificationKind.UPDATED,
            false,
            "default",
            "retail.sale_v1/CREATED",
            "SILENCE",
            "retail.sale_v1/CREATED escalated from DROP to SILENCE: No CREATED events",
            0,
            31,
            fired,
            escalated,
            List.of(),
            "DROP",
            List.of("retail.sale_v1/CREATED"),
            List.of(
                new IncidentUpdate(fired, NotificationKind.FIRING, "DROP", "Fewer events"),
                new IncidentUpdate(
                    escalated, NotificationKind.UPDATED, "SILENCE", "escalated to SILENCE")));
    assertThat(update.title())
        .isEqualTo("[UPDATED] SILENCE retail.sale_v1/CREATED (escalated from DROP)");
    assertThat(update.pages()).isFalse();
    assertThat(SlackChannel.text(update))
        .isEqualTo(
            ":large_orange_circle: *[UPDATED] SILENCE retail.sale_v1/CREATED (escalated from"
                + " DROP)*\nretail.sale_v1/CREATED escalated from DROP to SILENCE: No CREATED"
                + " events\ndedup key `ef-0123456789abcdef`");
    assertThat(
            new PagerDutyChannel("pagerduty", server.uri("/v2/enqueue"), "R0UTING", poster)
                .body(update))
        .isEqualTo(
            "{\"routing_key\":\"R0UTING\",\"dedup_key\":\"ef-0123456789abcdef\","
                + "\"event_action\":\"trigger\",\"payload\":{\"summary\":\"retail.sale_v1/CREATED"
                + " escalated from DROP to SILENCE: No CREATED events\","
                + "\"source\":\"entityflow-alerting\",\"severity\":\"critical\","
                + "\"component\":\"retail.sale_v1/CREATED\",\"group\":\"default\","
                + "\"class\":\"SILENCE\",\"custom_details\":{\"observed\":0.0,\"expected\":31.0,"
                + "\"update\":\"retail.sale_v1/CREATED escalated from DROP to SILENCE: No CREATED"
                + " events\",\"previous_condition\":\"DROP\","
                + "\"series\":[\"retail.sale_v1/CREATED\"],"
                + "\"history\":[\"2026-01-19T00:30:00Z FIRING DROP: Fewer events\","
                + "\"2026-01-19T00:52:00Z UPDATED SILENCE: escalated to SILENCE\"]}}}");
    assertThat(WebhookPayload.json(update))
        .isEqualTo(
            "{\"version\":\"1\",\"status\":\"updated\",\"repeat\":false,"
                + "\"dedup_key\":\"ef-0123456789abcdef\",\"rule\":\"default\","
                + "\"series\":\"retail.sale_v1/CREATED\",\"condition\":\"SILENCE\","
                + "\"summary\":\"retail.sale_v1/CREATED escalated from DROP to SILENCE: No CREATED"
                + " events\",\"observed\":0.0,\"expected\":31.0,"
                + "\"started_at\":\"2026-01-19T00:30:00Z\",\"sent_at\":\"2026-01-19T00:52:00Z\","
                + "\"previous_condition\":\"DROP\",\"members\":[\"retail.sale_v1/CREATED\"],"
                + "\"history\":[{\"at\":\"2026-01-19T00:30:00Z\",\"kind\":\"firing\","
                + "\"condition\":\"DROP\",\"summary\":\"Fewer events\"},"
                + "{\"at\":\"2026-01-19T00:52:00Z\",\"kind\":\"updated\","
                + "\"condition\":\"SILENCE\",\"summary\":\"escalated to SILENCE\"}]}");
  }

  @Test
  void unconfiguredChannelNamedByARuleIsReportedNotDropped() {
    Notification toEmail =
        new Notification(
            FIRING.dedupKey(),
            FIRING.kind(),
            false,
            "signups",
            FIRING.seriesId(),
            FIRING.condition(),
            FIRING.summary(),
            0,
            1,
            FIRING.startedAt(),
            FIRING.at(),
            List.of("email"));
    List<DeliveryResult> results =
        dispatcher(new SlackChannel("slack", server.uri("/hook"), poster))
            .dispatch(List.of(toEmail));
    assertThat(results.get(0).delivered()).isFalse();
    assertThat(results.get(0).error())
        .isEqualTo("channel 'email' named by rule 'signups' is not configured; configured: slack");
  }
}
