package io.entityflow.pipelines.bench;

import io.entityflow.pipelines.pubsub.PullJournal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Latency of one durable journal write of a pull, on the disk of the given directory: {@link
 * PullJournal#write(byte[])} (a record appended to a segment written full of zeros in advance, one
 * {@code fdatasync}) against a file per pull as the journal wrote it before (a temporary file,
 * forced, renamed, the directory forced). Prints median, p90 and p99 per way, in rounds that
 * alternate the two. Run by hand (see BENCHMARKS.md).
 *
 * <p>Arguments: directory (default a new temporary directory), writes per round (default 2,000),
 * rounds (default 3), bytes per pull (default 60,000: 100 Sale events with their attributes).
 */
public final class JournalWriteBenchmark {
  private JournalWriteBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    Path root =
        args.length > 0
            ? Files.createDirectories(Path.of(args[0]))
            : Files.createTempDirectory("journal-bench");
    int writes = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    byte[] pull = new byte[args.length > 3 ? Integer.parseInt(args[3]) : 60_000];
    new Random(42).nextBytes(pull);
    for (int round = 1; round <= rounds; round++) {
      Path segments = Files.createDirectories(root.resolve("segments-" + round));
      PullJournal journal = PullJournal.in(segments);
      long[] segment = new long[writes];
      for (int i = 0; i < writes; i++) {
        long start = System.nanoTime();
        String record = journal.write(pull);
        segment[i] = System.nanoTime() - start;
        journal.delete(record);
      }
      Path files = Files.createDirectories(root.resolve("files-" + round));
      long[] file = new long[writes];
      for (int i = 0; i < writes; i++) {
        long start = System.nanoTime();
        Path written = writeFile(files, i, pull);
        file[i] = System.nanoTime() - start;
        Files.delete(written);
      }
      print(round, "segment record", segment);
      print(round, "file per pull", file);
    }
    deleteTree(root);
  }

  /** A pull written as the journal wrote it before segments. */
  private static Path writeFile(Path directory, int sequence, byte[] bytes) throws IOException {
    Path temporary = directory.resolve(sequence + ".pull.tmp");
    Path target = directory.resolve(sequence + ".pull");
    try (FileChannel channel =
        FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
    }
    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
    return target;
  }

  private static void print(int round, String way, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "round %d %-15s median %.2f ms  p90 %.2f ms  p99 %.2f ms  (%d writes)%n",
        round,
        way,
        sorted[sorted.length / 2] / 1e6,
        sorted[sorted.length * 9 / 10] / 1e6,
        sorted[sorted.length * 99 / 100] / 1e6,
        sorted.length);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
