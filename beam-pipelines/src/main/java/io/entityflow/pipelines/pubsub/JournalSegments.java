package io.entityflow.pipelines.pubsub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * The segment files of one {@link PullJournal} directory in this JVM: pulls are appended as records
 * to a segment written full of zeros in advance, each forced to disk with one {@code fdatasync}
 * that changes no file metadata and so waits for no commit of the file system's journal (a file per
 * pull, created, renamed and its directory forced, took 1.1 ms median under load; see
 * BENCHMARKS.md).
 *
 * <p>A record is {@code [magic][length][CRC-32 of the bytes][bytes]}, named {@code
 * <segment>@<offset>}. Releasing a record (every message of it staged) overwrites its magic with
 * {@link #DONE}, not forced: after a crash a released record at worst comes back as duplicates. A
 * segment goes when no record of it is live and a newer one takes the writes. Reading a segment
 * stops at the first record that is not whole (zeros, a torn write, a bad checksum): a torn write
 * was never acknowledged, so Pub/Sub delivers its messages again.
 *
 * <pre>{@code
 * JournalSegments segments = JournalSegments.of(directory);
 * String record = segments.append(pullResponseBytes); // durable when it returns
 * segments.release(record);                          // once every message of it is staged
 * }</pre>
 *
 * <p>One instance per directory and JVM (the runner creates several readers of a subscription);
 * thread-safe.
 */
final class JournalSegments {
  static final String SUFFIX = ".segment";
  static final int SEGMENT_BYTES = 8 << 20;
  static final int LIVE = 0x45465052; // "EFPR"
  static final int DONE = 0x45465044; // "EFPD"
  static final int HEADER_BYTES = 12;
  private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() * 1000);
  private static final Map<Path, JournalSegments> BY_DIRECTORY = new ConcurrentHashMap<>();

  private final Path directory;
  private final long pid = ProcessHandle.current().pid();
  private final Map<String, FileChannel> open = new HashMap<>();
  private final Map<String, Integer> live = new HashMap<>();
  private String current;
  private long position;
  private long capacity;

  private JournalSegments(Path directory) {
    this.directory = directory;
  }

  /** The segments of {@code directory} (absolute, normalized) in this JVM. */
  static JournalSegments of(Path directory) {
    return BY_DIRECTORY.computeIfAbsent(directory, JournalSegments::new);
  }

  /** Whether {@code name} names a record of a segment. */
  static boolean isRecord(String name) {
    return name.indexOf('@') > 0;
  }

  /** Appends {@code bytes} as a record, forced to disk; returns the record's name. */
  synchronized String append(byte[] bytes) {
    int need = HEADER_BYTES + bytes.length;
    try {
      if (current == null || position + need > capacity) {
        roll(need);
      }
      ByteBuffer record = ByteBuffer.allocate(need);
      record.putInt(LIVE).putInt(bytes.length).putInt(crc(bytes)).put(bytes).flip();
      FileChannel channel = open.get(current);
      long at = position;
      while (record.hasRemaining()) {
        at += channel.write(record, at);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the pull journal in " + directory, e);
    }
    String name = current + '@' + position;
    position += need;
    live.merge(current, 1, Integer::sum);
    return name;
  }

  /** The bytes of the record {@code name}. */
  synchronized byte[] read(String name) {
    String segment = segmentOf(name);
    long offset = offsetOf(name);
    try {
      FileChannel channel = channel(segment);
      ByteBuffer header = readFully(channel, offset, HEADER_BYTES);
      int magic = header.getInt();
      int length = header.getInt();
      int crc = header.getInt();
      byte[] bytes =
          magic == LIVE && length >= 0 && offset + HEADER_BYTES + length <= channel.size()
              ? readFully(channel, offset + HEADER_BYTES, length).array()
              : null;
      if (bytes == null || crc(bytes) != crc) {
        throw new IOException("no whole live record at offset " + offset);
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the pull journal record " + name + " in " + directory, e);
    }
  }

  /** Marks the record {@code name} staged; deletes its segment when nothing of it is live. */
  synchronized void release(String name) {
    String segment = segmentOf(name);
    Integer count = live.get(segment);
    if (count == null) {
      return; // its segment is gone already
    }
    try {
      FileChannel channel = channel(segment);
      ByteBuffer done = ByteBuffer.allocate(4).putInt(DONE).flip();
      channel.write(done, offsetOf(name));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot mark the pull journal record " + name + " in " + directory + " staged", e);
    }
    live.put(segment, count - 1);
    if (count == 1 && !segment.equals(current)) {
      drop(segment);
    }
  }

  /**
   * Takes over the segment {@code name} (claimed from a process that is gone): returns the names of
   * its live records in order, or deletes it when it has none.
   */
  synchronized List<String> adopt(String name) {
    List<String> records = new ArrayList<>();
    try {
      FileChannel channel = channel(name);
      long size = channel.size();
      long offset = 0;
      while (offset + HEADER_BYTES <= size) {
        ByteBuffer header = readFully(channel, offset, HEADER_BYTES);
        int magic = header.getInt();
        int length = header.getInt();
        int crc = header.getInt();
        long end = offset + HEADER_BYTES + (long) length;
        if ((magic != LIVE && magic != DONE) || length < 0 || end > size) {
          break; // zeros after the last record, or a torn write
        }
        if (magic == LIVE) {
          if (crc(readFully(channel, offset + HEADER_BYTES, length).array()) != crc) {
            break; // torn: never acknowledged
          }
          records.add(name + '@' + offset);
        }
        offset = end;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the pull journal segment " + name + " in " + directory, e);
    }
    live.put(name, records.size());
    if (records.isEmpty()) {
      drop(name);
    }
    return records;
  }

  /** A new name of a segment of this process. */
  String newName() {
    return newName(SUFFIX);
  }

  /** A new name of a journal file of this process, {@code <pid>-<sequence><suffix>}. */
  String newName(String suffix) {
    return pid + "-" + SEQUENCE.incrementAndGet() + suffix;
  }

  private void roll(int need) throws IOException {
    String sealed = current;
    current = null;
    if (sealed != null && live.getOrDefault(sealed, 0) == 0) {
      drop(sealed);
    }
    String name = newName();
    long size = Math.max(SEGMENT_BYTES, need);
    Files.createDirectories(directory);
    FileChannel channel =
        FileChannel.open(
            directory.resolve(name),
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    open.put(name, channel);
    ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
    for (long at = 0; at < size; ) {
      zeros.clear().limit((int) Math.min(zeros.capacity(), size - at));
      at += channel.write(zeros, at);
    }
    channel.force(true);
    try (FileChannel directoryChannel = FileChannel.open(directory, StandardOpenOption.READ)) {
      directoryChannel.force(true);
    }
    live.put(name, 0);
    current = name;
    position = 0;
    capacity = size;
  }

  private void drop(String segment) {
    live.remove(segment);
    try {
      FileChannel channel = open.remove(segment);
      if (channel != null) {
        channel.close();
      }
      Files.deleteIfExists(directory.resolve(segment));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot delete the pull journal segment " + segment + " in " + directory, e);
    }
  }

  private FileChannel channel(String segment) throws IOException {
    FileChannel channel = open.get(segment);
    if (channel == null) {
      channel =
          FileChannel.open(
              directory.resolve(segment), StandardOpenOption.READ, StandardOpenOption.WRITE);
      open.put(segment, channel);
    }
    return channel;
  }

  private static ByteBuffer readFully(FileChannel channel, long offset, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, offset + buffer.position()) < 0) {
        throw new IOException("the segment ends within a record at offset " + offset);
      }
    }
    return buffer.flip();
  }

  private static String segmentOf(String name) {
    return name.substring(0, name.indexOf('@'));
  }

  private static long offsetOf(String name) {
    return Long.parseLong(name.substring(name.indexOf('@') + 1));
  }

  private static int crc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return (int) crc.getValue();
  }
}
