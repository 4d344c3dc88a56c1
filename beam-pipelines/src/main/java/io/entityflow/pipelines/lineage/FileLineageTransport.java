package io.entityflow.pipelines.lineage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends each run event as one line of JSON to a file (JSON lines), creating the file and its
 * directory when needed; local mode writes {@code .entityflow/lineage/events.jsonl}.
 *
 * <pre>{@code
 * new FileLineageTransport(Path.of(".entityflow/lineage/events.jsonl")).send(json);
 * }</pre>
 *
 * <p>Guarantees: earlier lines are kept; each event is one line (line breaks in it are escaped by
 * JSON); appends from this process do not interleave.
 */
public final class FileLineageTransport implements LineageTransport {
  private final Path file;

  /** Appends to {@code file}. */
  public FileLineageTransport(Path file) {
    this.file = file;
  }

  @Override
  public synchronized void send(String json) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(
        file,
        json + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  @Override
  public String target() {
    return file.toString();
  }
}
