package io.entityflow.pipelines.pubsub;

import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The on-disk journal of one subscription's local read: every pulled batch is written to its own
 * file and forced to disk before Pub/Sub is told to forget it, and the file is deleted once every
 * message of it is staged in the warehouse. After a crash, the files left behind hold exactly the
 * acknowledged messages whose rows may not be staged; the next read emits them again.
 *
 * <pre>{@code
 * PullJournal journal = PullJournal.in(Path.of(".entityflow/warehouse/.journal/sale_v1_pipeline"));
 * String file = journal.write(messages);     // durable when it returns; now acknowledge
 * for (String orphan : journal.claimOrphans()) { journal.read(orphan); ... }
 * journal.delete(file);                      // once every message of it is staged
 * }</pre>
 *
 * <p>Files are named {@code <pid>-<sequence>.pull}: a file of a process that is no longer alive is
 * an orphan, claimed by renaming it to the claiming process's pid (an atomic rename, so one claimer
 * wins). A crash while a file is written leaves a {@code .tmp} file whose messages were never
 * acknowledged (Pub/Sub delivers them again); claiming deletes it. Thread-safe.
 */
public final class PullJournal {
  static final String SUFFIX = ".pull";
  private static final String TEMPORARY = ".tmp";
  private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() * 1000);

  private final Path directory;
  private final long pid = ProcessHandle.current().pid();

  private PullJournal(Path directory) {
    this.directory = directory;
  }

  /** The journal in {@code directory} (created on the first write). */
  public static PullJournal in(Path directory) {
    return new PullJournal(directory.toAbsolutePath().normalize());
  }

  /** The directory. */
  public Path directory() {
    return directory;
  }

  /** Writes {@code messages} to a new file, durably; returns the file's name. */
  public String write(List<PubsubMessage> messages) {
    return write(PulledBatchCoder.toResponse(messages).toByteArray());
  }

  /**
   * Writes a serialized {@code PullResponse}, as received from Pub/Sub (its acknowledgement ids
   * too, which a later read ignores), to a new file, durably; returns the file's name. {@link
   * #read} parses it.
   */
  public String write(byte[] bytes) {
    String name = pid + "-" + SEQUENCE.incrementAndGet() + SUFFIX;
    Path temporary = directory.resolve(name + TEMPORARY);
    Path target = directory.resolve(name);
    try {
      Files.createDirectories(directory);
      try (FileChannel channel =
          FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(false);
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      forceDirectory();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the pull journal file " + target, e);
    }
    return name;
  }

  /** The messages of a journal file. */
  public List<PubsubMessage> read(String name) {
    Path file = directory.resolve(name);
    try {
      return PulledBatchCoder.fromResponse(PullResponse.parseFrom(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the pull journal file " + file, e);
    }
  }

  /** Deletes a journal file whose messages are all staged. */
  public void delete(String name) {
    Path file = directory.resolve(name);
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the pull journal file " + file, e);
    }
  }

  /**
   * Claims the files of processes that are no longer alive (oldest first) and deletes their
   * unfinished {@code .tmp} files; returns the claimed files' new names.
   */
  public List<String> claimOrphans() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the pull journal " + directory, e);
    }
    List<String> claimed = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      long owner = owner(name);
      if (owner < 0 || owner == pid || ProcessHandle.of(owner).isPresent()) {
        continue;
      }
      try {
        if (name.endsWith(TEMPORARY)) {
          Files.deleteIfExists(file);
          continue;
        }
        String mine = pid + "-" + SEQUENCE.incrementAndGet() + SUFFIX;
        Files.move(file, directory.resolve(mine), StandardCopyOption.ATOMIC_MOVE);
        claimed.add(mine);
      } catch (NoSuchFileException e) {
        // claimed by another reader at the same time
      } catch (AtomicMoveNotSupportedException e) {
        throw new IllegalStateException(
            "the pull journal " + directory + " is on a file system without atomic renames", e);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot claim the pull journal file " + file, e);
      }
    }
    return claimed;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PullJournal that && directory.equals(that.directory);
  }

  @Override
  public int hashCode() {
    return directory.hashCode();
  }

  @Override
  public String toString() {
    return "PullJournal(" + directory + ")";
  }

  private static long owner(String name) {
    int dash = name.indexOf('-');
    if (dash <= 0 || !(name.endsWith(SUFFIX) || name.endsWith(SUFFIX + TEMPORARY))) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(0, dash));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void forceDirectory() throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
