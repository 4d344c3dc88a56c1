package io.entityflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.testing.PubSubEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code entityflow demo} run twice in the same data home, exactly as the launcher runs it (the
 * whole stack with the demo service, the alerting service's own scheduler and the demo's rules),
 * the first run placed on the previous UTC day as when a user comes back after midnight. The second
 * run must be as quiet as a first run until its planned outage.
 */
class DemoRerunIT {
  /**
   * Simulated time the second run is watched for after its stack is ready: 3 pending-for windows.
   */
  private static final Duration WATCHED = Duration.ofMinutes(30);

  @Test
  void secondDemoAfterMidnightInTheSameHomeSendsNoNotificationBeforeItsOutage() throws Exception {
    Path repository = Path.of("..").toAbsolutePath().normalize();
    LocalHome home =
        new LocalHome(repository, Files.createTempDirectory("entityflow-demo-rerun-it"));
    try (PubSubEmulator emulator = PubSubEmulator.startDedicated()) {
      Instant firstStart = Instant.now();
      DemoRunPlan fresh = DemoRunPlan.decide(home, false, firstStart);
      DemoTimeline yesterday =
          DemoTimeline.startingOn(
              firstStart.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1), firstStart);
      DemoRunPlan first =
          new DemoRunPlan(
              yesterday, yesterday.historyStart(), fresh.moved(), null, fresh.announcement());
      try (DemoRun run =
          DemoRun.start(home, first, DemoRun.ANY_PORT, false, emulator, System.out)) {
        assertThat(run.deadChildren()).isEmpty();
      }
      // a new ./entityflow demo starts a new emulator
      emulator.kill();
      emulator.restart();

      Instant secondStart = Instant.now();
      DemoRunPlan second = DemoRunPlan.decide(home, false, secondStart);
      Path moved = second.moveTo();
      assertThat(second.announcement())
          .isEqualTo(
              "entityflow demo: fresh demo; the previous run moved to "
                  + moved
                  + " (use --continue to resume its timeline instead)");
      try (DemoRun run =
          DemoRun.start(home, second, DemoRun.ANY_PORT, false, emulator, System.out)) {
        Instant watchedUntil = second.timeline().at(Instant.now()).plus(WATCHED);
        while (second.timeline().at(Instant.now()).isBefore(watchedUntil)) {
          assertThat(run.deadChildren()).isEmpty();
          assertThat(notifications(home)).as("notifications of the second run").isEmpty();
          Thread.sleep(1000);
        }
        assertThat(notifications(home)).as("notifications of the second run").isEmpty();
      }
      assertThat(moved.resolve("warehouse")).isDirectory();
      assertThat(TimelineRecord.read(moved.resolve("demo-timeline.properties")).orElseThrow())
          .extracting(TimelineRecord::historyStart)
          .isEqualTo(yesterday.historyStart());
    }
  }

  /** The notifications the alerting service sent (its webhook log, one JSON per line). */
  private static List<String> notifications(LocalHome home) throws IOException {
    return Files.isRegularFile(home.webhookLog())
        ? Files.readAllLines(home.webhookLog())
        : List.of();
  }
}
