package io.entityflow.outbox.metrics;

import io.entityflow.outbox.store.OutboxStats;
import io.entityflow.outbox.store.OutboxTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the outbox table's statistics into {@link OutboxMetrics}: every {@code interval} on a
 * daemon thread, and on demand for the health indicator.
 *
 * <pre>{@code
 * OutboxMonitor monitor = new OutboxMonitor(dataSource, metrics, Duration.ofSeconds(5));
 * monitor.start();
 * OutboxStats now = monitor.refresh();
 * }</pre>
 */
public final class OutboxMonitor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxMonitor.class);

  private final DataSource dataSource;
  private final OutboxMetrics metrics;
  private final Duration interval;
  private ScheduledExecutorService scheduler;

  /** A monitor of the outbox table reachable through {@code dataSource}. */
  public OutboxMonitor(DataSource dataSource, OutboxMetrics metrics, Duration interval) {
    this.dataSource = dataSource;
    this.metrics = metrics;
    this.interval = interval;
  }

  /** Starts the periodic refresh. */
  public synchronized void start() {
    if (scheduler == null) {
      scheduler =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "entityflow-outbox-monitor");
                thread.setDaemon(true);
                return thread;
              });
      scheduler.scheduleWithFixedDelay(
          this::refreshQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Reads the statistics now and updates the metrics.
   *
   * @throws SQLException when the table cannot be read
   */
  public OutboxStats refresh() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      OutboxStats stats = OutboxTable.stats(connection);
      metrics.update(stats);
      return stats;
    }
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (SQLException | RuntimeException e) {
      LOG.warn("could not read the outbox statistics: {}", e.getMessage());
    }
  }

  /** Stops the periodic refresh. */
  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }
}
