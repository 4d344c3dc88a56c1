package io.entityflow.pipelines.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * One append-only NDJSON staging file of a local-warehouse table, held with an exclusive {@link
 * FileLock} for as long as this process owns it, so that another process can tell a live staging
 * file from the orphan of a crashed run.
 *
 * <pre>{@code
 * StagingFile file = StagingFile.create(directory);
 * long sequence = file.append(bytes, 10); // under the table's lock
 * file.forceUpTo(sequence);               // durable on disk when this returns
 * }</pre>
 *
 * <p>Guarantees: {@link #forceUpTo} returns only once every byte appended up to that sequence is
 * forced to disk, or once the file has been converted and deleted (its rows are then in a Parquet
 * part). Concurrent callers share one {@code force} (group commit). Thread-safe.
 */
final class StagingFile {
  private final Path path;
  private final FileChannel channel;
  private final FileLock lock;
  private final Object forceLock = new Object();
  private long lines;
  private long appended;
  private long forced;
  private boolean closed;

  private StagingFile(Path path, FileChannel channel, FileLock lock, long lines) {
    this.path = path;
    this.channel = channel;
    this.lock = lock;
    this.lines = lines;
  }

  /**
   * Creates and locks a new staging file named {@code <pid>-<uuid>.ndjson} in {@code directory}.
   */
  static StagingFile create(Path directory) {
    Path path =
        directory.resolve(ProcessHandle.current().pid() + "-" + UUID.randomUUID() + ".ndjson");
    try {
      Files.createDirectories(directory);
      FileChannel channel =
          FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      return new StagingFile(path, channel, channel.lock(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the staging file " + path, e);
    }
  }

  /**
   * Opens and locks an existing staging file if no live owner holds its lock (an orphan of a
   * crashed run); null if a live process (or this one) owns it.
   */
  static StagingFile adoptOrphan(Path path) {
    try {
      FileChannel channel =
          FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.READ);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        return null;
      }
      return new StagingFile(path, channel, lock, -1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the staging file " + path, e);
    }
  }

  /** Appends complete lines; returns the sequence to pass to {@link #forceUpTo}. */
  synchronized long append(byte[] bytes, int lineCount) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    try {
      while (buffer.hasRemaining()) {
        channel.write(buffer, channel.size());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the staging file " + path, e);
    }
    lines += lineCount;
    return ++appended;
  }

  /** Forces everything appended up to {@code sequence} to disk. */
  void forceUpTo(long sequence) {
    synchronized (forceLock) {
      if (closed || forced >= sequence) {
        return;
      }
      long target;
      synchronized (this) {
        target = appended;
      }
      try {
        channel.force(false);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot force the staging file " + path + " to disk", e);
      }
      forced = target;
    }
  }

  /** Lines appended by this process (-1 for an adopted orphan). */
  synchronized long lines() {
    return lines;
  }

  /** The whole content. */
  String read() {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the staging file " + path, e);
    }
  }

  Path path() {
    return path;
  }

  /** Deletes the file (its rows are published) and releases it. */
  void delete() {
    synchronized (forceLock) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete the staging file " + path, e);
      }
      close();
    }
  }

  /** Releases the lock and the channel, keeping the file on disk. */
  void close() {
    synchronized (forceLock) {
      if (closed) {
        return;
      }
      closed = true;
      try {
        lock.release();
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close the staging file " + path, e);
      }
    }
  }
}
