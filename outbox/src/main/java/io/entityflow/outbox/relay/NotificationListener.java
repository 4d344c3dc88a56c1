package io.entityflow.outbox.relay;

import io.entityflow.outbox.store.OutboxTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one connection that {@code LISTEN}s on the outbox channel and wakes the relay workers
 * whenever a transaction that inserted outbox rows commits. Reconnects after a second when the
 * connection breaks; the workers' poll interval covers the gap.
 *
 * <pre>{@code
 * NotificationListener listener = new NotificationListener(dataSource, signal);
 * listener.start();
 * listener.close();
 * }</pre>
 */
final class NotificationListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationListener.class);
  private static final int WAIT_MILLIS = 250;

  private final DataSource dataSource;
  private final WakeSignal signal;
  private final Thread thread;
  private volatile boolean running = true;

  NotificationListener(DataSource dataSource, WakeSignal signal) {
    this.dataSource = dataSource;
    this.signal = signal;
    this.thread = new Thread(this::run, "entityflow-outbox-listener");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void run() {
    while (running) {
      try (Connection connection = dataSource.getConnection()) {
        listen(connection);
      } catch (SQLException | RuntimeException e) {
        if (running) {
          LOG.warn("outbox LISTEN connection failed, reconnecting in 1 s: {}", e.getMessage());
          sleep();
        }
      }
    }
  }

  private void listen(Connection connection) throws SQLException {
    connection.setAutoCommit(true);
    try (Statement statement = connection.createStatement()) {
      statement.execute("LISTEN " + OutboxTable.CHANNEL);
    }
    PGConnection postgres = connection.unwrap(PGConnection.class);
    signal.wake(); // rows committed while no one listened
    try {
      while (running) {
        PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
        if (notifications != null && notifications.length > 0) {
          signal.wake();
        }
      }
    } finally {
      try (Statement statement = connection.createStatement()) {
        statement.execute("UNLISTEN *"); // the connection goes back to a pool
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(5_000);
  }
}
