package io.entityflow.pipelines.pubsub;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The messages a local read took from Pub/Sub (acknowledged, held in its {@link PullJournal}) whose
 * rows are not yet durably staged in the warehouse. The read registers each batch; the warehouse
 * writer reports each message staged once its row (or dead letter) is forced to disk; when the last
 * message of a batch is staged, its journal record is released. The read also uses the count of
 * pending messages to stop pulling when the pipeline falls behind (bounded memory).
 *
 * <pre>{@code
 * PendingMessages.expect(journal, batch);          // the read, after the journal write
 * PendingMessages.staged("sale_v1", "m-1");         // the writer, after forcing the row to disk
 * }</pre>
 *
 * <p>One ledger per JVM, because DirectRunner steps are separate deserialized objects; it holds no
 * configuration. Keys are (topic, message id): Pub/Sub message ids are unique per topic. A message
 * nobody registered (read by {@code PubsubIO}, or a heartbeat) is ignored. A message registered
 * again while pending (a redelivery) moves to its newer batch. After a crash the ledger is empty
 * and the journal records left behind are read again: rows may be staged twice (same event id),
 * never lost. Thread-safe.
 */
public final class PendingMessages {
  private static final Map<String, Batch> BY_MESSAGE = new ConcurrentHashMap<>();
  private static final Map<PullJournal, AtomicInteger> BY_JOURNAL = new ConcurrentHashMap<>();

  private PendingMessages() {}

  /** One journal record's messages still to be staged. */
  private record Batch(PullJournal journal, String record, AtomicInteger remaining) {}

  /**
   * Registers the messages of {@code batch}, one pull held by {@code journal}.
   *
   * @throws IllegalArgumentException when {@code batch} merges several pulls
   */
  public static void expect(PullJournal journal, PulledBatch batch) {
    if (batch.journalRecords().size() != 1) {
      throw new IllegalArgumentException(
          "register each pull on its own: the batch of "
              + batch.topic()
              + " merges the journal records "
              + batch.journalRecords());
    }
    List<String> messageIds = new ArrayList<>(batch.messages().size());
    for (com.google.pubsub.v1.PubsubMessage message : batch.messages()) {
      messageIds.add(message.getMessageId());
    }
    expect(journal, batch.topic(), batch.journalRecords().get(0), messageIds);
  }

  /**
   * Registers the messages {@code messageIds} of {@code topic}, one pull held by the record {@code
   * record} of {@code journal}.
   */
  public static void expect(
      PullJournal journal, String topic, String record, List<String> messageIds) {
    Batch entry = new Batch(journal, record, new AtomicInteger(messageIds.size()));
    counter(journal).addAndGet(messageIds.size());
    if (messageIds.isEmpty()) {
      release(entry);
      return;
    }
    for (String messageId : messageIds) {
      Batch previous = BY_MESSAGE.put(key(topic, messageId), entry);
      if (previous != null) {
        stagedOne(previous);
      }
    }
  }

  /** Reports the message {@code messageId} of {@code topic} durably staged. */
  public static void staged(String topic, String messageId) {
    if (messageId == null || BY_MESSAGE.isEmpty()) {
      return;
    }
    Batch entry = BY_MESSAGE.remove(key(topic, messageId));
    if (entry != null) {
      stagedOne(entry);
    }
  }

  /** Messages of {@code journal} registered and not yet staged. */
  public static int pending(PullJournal journal) {
    AtomicInteger count = BY_JOURNAL.get(journal);
    return count == null ? 0 : count.get();
  }

  private static void stagedOne(Batch entry) {
    counter(entry.journal()).decrementAndGet();
    if (entry.remaining().decrementAndGet() == 0) {
      release(entry);
    }
  }

  private static void release(Batch entry) {
    entry.journal().delete(entry.record());
  }

  private static AtomicInteger counter(PullJournal journal) {
    return BY_JOURNAL.computeIfAbsent(journal, j -> new AtomicInteger());
  }

  private static String key(String topic, String messageId) {
    return topic + '\u0000' + messageId;
  }
}
