package io.entityflow.alerting.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Persists alerts and API silences as one JSON file, written atomically (temporary file + rename),
 * so a restarted service knows what it already sent. With a null path it keeps state in memory only
 * (backtests, tests).
 *
 * <pre>{@code
 * StateStore store = new StateStore(Path.of(".entityflow/alerting-state.json"));
 * StateStore.Snapshot s = store.load();
 * }</pre>
 *
 * <p>Guarantees: a missing file is an empty state; an unreadable one fails loudly naming the file.
 */
public final class StateStore {
  private final Path file;
  private final ObjectMapper json;

  /** Creates a store; {@code file} may be null for memory only. */
  public StateStore(Path file) {
    this.file = file;
    this.json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);
  }

  /** The state file, or null. */
  public Path file() {
    return file;
  }

  /** Loads the state (empty when there is no file). */
  public Snapshot load() {
    if (file == null || !Files.exists(file)) {
      return new Snapshot(
          new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }
    try {
      Snapshot s = json.readValue(file.toFile(), Snapshot.class);
      return new Snapshot(
          s.alerts() == null ? new ArrayList<>() : new ArrayList<>(s.alerts()),
          s.silences() == null ? new ArrayList<>() : new ArrayList<>(s.silences()),
          s.incidents() == null ? new ArrayList<>() : new ArrayList<>(s.incidents()),
          s.learningGaps() == null ? new ArrayList<>() : new ArrayList<>(s.learningGaps()));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the alerting state file " + file + " (fix or move it away): " + e, e);
    }
  }

  /** Saves the state atomically. */
  public void save(Snapshot snapshot) {
    if (file == null) {
      return;
    }
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path temporary = dir.resolve("." + file.getFileName() + ".tmp");
      json.writeValue(temporary.toFile(), snapshot);
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the alerting state file " + file, e);
    }
  }

  /**
   * The persisted content.
   *
   * @param alerts the series' own alerts
   * @param silences silences created through the API
   * @param incidents incidents as notified (absent in files written before incidents existed)
   * @param learningGaps spans of past incidents and silences that must not teach baselines
   */
  public record Snapshot(
      List<AlertRecord> alerts,
      List<Silence> silences,
      List<AlertRecord> incidents,
      List<LearningGap> learningGaps) {
    /** A snapshot without incidents. */
    public Snapshot(List<AlertRecord> alerts, List<Silence> silences) {
      this(alerts, silences, new ArrayList<>(), new ArrayList<>());
    }
  }
}
