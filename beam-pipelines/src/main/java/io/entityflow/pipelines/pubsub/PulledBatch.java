package io.entityflow.pipelines.pubsub;

import com.google.pubsub.v1.PubsubMessage;
import java.util.List;
import java.util.Objects;

/**
 * The messages of one pull, as one element of the local read: the DirectRunner pays its per-bundle
 * and per-element costs once for hundreds of messages. Each message keeps its id, attributes,
 * ordering key, payload and publish time.
 *
 * <pre>{@code
 * PulledBatch batch = new PulledBatch("sale_v1", "4711-00000042.pull", messages);
 * }</pre>
 *
 * @param topic the short name of the topic the messages were published to
 * @param journalFile the name of the journal file holding them until they are staged
 * @param messages the messages, in pull order
 */
public record PulledBatch(String topic, String journalFile, List<PubsubMessage> messages) {
  public PulledBatch {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(journalFile, "journalFile");
    messages = List.copyOf(messages);
  }
}
