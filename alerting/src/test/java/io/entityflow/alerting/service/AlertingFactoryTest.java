package io.entityflow.alerting.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.entityflow.alerting.notify.DeliveryResult;
import io.entityflow.alerting.notify.Notification;
import io.entityflow.alerting.notify.NotificationDispatcher;
import io.entityflow.alerting.notify.NotificationKind;
import io.entityflow.alerting.warehouse.EventCountSource;
import io.entityflow.alerting.warehouse.LocalEventCountSource;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.contract.testing.OwnContract;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void theDispatchersListenerCountsEachResultAndKeepsTheLatestPerChannel(@TempDir Path dir) {
    try (ApplicationContext ctx =
        ApplicationContext.run(
            Map.of(
                "entityflow.alerting.scheduler.enabled", "false",
                "entityflow.alerting.state-file", "",
                "entityflow.alerting.local.root", dir.resolve("warehouse").toString(),
                "entityflow.alerting.notify.console.enabled", "false",
                "entityflow.alerting.notify.webhook-log.file",
                    dir.resolve("alerts.jsonl").toString()))) {
      NotificationDispatcher dispatcher = ctx.getBean(NotificationDispatcher.class);
      dispatcher.dispatch(
          List.of(
              notification("ef-1", Instant.parse("2026-01-19T00:30:00Z"), "webhook-log", "pager")));
      dispatcher.dispatch(
          List.of(notification("ef-2", Instant.parse("2026-01-19T00:31:00Z"), "webhook-log")));

      MeterRegistry meters = ctx.getBean(MeterRegistry.class);
      assertThat(count(meters, "webhook-log", "delivered")).isEqualTo(2.0);
      assertThat(count(meters, "webhook-log", "failed")).isEqualTo(0.0);
      assertThat(count(meters, "pager", "failed")).isEqualTo(1.0);
      assertThat(count(meters, "pager", "delivered")).isEqualTo(0.0);
      assertThat(ctx.getBean(AlertingService.class).deliveries())
          .extracting(
              DeliveryResult::channel,
              DeliveryResult::dedupKey,
              DeliveryResult::delivered,
              DeliveryResult::attempts,
              DeliveryResult::error)
          .containsExactly(
              tuple("webhook-log", "ef-2", true, 1, null),
              tuple(
                  "pager",
                  "ef-1",
                  false,
                  0,
                  "channel 'pager' named by rule 'default' is not configured; configured:"
                      + " webhook-log"));
    }
  }

  @Test
  void negativeMaxRetryWaitIsRefusedNamingTheKey() {
    try (ApplicationContext ctx =
        ApplicationContext.run(
            Map.of(
                "entityflow.alerting.scheduler.enabled", "false",
                "entityflow.alerting.state-file", "",
                "entityflow.alerting.notify.max-retry-wait", "PT-1S"))) {
      assertThatThrownBy(() -> ctx.getBean(NotificationDispatcher.class))
          .hasRootCauseMessage(
              "entityflow.alerting.notify.max-retry-wait must be zero or a positive ISO-8601"
                  + " duration such as PT30S, got PT-1S");
    }
  }

  private static double count(MeterRegistry meters, String channel, String result) {
    Counter counter =
        meters.find(DeliveryLog.METRIC).tags("channel", channel, "result", result).counter();
    return counter == null ? 0.0 : counter.count();
  }

  private static Notification notification(String dedupKey, Instant at, String... channels) {
    return new Notification(
        dedupKey,
        NotificationKind.FIRING,
        false,
        "default",
        "retail.sale_v1/CREATED",
        "SILENCE",
        "No CREATED events of retail.sale_v1 since 2026-01-18T23:59:00Z (31m)",
        0,
        31.0,
        at,
        at,
        List.of(channels));
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

  @Test
  void registryIsTheContractTheContractKeyNames(@TempDir Path dir) {
    Path contract = OwnContract.writeDescriptorSet(dir.resolve("contract.desc"));
    try (ApplicationContext ctx =
        ApplicationContext.run(
            Map.of(
                "entityflow.alerting.scheduler.enabled",
                "false",
                "entityflow.alerting.state-file",
                "",
                "entityflow.alerting.local.root",
                dir.resolve("warehouse").toString(),
                "entityflow.alerting.contract",
                contract.toString()))) {
      assertThat(ctx.getBean(EntityRegistry.class).entities())
          .extracting(EntityDefinition::fullName)
          .containsExactly(OwnContract.FULL_NAME);
    }
  }

  @Test
  void unreadableContractStopsTheStartNamingTheKeyTheValueAndTheReason(@TempDir Path dir)
      throws Exception {
    Path garbage =
        Files.writeString(dir.resolve("contract.desc"), "this is not a descriptor set\n");

    assertThatThrownBy(
            () ->
                ApplicationContext.run(
                        Map.of(
                            "entityflow.alerting.scheduler.enabled", "false",
                            "entityflow.alerting.state-file", "",
                            "entityflow.alerting.contract", garbage.toString()))
                    .close())
        .satisfies(
            e ->
                assertThat(causeOfType(e, IllegalArgumentException.class))
                    .hasMessage(
                        "entityflow.alerting.contract '"
                            + garbage
                            + "' cannot be loaded: "
                            + garbage
                            + " is not a binary FileDescriptorSet: Protocol message end-group"
                            + " tag did not match expected tag.; allowed: a binary descriptor set"
                            + " file, a directory of .proto files or a git ref, or unset for the"
                            + " contract on the classpath"));
  }

  private static Throwable causeOfType(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in the causes of " + e, e);
  }
}
