package io.entityflow.pipelines.pubsub;

import com.google.pubsub.v1.PubsubMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The messages of one or more pulls, as one element of the local read: the DirectRunner pays its
 * per-bundle and per-element costs once for hundreds or thousands of messages. Each message keeps
 * its id, attributes, ordering key, payload and publish time.
 *
 * <pre>{@code
 * PulledBatch batch = new PulledBatch("sale_v1", "4711-00000042.segment@0", messages);
 * PulledBatch both = PulledBatch.merge(List.of(batch, next)); // what the reader emits
 * }</pre>
 *
 * @param topic the short name of the topic the messages were published to
 * @param journalRecords the names of the journal records holding them until they are staged (one
 *     per pull), at least one
 * @param messages the messages, in pull order
 */
public record PulledBatch(String topic, List<String> journalRecords, List<PubsubMessage> messages) {
  public PulledBatch {
    Objects.requireNonNull(topic, "topic");
    journalRecords = List.copyOf(journalRecords);
    if (journalRecords.isEmpty()) {
      throw new IllegalArgumentException("a pulled batch of " + topic + " names no journal record");
    }
    messages = List.copyOf(messages);
  }

  /** The messages of one pull, held by {@code journalRecord}. */
  public PulledBatch(String topic, String journalRecord, List<PubsubMessage> messages) {
    this(topic, List.of(Objects.requireNonNull(journalRecord, "journalRecord")), messages);
  }

  /**
   * One batch of the given batches of one topic, in order: their files and messages.
   *
   * @throws IllegalArgumentException when {@code batches} is empty or spans topics
   */
  public static PulledBatch merge(List<PulledBatch> batches) {
    if (batches.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge: no pulled batch given");
    }
    if (batches.size() == 1) {
      return batches.get(0);
    }
    String topic = batches.get(0).topic();
    List<String> records = new ArrayList<>();
    List<PubsubMessage> messages = new ArrayList<>();
    for (PulledBatch batch : batches) {
      if (!batch.topic().equals(topic)) {
        throw new IllegalArgumentException(
            "cannot merge pulled batches of topics " + topic + " and " + batch.topic());
      }
      records.addAll(batch.journalRecords());
      messages.addAll(batch.messages());
    }
    return new PulledBatch(topic, records, messages);
  }
}
