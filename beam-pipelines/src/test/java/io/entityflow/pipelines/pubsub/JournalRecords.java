package io.entityflow.pipelines.pubsub;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a pull journal directory holds on disk, read the way a restarted read claims it: the live
 * records of its segments ({@code <segment>@<offset>}, whole and not released) and any file of one
 * pull. For tests that check that nothing is left to replay.
 *
 * <pre>{@code
 * assertThat(JournalRecords.live(warehouse.resolve(".journal"))).isEmpty();
 * }</pre>
 */
public final class JournalRecords {
  private JournalRecords() {}

  /** The live records and one-pull files under {@code directory} (recursively), sorted. */
  public static List<String> live(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    List<String> live = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (!name.endsWith(JournalSegments.SUFFIX)) {
        live.add(name);
        continue;
      }
      ByteBuffer segment = ByteBuffer.wrap(Files.readAllBytes(file));
      while (segment.remaining() >= JournalSegments.HEADER_BYTES) {
        int offset = segment.position();
        int magic = segment.getInt();
        int length = segment.getInt();
        segment.getInt(); // checksum
        if ((magic != JournalSegments.LIVE && magic != JournalSegments.DONE)
            || length < 0
            || length > segment.remaining()) {
          break;
        }
        if (magic == JournalSegments.LIVE) {
          live.add(name + '@' + offset);
        }
        segment.position(segment.position() + length);
      }
    }
    return live;
  }
}
