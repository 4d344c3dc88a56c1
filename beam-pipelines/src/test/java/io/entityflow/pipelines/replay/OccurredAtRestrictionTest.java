package io.entityflow.pipelines.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OccurredAtRestrictionTest {
  @Test
  void rangeBecomesCanonicalTimestampLiteralsOnThePartitioningColumn() {
    assertThat(
            OccurredAtRestriction.of(
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00.25Z")))
        .isEqualTo(
            "occurred_at >= TIMESTAMP '2026-11-01 00:00:00.000000+00:00'"
                + " AND occurred_at < TIMESTAMP '2026-11-02 00:00:00.250000+00:00'");
  }

  @Test
  void subMicrosecondBoundsRoundUpSoThatExactlyTheStoredValuesOfTheRangeMatch() {
    assertThat(
            OccurredAtRestriction.of(
                Instant.parse("2026-11-01T10:00:00.000000001Z"),
                Instant.parse("2026-11-01T10:00:00.000001999Z")))
        .isEqualTo(
            "occurred_at >= TIMESTAMP '2026-11-01 10:00:00.000001+00:00'"
                + " AND occurred_at < TIMESTAMP '2026-11-01 10:00:00.000002+00:00'");
  }
}
