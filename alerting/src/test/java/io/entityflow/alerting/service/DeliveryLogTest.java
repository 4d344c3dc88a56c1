package io.entityflow.alerting.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.alerting.notify.DeliveryResult;
import io.entityflow.alerting.notify.NotificationKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryLogTest {
  private static DeliveryResult result(String channel, String key, boolean delivered, int at) {
    return new DeliveryResult(
        channel,
        key,
        NotificationKind.FIRING,
        delivered,
        delivered ? 1 : 4,
        delivered ? null : channel + ": HTTP 503",
        Instant.parse("2026-01-19T00:30:00Z").plusSeconds(at));
  }

  @Test
  void eachResultIsCountedOnceByChannelAndResultAndTheLatestPerChannelIsKept() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    DeliveryLog log = new DeliveryLog(meters);

    log.accept(result("slack", "ef-1", false, 0));
    log.accept(result("email", "ef-1", true, 1));
    log.accept(result("slack", "ef-1", false, 2));
    log.accept(result("slack", "ef-2", true, 3));

    assertThat(meters.counter(DeliveryLog.METRIC, "channel", "slack", "result", "failed").count())
        .isEqualTo(2.0);
    assertThat(
            meters.counter(DeliveryLog.METRIC, "channel", "slack", "result", "delivered").count())
        .isEqualTo(1.0);
    assertThat(
            meters.counter(DeliveryLog.METRIC, "channel", "email", "result", "delivered").count())
        .isEqualTo(1.0);
    assertThat(meters.find(DeliveryLog.METRIC).counters()).hasSize(3);
    assertThat(log.latest())
        .containsExactly(result("slack", "ef-2", true, 3), result("email", "ef-1", true, 1));
  }
}
