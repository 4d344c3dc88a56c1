package io.entityflow.pipelines.events;

import io.entityflow.pipelines.deadletter.DeadLetter;
import io.entityflow.pipelines.deadletter.DeadLetterKind;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The Pub/Sub message a row was parsed from, exactly as received: kept with the row on its way to
 * BigQuery so that a row BigQuery rejects becomes a dead letter with the original raw payload and
 * attributes, not a re-encoding of the row.
 *
 * <pre>{@code
 * SourceMessage source = new SourceMessage("sale_v1", "m-1", publishTime, attributes, payload);
 * DeadLetter letter = source.deadLetter(Instant.now(), DeadLetterKind.WAREHOUSE_REJECTED, error);
 * }</pre>
 *
 * @param topic the topic it was read from
 * @param messageId the Pub/Sub message id, null when unknown
 * @param publishTime when Pub/Sub accepted it, null when unknown
 * @param attributes all its attributes
 * @param payload its raw payload bytes
 */
public record SourceMessage(
    String topic,
    String messageId,
    Instant publishTime,
    Map<String, String> attributes,
    byte[] payload)
    implements Serializable {

  public SourceMessage {
    Objects.requireNonNull(topic, "topic");
    attributes = attributes == null ? Map.of() : new TreeMap<>(attributes);
    payload = payload == null ? new byte[0] : payload;
  }

  /** The dead letter of this message. */
  public DeadLetter deadLetter(Instant failedAt, DeadLetterKind kind, String errorMessage) {
    return new DeadLetter(
        failedAt, kind, errorMessage, topic, messageId, publishTime, attributes, payload);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SourceMessage that
        && topic.equals(that.topic)
        && Objects.equals(messageId, that.messageId)
        && Objects.equals(publishTime, that.publishTime)
        && attributes.equals(that.attributes)
        && Arrays.equals(payload, that.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(topic, messageId, publishTime, attributes, Arrays.hashCode(payload));
  }
}
