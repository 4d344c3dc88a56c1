package io.entityflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@code entityflow demo} does with the data home before it starts: a fresh demo (the default)
 * moves the previous run's data to {@code .entityflow/previous/<UTC time>} (removing the run kept
 * there before, so at most one previous run is kept) and starts a new timeline with eight days of
 * history; {@code --continue} keeps the data and resumes the previous run's simulated clock where
 * it stopped, publishing no history. Either way a run never mixes two timelines, which would read
 * as silences (a gap) or doubled counts (overlapping history) to the alerting service.
 *
 * <pre>{@code
 * DemoRunPlan plan = DemoRunPlan.decide(home, false, Instant.now());
 * out.println(plan.announcement()); // "entityflow demo: fresh demo; the previous run moved to ..."
 * plan.apply(home);
 * }</pre>
 *
 * @param timeline the clock of the new run
 * @param historyStart the first simulated instant of the data the run adds to (its own history for
 *     a fresh run, the first run's history for a continued one)
 * @param moved the previous run's entries of the home that {@link #apply} moves (none to continue)
 * @param moveTo the directory {@link #apply} moves them to
 * @param announcement the one line telling the user what happens
 */
public record DemoRunPlan(
    DemoTimeline timeline,
    Instant historyStart,
    List<Path> moved,
    Path moveTo,
    String announcement) {
  private static final DateTimeFormatter RUN_NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /**
   * Decides how a demo started at {@code now} uses {@code home}; changes nothing on disk.
   *
   * @throws IllegalArgumentException when {@code continueTimeline} is set but no previous run
   *     recorded its timeline
   */
  public static DemoRunPlan decide(LocalHome home, boolean continueTimeline, Instant now) {
    if (continueTimeline) {
      TimelineRecord previous =
          TimelineRecord.read(home.timelineFile())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "--continue: no previous demo timeline in "
                              + home.timelineFile()
                              + "; run './entityflow demo' without --continue for a fresh demo"));
      DemoTimeline timeline = DemoTimeline.continuing(previous.simulatedEnd(), now);
      return new DemoRunPlan(
          timeline,
          previous.historyStart(),
          List.of(),
          null,
          "entityflow demo: continuing the demo timeline at "
              + timeline.start()
              + " (data since "
              + previous.historyStart()
              + " stays in "
              + shown(home, home.home())
              + "; no history is published again)");
    }
    DemoTimeline timeline = DemoTimeline.startingNear(now);
    List<Path> moved = home.runEntries().stream().filter(Files::exists).toList();
    if (moved.isEmpty()) {
      return new DemoRunPlan(
          timeline,
          timeline.historyStart(),
          moved,
          null,
          "entityflow demo: fresh demo in "
              + shown(home, home.home())
              + "; simulated clock from "
              + timeline.start()
              + " after "
              + timeline.history().toDays()
              + " days of history");
    }
    Path moveTo = home.previousRuns().resolve(RUN_NAME.format(now));
    return new DemoRunPlan(
        timeline,
        timeline.historyStart(),
        moved,
        moveTo,
        "entityflow demo: fresh demo; the previous run moved to "
            + shown(home, moveTo)
            + (moved.contains(home.timelineFile())
                ? " (use --continue to resume its timeline instead)"
                : ""));
  }

  /**
   * Moves the previous run's entries to {@link #moveTo()}, after deleting the run kept in {@link
   * LocalHome#previousRuns()} before; does nothing when nothing is to be moved.
   */
  public void apply(LocalHome home) {
    if (moved.isEmpty()) {
      return;
    }
    try {
      deleteRecursively(home.previousRuns());
      Files.createDirectories(moveTo);
      for (Path entry : moved) {
        Files.move(entry, moveTo.resolve(entry.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot move the previous demo run from " + home.home() + " to " + moveTo, e);
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** {@code path} relative to the repository when it lies inside it, else absolute. */
  private static String shown(LocalHome home, Path path) {
    return path.startsWith(home.repository())
        ? home.repository().relativize(path).toString()
        : path.toString();
  }
}
