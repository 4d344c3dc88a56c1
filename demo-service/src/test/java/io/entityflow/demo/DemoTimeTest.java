package io.entityflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.entityflow.contract.Operation;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DemoTimeTest {

  @Test
  void simulatedClockRunsFasterFromItsAnchor() {
    java.time.Instant anchor = java.time.Instant.parse("2026-11-23T10:00:00Z");
    DemoClock clock = new DemoClock(java.time.Instant.parse("2026-11-16T08:00:00Z"), anchor, 60);

    assertThat(clock.at(anchor)).isEqualTo(java.time.Instant.parse("2026-11-16T08:00:00Z"));
    assertThat(clock.at(anchor.plusSeconds(120)))
        .isEqualTo(java.time.Instant.parse("2026-11-16T10:00:00Z"));
    assertThat(DemoClock.hourOfDay(java.time.Instant.parse("2026-11-16T22:30:00Z")))
        .isEqualTo(22.5);
  }

  @Test
  void nonPositiveClockSpeedIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> new DemoClock(java.time.Instant.EPOCH, java.time.Instant.EPOCH, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("entityflow.demo.clock-speed must be positive, got 0.0");
  }

  @Test
  void profileInterpolatesBetweenHours() {
    assertThat(DailyProfile.RETAIL.share(12.0)).isEqualTo(1.0);
    assertThat(DailyProfile.RETAIL.share(12.5)).isCloseTo(0.975, within(1e-9));
    assertThat(DailyProfile.RETAIL.share(23.5)).isCloseTo(0.075, within(1e-9));
  }

  @Test
  void outageCoversExactlyItsWindowAndKind() {
    OutageSchedule outage =
        new OutageSchedule("Sale", Operation.CREATED, Duration.ofMinutes(4), Duration.ofMinutes(3));

    assertThat(outage.suppresses("Sale", Operation.CREATED, Duration.ofMinutes(3))).isFalse();
    assertThat(outage.suppresses("Sale", Operation.CREATED, Duration.ofMinutes(4))).isTrue();
    assertThat(outage.suppresses("Sale", Operation.UPDATED, Duration.ofMinutes(5))).isFalse();
    assertThat(outage.suppresses("Customer", Operation.CREATED, Duration.ofMinutes(5))).isFalse();
    assertThat(outage.suppresses("Sale", Operation.CREATED, Duration.ofMinutes(7))).isFalse();
    assertThat(OutageSchedule.none().active(Duration.ofMinutes(5))).isFalse();
  }

  @Test
  void poissonDrawsHaveTheRequestedMean() {
    Random random = new Random(3);
    long sum = 0;
    for (int i = 0; i < 20_000; i++) {
      sum += PoissonSampler.sample(random, 2.5);
    }
    assertThat(sum / 20_000.0).isCloseTo(2.5, within(0.05));
    assertThatThrownBy(() -> PoissonSampler.sample(random, -1))
        .hasMessage("Poisson mean must be >= 0, got -1.0");
  }
}
