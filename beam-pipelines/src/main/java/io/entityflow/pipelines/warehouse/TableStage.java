package io.entityflow.pipelines.warehouse;

import io.entityflow.contract.bigquery.TableColumn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The staging state of one table in this process: the current staging file that bundles append to,
 * and the rotated files waiting for (or retrying) their conversion into Parquet.
 *
 * <pre>{@code
 * TableStage stage = new TableStage("retail", "sale_v1", columns, stagingDirectory);
 * stage.append(bytes, 10);                 // durable when it returns
 * List<StagingFile> due = stage.rotate();   // the conversion's input, oldest first
 * }</pre>
 *
 * <p>Thread-safe: appends and rotation exclude each other; forcing to disk happens outside the lock
 * so that concurrent bundles share one {@code force}.
 */
final class TableStage {
  private final String dataset;
  private final String table;
  private final List<TableColumn> columns;
  private final Path directory;
  private final List<StagingFile> pending = new ArrayList<>();
  private StagingFile current;

  TableStage(String dataset, String table, List<TableColumn> columns, Path directory) {
    this.dataset = dataset;
    this.table = table;
    this.columns = columns;
    this.directory = directory;
  }

  String dataset() {
    return dataset;
  }

  String table() {
    return table;
  }

  List<TableColumn> columns() {
    return columns;
  }

  /** Appends lines and forces them to disk; returns the lines now in the current file. */
  long append(byte[] bytes, int lineCount) {
    StagingFile file;
    long sequence;
    long lines;
    synchronized (this) {
      if (current == null) {
        current = StagingFile.create(directory);
      }
      file = current;
      sequence = file.append(bytes, lineCount);
      lines = file.lines();
    }
    file.forceUpTo(sequence);
    return lines;
  }

  /** Adds an orphan staging file of a crashed run to the files to convert. */
  synchronized void adopt(StagingFile orphan) {
    pending.add(orphan);
  }

  /** Closes the current file for appends and returns every file due for conversion. */
  synchronized List<StagingFile> rotate() {
    if (current != null) {
      pending.add(current);
      current = null;
    }
    return new ArrayList<>(pending);
  }

  /** Forgets a file whose rows are published. */
  synchronized void converted(StagingFile file) {
    pending.remove(file);
  }

  /** Files not yet converted (kept on disk for the next run when the writer closes). */
  synchronized List<StagingFile> unconverted() {
    List<StagingFile> files = new ArrayList<>(pending);
    if (current != null) {
      files.add(current);
    }
    return files;
  }
}
