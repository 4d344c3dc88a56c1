package io.entityflow.pipelines.warehouse;

import io.entityflow.contract.layout.DeadLetterTable;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.layout.TableDefinition;
import io.entityflow.pipelines.events.PipelineClock;
import io.entityflow.warehouse.local.LocalWarehouseLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A writer of one local-warehouse root, owned by one DoFn instance: bundles append their rows as
 * NDJSON lines to a per-table staging file under {@code <root>/.staging/<dataset>/<table>/} and
 * force them to disk before their bundle commits; a background thread converts the staged lines
 * into one Parquet part per table every {@code flush} (sooner when a file reaches {@code
 * maxRowsPerFile} rows).
 *
 * <pre>{@code
 * LocalStagingWriter writer = LocalStagingWriter.open(root, layout, 50_000, 5_000, clock);
 * try {
 *   writer.stage("retail.sale_v1", "{\"event_id\":\"e-1\",...}\n".getBytes(UTF_8), 1);
 * } finally {
 *   writer.close(); // converts what is staged and stops the thread
 * }
 * }</pre>
 *
 * <p>Guarantees: {@link #stage} returns only once the lines are on disk; staged lines are deleted
 * only after their Parquet part is published (or their rows are dead letters, staged first); a
 * conversion that fails as a whole keeps its staging file and is retried on the next flush. On
 * {@link #open}, staging files no live writer holds (orphans of a crashed run, or files a closed
 * writer could not convert) are adopted and converted first. Any number of writers may write one
 * root at once, in one process or several: each stages to its own locked files. A crash between
 * publishing a part and deleting its staging file publishes those rows twice (at least once; the
 * latest views ignore duplicate event ids). Thread-safe.
 */
public final class LocalStagingWriter {
  /** Directory under the warehouse root that holds the staging files. */
  public static final String STAGING_DIRECTORY = ".staging";

  private static final Logger LOG = LoggerFactory.getLogger(LocalStagingWriter.class);

  private final Path root;
  private final Path staging;
  private final long maxRowsPerFile;
  private final Map<String, TableStage> tables = new LinkedHashMap<>();
  private final StagedLinesConverter converter;
  private final ParquetPartWriter parquet;
  private final ScheduledExecutorService flusher;
  private final AtomicBoolean flushRequested = new AtomicBoolean();
  private final AtomicLong publishedRows = new AtomicLong();
  private final AtomicLong rejectedRows = new AtomicLong();
  private final AtomicLong unreportedRejected = new AtomicLong();
  private final AtomicLong failedConversions = new AtomicLong();
  private boolean failing;

  private LocalStagingWriter(
      Path root, PhysicalLayout layout, long maxRowsPerFile, long flushMillis, PipelineClock clock)
      throws SQLException {
    this.root = root;
    this.staging = root.resolve(STAGING_DIRECTORY);
    this.maxRowsPerFile = maxRowsPerFile;
    for (TableDefinition table : layout.tables()) {
      tables.put(
          table.qualifiedName(),
          new TableStage(
              table.dataset(),
              table.name(),
              table.columns(),
              staging.resolve(table.dataset()).resolve(table.name())));
    }
    this.parquet = ParquetPartWriter.open(new LocalWarehouseLayout(root));
    this.converter = new StagedLinesConverter(parquet, maxRowsPerFile, clock);
    this.flusher =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "entityflow-local-warehouse-flush " + root);
              thread.setDaemon(true);
              return thread;
            });
    adoptOrphans();
    flush();
    flusher.scheduleWithFixedDelay(this::flush, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
  }

  /**
   * Opens a writer of {@code root} (adopting and converting orphan staging files first); the caller
   * must {@link #close} it.
   */
  public static LocalStagingWriter open(
      Path root,
      PhysicalLayout layout,
      long maxRowsPerFile,
      long flushMillis,
      PipelineClock clock) {
    Path key = root.toAbsolutePath().normalize();
    try {
      return new LocalStagingWriter(key, layout, maxRowsPerFile, flushMillis, clock);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open DuckDB for the local warehouse " + key, e);
    }
  }

  /**
   * Appends newline-terminated lines rendered by {@link NdjsonRows} to the staging file of {@code
   * table} ({@code dataset.table}) and forces them to disk.
   */
  public void stage(String table, byte[] lines, int lineCount) {
    TableStage stage = tables.get(table);
    if (stage == null) {
      throw new IllegalArgumentException(
          "table '" + table + "' is not in the layout; known: " + tables.keySet());
    }
    if (stage.append(lines, lineCount) >= maxRowsPerFile
        && !flusher.isShutdown()
        && flushRequested.compareAndSet(false, true)) {
      flusher.execute(this::flush);
    }
  }

  /** Converts everything staged so far into Parquet now (what the background thread does). */
  public synchronized void flush() {
    flushRequested.set(false);
    boolean failed = false;
    for (TableStage stage : tables.values()) {
      for (StagingFile file : stage.rotate()) {
        try {
          convert(stage, file);
        } catch (SQLException | RuntimeException e) {
          failedConversions.incrementAndGet();
          failed = true;
          if (!failing) {
            LOG.error(
                "cannot convert the staged rows of {}.{} ({}) into Parquet; the staging file is"
                    + " kept and retried every flush: {}",
                stage.dataset(),
                stage.table(),
                file.path(),
                e.toString());
          }
          break;
        }
      }
    }
    if (failing && !failed) {
      LOG.info("staged rows of {} convert into Parquet again", root);
    }
    failing = failed;
  }

  private void convert(TableStage stage, StagingFile file) throws SQLException {
    StagedLinesConverter.Result result = convertWhole(stage, file);
    if (result == null) {
      result = converter.convert(stage.dataset(), stage.table(), stage.columns(), file.read());
    }
    if (!result.deadLetterLines().isEmpty()) {
      LOG.warn(
          "local warehouse refused {} row(s) of {}.{}; they go to {}",
          result.deadLetterLines().size(),
          stage.dataset(),
          stage.table(),
          DeadLetterTable.definition().qualifiedName());
      stage(
          DeadLetterTable.definition().qualifiedName(),
          String.join("", result.deadLetterLines()).getBytes(StandardCharsets.UTF_8),
          result.deadLetterLines().size());
      rejectedRows.addAndGet(result.deadLetterLines().size());
      unreportedRejected.addAndGet(result.deadLetterLines().size());
    }
    file.delete();
    stage.converted(file);
    publishedRows.addAndGet(result.published());
  }

  /**
   * Converts a file this writer staged (complete lines only) of at most {@code maxRowsPerFile} rows
   * as one part, DuckDB reading the staging file itself; null when it is not such a file or DuckDB
   * refused a row (the caller then splits the lines and dead-letters the refused ones).
   */
  private StagedLinesConverter.Result convertWhole(TableStage stage, StagingFile file) {
    long lines = file.lines();
    if (lines <= 0 || lines > maxRowsPerFile) {
      return null;
    }
    try {
      parquet.writeNdjsonFile(stage.dataset(), stage.table(), stage.columns(), file.path());
    } catch (SQLException refused) {
      return null;
    }
    return new StagedLinesConverter.Result(lines, List.of());
  }

  /** Rows refused by DuckDB since the last call (for a Beam counter in the calling DoFn). */
  public long takeUnreportedRejected() {
    return unreportedRejected.getAndSet(0);
  }

  /** Rows published into Parquet parts by this writer. */
  public long publishedRows() {
    return publishedRows.get();
  }

  /** Rows DuckDB refused (now dead letters). */
  public long rejectedRows() {
    return rejectedRows.get();
  }

  /** Conversions that failed as a whole (their staging files were kept and retried). */
  public long failedConversions() {
    return failedConversions.get();
  }

  /** Converts what is staged, stops the thread and closes DuckDB. */
  public void close() {
    flusher.shutdown();
    try {
      flusher.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      flush();
      for (TableStage stage : tables.values()) {
        for (StagingFile file : stage.unconverted()) {
          LOG.error("staged rows in {} stay for the next start (not converted)", file.path());
          file.close();
        }
      }
      try {
        parquet.close();
      } catch (SQLException e) {
        throw new IllegalStateException("cannot close DuckDB of the local warehouse " + root, e);
      }
    }
    deleteEmptyDirectories();
  }

  private void adoptOrphans() {
    for (TableStage stage : tables.values()) {
      Path directory = staging.resolve(stage.dataset()).resolve(stage.table());
      if (!Files.isDirectory(directory)) {
        continue;
      }
      try (Stream<Path> files = Files.list(directory)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList()) {
          StagingFile orphan = StagingFile.adoptOrphan(file);
          if (orphan != null) {
            LOG.info("recovering the orphan staging file {}", file);
            stage.adopt(orphan);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list the staging directory " + directory, e);
      }
    }
  }

  private void deleteEmptyDirectories() {
    if (!Files.isDirectory(staging)) {
      return;
    }
    List<Path> directories = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(staging)) {
      paths.filter(Files::isDirectory).forEach(directories::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the staging directory " + staging, e);
    }
    directories.sort(Comparator.reverseOrder());
    for (Path directory : directories) {
      try {
        Files.deleteIfExists(directory);
      } catch (DirectoryNotEmptyException e) {
        // another process stages here, or files stay for the next start
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete the staging directory " + directory, e);
      }
    }
  }
}
