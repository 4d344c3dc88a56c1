package io.entityflow.outbox.relay;

import io.entityflow.outbox.config.OutboxConfiguration;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the outbox: {@code relay.workers} threads each run {@link RelayBatch}es on a pooled
 * connection, back to back while there is work, and wait when there is none until a NOTIFY from a
 * committing transaction ({@code relay.listen}) or the {@code relay.poll-interval} wakes them. Any
 * number of relays (threads and service instances) may run on one table: each ordering key is
 * claimed by one transaction at a time.
 *
 * <pre>{@code
 * OutboxRelay relay = new OutboxRelay(dataSource, batch, configuration.getRelay());
 * relay.start();
 * relay.close(); // waits for running batches up to relay.shutdown-timeout
 * }</pre>
 *
 * <p>A failing database (or publisher) never stops the relay: the batch rolls back, the error is
 * logged, and the worker tries again after the poll interval.
 */
public final class OutboxRelay implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

  private final DataSource dataSource;
  private final RelayBatch batch;
  private final OutboxConfiguration.Relay settings;
  private final WakeSignal signal = new WakeSignal();
  private final List<Thread> workers = new ArrayList<>();
  private NotificationListener listener;
  private volatile boolean running;

  /** A relay running {@code batch} on connections of {@code dataSource}. */
  public OutboxRelay(DataSource dataSource, RelayBatch batch, OutboxConfiguration.Relay settings) {
    this.dataSource = dataSource;
    this.batch = batch;
    this.settings = settings;
  }

  /** Starts the workers (and the listener when {@code relay.listen} is on). */
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    if (settings.isListen()) {
      listener = new NotificationListener(dataSource, signal);
      listener.start();
    }
    for (int i = 0; i < settings.getWorkers(); i++) {
      Thread worker = new Thread(this::work, "entityflow-outbox-relay-" + i);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
    LOG.info(
        "outbox relay started: {} worker(s), batches of {} rows, {}",
        settings.getWorkers(),
        settings.getBatchSize(),
        settings.isListen()
            ? "LISTEN/NOTIFY with a poll every " + settings.getPollInterval()
            : "polling every " + settings.getPollInterval());
  }

  /** Whether the workers run. */
  public boolean isRunning() {
    return running;
  }

  /** Wakes idle workers now (e.g. right after a commit in this process). */
  public void wake() {
    signal.wake();
  }

  private void work() {
    long poll = settings.getPollInterval().toMillis();
    while (running) {
      long seen = signal.generation();
      int handled;
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        handled = batch.run(connection);
      } catch (SQLException | RuntimeException e) {
        if (running) {
          LOG.warn("outbox relay batch failed and was rolled back, retrying: {}", e.toString());
        }
        handled = 0;
      }
      if (handled == 0 && running) {
        try {
          signal.await(seen, poll);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Stops the workers, waiting up to {@code relay.shutdown-timeout} for running batches. */
  @Override
  public synchronized void close() throws InterruptedException {
    if (!running) {
      return;
    }
    running = false;
    signal.wake();
    if (listener != null) {
      listener.close();
    }
    long deadline = System.nanoTime() + settings.getShutdownTimeout().toNanos();
    for (Thread worker : workers) {
      TimeUnit.NANOSECONDS.timedJoin(worker, Math.max(0, deadline - System.nanoTime()));
      if (worker.isAlive()) {
        LOG.warn("{} still runs a batch after the shutdown timeout", worker.getName());
      }
    }
    workers.clear();
  }
}
