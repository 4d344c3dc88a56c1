package io.entityflow.pipelines.pubsub;

import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The on-disk journal of one subscription's local read: every pulled batch is appended as a record
 * to a segment file and forced to disk before Pub/Sub is told to forget it, and the record is
 * released once every message of it is staged in the warehouse ({@link JournalSegments}: a segment
 * goes once no record of it is live). After a crash, the live records left behind hold exactly the
 * acknowledged messages whose rows may not be staged; the next read emits them again.
 *
 * <pre>{@code
 * PullJournal journal = PullJournal.in(Path.of(".entityflow/warehouse/.journal/sale_v1_pipeline"));
 * String record = journal.write(pullResponseBytes); // durable when it returns; now acknowledge
 * for (String orphan : journal.claimOrphans()) { journal.read(orphan); ... }
 * journal.delete(record);                           // once every message of it is staged
 * }</pre>
 *
 * <p>Segments are named {@code <pid>-<sequence>.segment}, records {@code <segment>@<offset>}: a
 * segment of a process that is no longer alive is an orphan, claimed by renaming it to the claiming
 * process's pid (an atomic rename, so one claimer wins). Files of one pull each ({@code
 * <pid>-<sequence>.pull}, as earlier versions wrote them) are still claimed and read; a {@code
 * .tmp} file of such a version's torn write is deleted (its messages were never acknowledged).
 * Thread-safe.
 */
public final class PullJournal {
  static final String SUFFIX = ".pull";
  private static final String TEMPORARY = ".tmp";

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

  /** Appends {@code messages} to the journal, durably; returns the record's name. */
  public String write(List<PubsubMessage> messages) {
    return write(PulledBatchCoder.toResponse(messages).toByteArray());
  }

  /**
   * Appends a serialized {@code PullResponse}, as received from Pub/Sub (its acknowledgement ids
   * too, which a later read ignores), to the journal, durably; returns the record's name. {@link
   * #read} parses it.
   */
  public String write(byte[] bytes) {
    return JournalSegments.of(directory).append(bytes);
  }

  /** The messages of a journal record (or of a file of one pull). */
  public List<PubsubMessage> read(String name) {
    if (JournalSegments.isRecord(name)) {
      try {
        return PulledBatchCoder.fromResponse(
            PullResponse.parseFrom(JournalSegments.of(directory).read(name)));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot parse the pull journal record " + name + " in " + directory, e);
      }
    }
    Path file = directory.resolve(name);
    try {
      return PulledBatchCoder.fromResponse(PullResponse.parseFrom(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the pull journal file " + file, e);
    }
  }

  /** Releases a journal record (or deletes a file of one pull) whose messages are all staged. */
  public void delete(String name) {
    if (JournalSegments.isRecord(name)) {
      JournalSegments.of(directory).release(name);
      return;
    }
    Path file = directory.resolve(name);
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the pull journal file " + file, e);
    }
  }

  /**
   * Claims the segments and files of processes that are no longer alive (oldest first) and deletes
   * their unfinished {@code .tmp} files; returns the names of the claimed live records and files.
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
        JournalSegments segments = JournalSegments.of(directory);
        boolean segment = name.endsWith(JournalSegments.SUFFIX);
        String mine = segments.newName(segment ? JournalSegments.SUFFIX : SUFFIX);
        Files.move(file, directory.resolve(mine), StandardCopyOption.ATOMIC_MOVE);
        if (segment) {
          claimed.addAll(segments.adopt(mine));
        } else {
          claimed.add(mine);
        }
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
    if (dash <= 0
        || !(name.endsWith(SUFFIX)
            || name.endsWith(SUFFIX + TEMPORARY)
            || name.endsWith(JournalSegments.SUFFIX))) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(0, dash));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
