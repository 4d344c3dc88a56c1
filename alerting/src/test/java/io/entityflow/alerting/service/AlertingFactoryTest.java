package io.entityflow.alerting.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entityflow.alerting.notify.NotificationDispatcher;
import io.entityflow.alerting.warehouse.EventCountSource;
import io.entityflow.alerting.warehouse.LocalEventCountSource;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertingFactoryTest {
  @Test
  void configuredChannelsAreActiveInAFixedOrder() {
    try (ApplicationContext ctx =
        ApplicationContext.run(
            Map.of(
                "entityflow.alerting.scheduler.enabled", "false",
                "entityflow.alerting.state-file", "",
                "entityflow.alerting.notify.slack.webhook-url", "http://127.0.0.1:9/hook",
                "entityflow.alerting.notify.email.host", "127.0.0.1",
                "entityflow.alerting.notify.email.to", List.of("oncall@entityflow.test"),
                "entityflow.alerting.notify.pagerduty.routing-key", "R0UTING",
                "entityflow.alerting.notify.pagerduty.enabled", "false"))) {
      assertThat(ctx.getBean(NotificationDispatcher.class).channelNames())
          .containsExactly("console", "slack", "email");
      assertThat(ctx.getBean(EventCountSource.class)).isInstanceOf(LocalEventCountSource.class);
    }
  }

  @Test
  void compressedClockStartsAtTheConfiguredInstant() {
    try (ApplicationContext ctx =
        ApplicationContext.run(
            Map.of(
                "entityflow.alerting.scheduler.enabled", "false",
                "entityflow.alerting.state-file", "",
                "entityflow.alerting.clock-start", "2026-01-05T08:00:00Z",
                "entityflow.alerting.clock-speed", "3600"))) {
      Clock clock =
          ctx.getBean(Clock.class, io.micronaut.inject.qualifiers.Qualifiers.byName("alerting"));
      assertThat(clock).isInstanceOf(ScaledClock.class);
      Instant now = clock.instant();
      assertThat(now)
          .isBetween(Instant.parse("2026-01-05T08:00:00Z"), Instant.parse("2026-01-06T08:00:00Z"));
    }
  }

  @Test
  void anchoredClockReadsItsStartAtTheAnchorInstant() {
    Clock fixed = Clock.fixed(Instant.parse("2026-11-23T10:00:10Z"), java.time.ZoneOffset.UTC);
    ScaledClock clock =
        new ScaledClock(
            fixed,
            Instant.parse("2026-11-23T10:00:00Z"),
            Instant.parse("2026-11-20T08:00:00Z"),
            60);

    // 10 real seconds after the anchor at 60x: 10 simulated minutes after the start
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-20T08:10:00Z"));
  }

  @Test
  void badClockAnchorIsRefusedNamingTheKey() {
    try (ApplicationContext ctx =
        ApplicationContext.run(
            Map.of(
                "entityflow.alerting.scheduler.enabled", "false",
                "entityflow.alerting.state-file", "",
                "entityflow.alerting.clock-speed", "60",
                "entityflow.alerting.clock-anchor", "yesterday"))) {
      assertThatThrownBy(
              () ->
                  ctx.getBean(
                      Clock.class, io.micronaut.inject.qualifiers.Qualifiers.byName("alerting")))
          .hasMessageContaining(
              "entityflow.alerting.clock-anchor must be an RFC 3339 UTC instant such as"
                  + " 2026-01-05T08:00:00Z, got 'yesterday'");
    }
  }

  @Test
  void bigQueryWithoutProjectIsRefusedNamingTheKey() {
    try (ApplicationContext ctx =
        ApplicationContext.run(
            Map.of(
                "entityflow.alerting.scheduler.enabled", "false",
                "entityflow.alerting.warehouse", "bigquery"))) {
      assertThatThrownBy(() -> ctx.getBean(EventCountSource.class))
          .hasRootCauseMessage(
              "entityflow.alerting.bigquery.project is required when warehouse=bigquery");
    }
  }
}
