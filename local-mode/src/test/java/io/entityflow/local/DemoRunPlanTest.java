package io.entityflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoRunPlanTest {
  /** Just after midnight UTC: the day after a previous run. */
  private static final Instant NOW = Instant.parse("2026-12-06T00:30:00Z");

  private static LocalHome home(Path repository) {
    return new LocalHome(repository, repository.resolve(".entityflow"));
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Writes every entry a demo run leaves in the home, each with recognisable content. */
  private static void previousRun(LocalHome home) throws IOException {
    Files.createDirectories(home.warehouse().resolve("retail/sale_v1"));
    Files.writeString(home.warehouse().resolve("retail/sale_v1/part-1.parquet"), "rows");
    Files.createDirectories(home.logs());
    Files.writeString(home.logs().resolve("pipeline.log"), "log");
    Files.writeString(home.stateFile(), "pid.demo=999999999\n");
    Files.writeString(home.alertState(), "{}");
    Files.writeString(home.webhookLog(), "{\"status\":\"firing\"}\n");
    Files.writeString(home.alertRules(), "defaults:\n");
    new TimelineRecord(Instant.parse("2026-11-24T08:00:00Z"), Instant.parse("2026-12-02T09:30:00Z"))
        .write(home.timelineFile());
  }

  @Test
  void firstDemoInAnEmptyHomeStartsAtEightUtcThreeDaysAgoWithEightDaysOfHistory(
      @TempDir Path repository) {
    LocalHome home = home(repository);

    DemoRunPlan plan = DemoRunPlan.decide(home, false, NOW);

    assertThat(plan.timeline())
        .isEqualTo(
            new DemoTimeline(Instant.parse("2026-12-03T08:00:00Z"), NOW, 30, Duration.ofDays(8)));
    assertThat(plan.historyStart()).isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
    assertThat(plan.moved()).isEmpty();
    assertThat(plan.announcement())
        .isEqualTo(
            "entityflow demo: fresh demo in .entityflow; simulated clock from"
                + " 2026-12-03T08:00:00Z after 8 days of history");
    plan.apply(home);
    assertThat(repository.resolve(".entityflow")).doesNotExist();
  }

  @Test
  void freshDemoMovesThePreviousRunAsideAndKeepsOnlyThatOne(@TempDir Path repository)
      throws IOException {
    LocalHome home = home(repository);
    previousRun(home);
    Files.createDirectories(home.previousRuns().resolve("20261201T100000Z/warehouse"));
    Files.writeString(home.home().resolve("notes.txt"), "mine");

    DemoRunPlan plan = DemoRunPlan.decide(home, false, NOW);
    plan.apply(home);

    Path moved = home.previousRuns().resolve("20261206T003000Z");
    assertThat(plan.moveTo()).isEqualTo(moved);
    assertThat(plan.announcement())
        .isEqualTo(
            "entityflow demo: fresh demo; the previous run moved to"
                + " .entityflow/previous/20261206T003000Z (use --continue to resume its timeline"
                + " instead)");
    assertThat(names(home.home())).containsExactly("notes.txt", "previous");
    assertThat(names(home.previousRuns())).containsExactly("20261206T003000Z");
    assertThat(names(moved))
        .containsExactly(
            "alert-rules.yaml",
            "alerting-state.json",
            "demo-timeline.properties",
            "demo.properties",
            "logs",
            "notifications.jsonl",
            "warehouse");
    assertThat(moved.resolve("warehouse/retail/sale_v1/part-1.parquet")).hasContent("rows");
    assertThat(moved.resolve("notifications.jsonl")).hasContent("{\"status\":\"firing\"}");
    assertThat(plan.timeline().start()).isEqualTo(Instant.parse("2026-12-03T08:00:00Z"));
    assertThat(plan.timeline().history()).isEqualTo(Duration.ofDays(8));
  }

  @Test
  void freshDemoAfterARunWithoutATimelineDoesNotOfferToContinueIt(@TempDir Path repository)
      throws IOException {
    LocalHome home = home(repository);
    Files.createDirectories(home.warehouse());

    DemoRunPlan plan = DemoRunPlan.decide(home, false, NOW);

    assertThat(plan.moved()).containsExactly(home.warehouse());
    assertThat(plan.announcement())
        .isEqualTo(
            "entityflow demo: fresh demo; the previous run moved to"
                + " .entityflow/previous/20261206T003000Z");
  }

  @Test
  void continuedDemoStartsTheClockAtThePreviousRunsEndAndPublishesNoHistory(
      @TempDir Path repository) throws IOException {
    LocalHome home = home(repository);
    previousRun(home);

    DemoRunPlan plan = DemoRunPlan.decide(home, true, NOW);
    plan.apply(home);

    assertThat(plan.timeline())
        .isEqualTo(new DemoTimeline(Instant.parse("2026-12-02T09:30:00Z"), NOW, 30, Duration.ZERO));
    assertThat(plan.timeline().at(NOW.plusSeconds(120)))
        .isEqualTo(Instant.parse("2026-12-02T10:30:00Z"));
    assertThat(plan.historyStart()).isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
    assertThat(plan.moved()).isEmpty();
    assertThat(plan.announcement())
        .isEqualTo(
            "entityflow demo: continuing the demo timeline at 2026-12-02T09:30:00Z (data since"
                + " 2026-11-24T08:00:00Z stays in .entityflow; no history is published again)");
    assertThat(names(home.home()))
        .containsExactly(
            "alert-rules.yaml",
            "alerting-state.json",
            "demo-timeline.properties",
            "demo.properties",
            "logs",
            "notifications.jsonl",
            "warehouse");
    assertThat(AlertingSettings.demoService(plan.timeline(), true))
        .containsEntry("entityflow.demo.clock-start", "2026-12-02T09:30:00Z")
        .containsEntry("entityflow.demo.clock-anchor", "2026-12-06T00:30:00Z")
        .containsEntry("entityflow.demo.backfill", "PT0S");
  }

  @Test
  void continueWithoutARecordedTimelineIsRefusedNamingTheFile(@TempDir Path repository) {
    LocalHome home = home(repository);

    assertThatThrownBy(() -> DemoRunPlan.decide(home, true, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--continue: no previous demo timeline in "
                + home.timelineFile()
                + "; run './entityflow demo' without --continue for a fresh demo");
  }

  @Test
  void recordedTimelineWithABadEndNamesTheFileTheKeyAndTheValue(@TempDir Path repository)
      throws IOException {
    LocalHome home = home(repository);
    Files.createDirectories(home.home());
    Files.writeString(
        home.timelineFile(), "history-start=2026-11-24T08:00:00Z\nsimulated-end=yesterday\n");

    assertThatThrownBy(() -> DemoRunPlan.decide(home, true, NOW))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            home.timelineFile()
                + ": simulated-end must be an ISO-8601 instant such as 2026-11-17T09:30:00Z, got"
                + " 'yesterday'");
  }

  @Test
  void recordedTimelineReadsBackWhatWasWritten(@TempDir Path repository) {
    Path file = repository.resolve("demo-timeline.properties");
    TimelineRecord record =
        new TimelineRecord(
            Instant.parse("2026-11-24T08:00:00Z"), Instant.parse("2026-12-02T09:31:07.5Z"));

    record.write(file);

    assertThat(TimelineRecord.read(file)).contains(record);
  }
}
