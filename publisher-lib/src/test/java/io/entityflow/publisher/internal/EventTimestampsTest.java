package io.entityflow.publisher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventTimestampsTest {

  @Test
  void formatsEveryFractionLengthExactlyLikeInstantToString() {
    assertThat(EventTimestamps.format(Instant.parse("2026-11-23T04:11:12Z")))
        .isEqualTo("2026-11-23T04:11:12Z");
    assertThat(EventTimestamps.format(Instant.parse("2026-11-23T04:11:12.500Z")))
        .isEqualTo("2026-11-23T04:11:12.500Z");
    assertThat(EventTimestamps.format(Instant.parse("2026-11-23T04:11:12.000120Z")))
        .isEqualTo("2026-11-23T04:11:12.000120Z");
    assertThat(EventTimestamps.format(Instant.parse("2026-11-23T04:11:12.000000007Z")))
        .isEqualTo("2026-11-23T04:11:12.000000007Z");
  }

  @Test
  void secondsOutsideTheFourDigitYearsFallBackToInstantToString() {
    Instant far = Instant.parse("+12026-01-01T00:00:00.001Z");
    Instant early = Instant.parse("-0001-12-31T23:59:59Z");
    assertThat(EventTimestamps.format(far)).isEqualTo("+12026-01-01T00:00:00.001Z");
    assertThat(EventTimestamps.format(early)).isEqualTo("-0001-12-31T23:59:59Z");
    assertThat(EventTimestamps.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
  }

  @Test
  void agreesWithInstantToStringOnRandomInstantsAcrossTheCachedSecond() {
    SplittableRandom random = new SplittableRandom(42);
    long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 20_000; i++) {
      long second = i % 2 == 0 ? 1_795_000_000L + random.nextInt(3) : random.nextLong(min, max);
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant instant = Instant.ofEpochSecond(second, nanos);
      assertThat(EventTimestamps.format(instant)).isEqualTo(instant.toString());
    }
  }
}
