package io.entityflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressRateTest {
  private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

  @TempDir Path home;

  private static ProgressReport report(long sales, long customers, long deadLetters) {
    Map<String, Long> rows = new TreeMap<>();
    if (sales > 0) {
      rows.put("retail.sale_v1", sales);
    }
    if (customers > 0) {
      rows.put("retail.customer_v1", customers);
    }
    return new ProgressReport(rows, deadLetters);
  }

  @Test
  void firstLineHasNoRateAndTheBacklogOfAnEmptyWarehouse() {
    ProgressRate rate = new ProgressRate(0);

    assertThat(rate.line(report(0, 0, 0), T0, OptionalLong.of(1250)))
        .isEqualTo("rows: none yet | dead letters: 0 | landed n/a events/s | backlog 1,250 events");
  }

  @Test
  void secondLineDividesRowsAndDeadLettersLandedSinceTheFirstByTheSecondsBetween() {
    ProgressRate rate = new ProgressRate(0);
    rate.line(report(1000, 200, 0), T0, OptionalLong.of(1500));

    assertThat(rate.line(report(30_000, 5_840, 10), T0.plusSeconds(15), OptionalLong.of(37_200)))
        .isEqualTo(
            "rows: retail.customer_v1=5840 retail.sale_v1=30000 | dead letters: 10"
                + " | landed 2,310 events/s | backlog 1,350 events");
  }

  @Test
  void rateBelowTenHasOneDecimal() {
    ProgressRate rate = new ProgressRate(0);
    rate.line(report(100, 0, 0), T0, OptionalLong.of(100));

    assertThat(rate.line(report(121, 0, 0), T0.plusSeconds(15), OptionalLong.of(121)))
        .isEqualTo(
            "rows: retail.sale_v1=121 | dead letters: 0 | landed 1.4 events/s | backlog 0 events");
    assertThat(rate.line(report(121, 0, 0), T0.plusSeconds(30), OptionalLong.of(125)))
        .isEqualTo(
            "rows: retail.sale_v1=121 | dead letters: 0 | landed 0.0 events/s | backlog 4 events");
  }

  @Test
  void moreLandedThanPublishedShowsBacklogZeroNotNegative() {
    ProgressRate rate = new ProgressRate(0);

    assertThat(rate.line(report(1_010, 0, 2), T0, OptionalLong.of(1_000)))
        .isEqualTo(
            "rows: retail.sale_v1=1010 | dead letters: 2 | landed n/a events/s | backlog 0 events");
  }

  @Test
  void unknownPublishedCountSaysBacklogUnknown() {
    ProgressRate rate = new ProgressRate(0);

    assertThat(rate.line(report(5, 0, 0), T0, OptionalLong.empty()))
        .isEqualTo(
            "rows: retail.sale_v1=5 | dead letters: 0 | landed n/a events/s | backlog unknown");
  }

  @Test
  void continuedRunSubtractsWhatHadLandedBeforeItStarted() {
    ProgressRate rate = new ProgressRate(50_000);

    assertThat(rate.line(report(50_400, 0, 0), T0, OptionalLong.of(1_400)))
        .isEqualTo(
            "rows: retail.sale_v1=50400 | dead letters: 0 | landed n/a events/s | backlog 1,000 events");
  }

  @Test
  void publishedCountIsReadFromTheDemoServicesFile() throws Exception {
    Path file = home.resolve("demo-published.properties");
    assertThat(ProgressRate.published(file)).isEmpty();

    Files.writeString(
        file,
        "# events Pub/Sub confirmed to the demo service's publisher, rewritten every 2 s\n"
            + "published=1250\n"
            + "published.customer_v1=130\n"
            + "published.sale_v1=1120\n"
            + "failed=0\n"
            + "outstanding=3\n");
    assertThat(ProgressRate.published(file)).hasValue(1250);

    Files.writeString(file, "failed=0\npublished=many\n");
    assertThat(ProgressRate.published(file)).isEmpty();
  }
}
