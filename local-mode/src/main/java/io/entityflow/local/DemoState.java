package io.entityflow.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running {@code entityflow demo} records for {@code status} and {@code stop}: its own pid,
 * the children's pids, the emulator and the alerting port, in {@code .entityflow/demo.properties}.
 *
 * <pre>{@code
 * DemoState.read(home.stateFile()).ifPresent(s -> System.out.println(s.pids()));
 * }</pre>
 *
 * @param values the recorded keys and values
 */
public record DemoState(Map<String, String> values) {

  /** Writes the state. */
  public void write(Path file) {
    Properties properties = new Properties();
    properties.putAll(values);
    try {
      Files.createDirectories(file.getParent());
      try (Writer writer = Files.newBufferedWriter(file)) {
        properties.store(writer, "entityflow demo");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Reads the state, empty when no demo recorded one. */
  public static Optional<DemoState> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    properties.stringPropertyNames().stream()
        .sorted()
        .forEach(k -> values.put(k, properties.getProperty(k)));
    return Optional.of(new DemoState(values));
  }

  /** The pids recorded under {@code pid.<name>}, by name. */
  public Map<String, Long> pids() {
    Map<String, Long> pids = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith("pid.")) {
            pids.put(k.substring(4), Long.parseLong(v));
          }
        });
    return pids;
  }
}
