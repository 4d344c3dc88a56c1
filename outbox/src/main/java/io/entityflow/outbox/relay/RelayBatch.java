package io.entityflow.outbox.relay;

import io.entityflow.outbox.metrics.OutboxMetrics;
import io.entityflow.outbox.store.OutboxKey;
import io.entityflow.outbox.store.OutboxRow;
import io.entityflow.outbox.store.OutboxTable;
import io.entityflow.publisher.EncodedEvent;
import io.entityflow.publisher.EntityPublisher;
import io.entityflow.publisher.EventEncoder;
import io.entityflow.publisher.InvalidEventException;
import io.entityflow.publisher.PublishReceipt;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One relay transaction: claim keys, read their rows in insert order, publish them, wait for
 * Pub/Sub's answers, delete the confirmed rows, back off the first failed row of each key, park
 * rows that no longer validate, commit.
 *
 * <pre>{@code
 * RelayBatch batch = new RelayBatch(encoder, publisher, metrics, settings);
 * int handled = batch.run(connection); // connection in manual-commit mode; 0: nothing to do
 * }</pre>
 *
 * <p>Guarantees: a row is deleted only after Pub/Sub confirmed its event, in the same transaction
 * that holds its key; a crash before the commit leaves every row in place (published again later
 * with the same event id). The keys are locked for the whole transaction, so no other relay
 * publishes a row of them meanwhile, and the events of a key are published in insert order: a
 * failed event makes every later event of its key in the batch fail too (see {@link
 * EntityPublisher#publishAllEncoded}), its row backs off and the key waits for it.
 */
public final class RelayBatch {
  private static final Logger LOG = LoggerFactory.getLogger(RelayBatch.class);

  private final EventEncoder encoder;
  private final EntityPublisher publisher;
  private final OutboxMetrics metrics;
  private final Settings settings;

  /**
   * What one batch may take.
   *
   * @param batchSize rows per transaction
   * @param keysPerBatch keys claimed per transaction
   * @param window oldest rows looked at to find keys
   * @param lockClass first key of the advisory locks
   * @param backoff the wait after a failed publish
   */
  public record Settings(
      int batchSize, int keysPerBatch, int window, int lockClass, Backoff backoff) {}

  /** A batch runner publishing through {@code publisher}. */
  public RelayBatch(
      EventEncoder encoder, EntityPublisher publisher, OutboxMetrics metrics, Settings settings) {
    this.encoder = encoder;
    this.publisher = publisher;
    this.metrics = metrics;
    this.settings = settings;
  }

  /**
   * Runs one batch on {@code connection} (manual commit) and commits it.
   *
   * @return rows published or parked; 0 when there was nothing to claim
   * @throws SQLException after rolling back; nothing was deleted
   */
  public int run(Connection connection) throws SQLException {
    try {
      int handled = publish(connection);
      connection.commit();
      return handled;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    }
  }

  private int publish(Connection connection) throws SQLException {
    OutboxTable.useIndexPlans(connection);
    List<OutboxKey> keys =
        OutboxTable.claimKeys(
            connection, settings.window(), settings.keysPerBatch(), settings.lockClass());
    if (keys.isEmpty()) {
      return 0;
    }
    List<OutboxRow> rows = OutboxTable.rowsOf(connection, keys, settings.batchSize());
    Set<OutboxKey> waiting = new HashSet<>();
    List<OutboxRow> sent = new ArrayList<>(rows.size());
    List<EncodedEvent> events = new ArrayList<>(rows.size());
    int parked = 0;
    for (OutboxRow row : rows) {
      if (waiting.contains(row.key())) {
        continue;
      }
      if (row.backingOff()) {
        waiting.add(row.key()); // the key waits for its failed head row
        continue;
      }
      try {
        events.add(
            encoder.restoreRecorded(
                row.eventId(), row.topic(), row.orderingKey(), row.attributes(), row.payload()));
        sent.add(row);
      } catch (InvalidEventException e) {
        park(connection, row, e);
        parked++;
      }
    }
    List<CompletableFuture<PublishReceipt>> futures =
        events.isEmpty() ? List.of() : publisher.publishAllEncoded(events);
    List<Long> confirmed = new ArrayList<>(sent.size());
    Set<OutboxKey> failedKeys = new HashSet<>();
    for (int i = 0; i < sent.size(); i++) {
      OutboxRow row = sent.get(i);
      Throwable failure = outcome(futures.get(i));
      if (failure == null) {
        confirmed.add(row.id());
        metrics.published(row.topic(), 1);
      } else {
        metrics.failed(row.topic(), 1);
        if (failedKeys.add(row.key())) {
          String reason = failure.getMessage();
          OutboxTable.failed(
              connection, row.id(), reason, settings.backoff().after(row.attempts() + 1));
          LOG.warn(
              "{} failed to publish (attempt {}), retried after backoff; its key waits: {}",
              row,
              row.attempts() + 1,
              reason);
        }
      }
    }
    OutboxTable.delete(connection, confirmed);
    return sent.size() + parked;
  }

  private void park(Connection connection, OutboxRow row, InvalidEventException e)
      throws SQLException {
    OutboxTable.park(connection, row.id(), e.getMessage());
    metrics.parked(row.topic());
    LOG.error(
        "{} no longer validates and is parked (kept, never published, set invalid_reason to NULL"
            + " to retry): {}",
        row,
        e.getMessage());
  }

  private static Throwable outcome(CompletableFuture<PublishReceipt> future) {
    try {
      future.join();
      return null;
    } catch (CompletionException e) {
      return e.getCause() != null ? e.getCause() : e;
    } catch (RuntimeException e) {
      return e;
    }
  }
}
