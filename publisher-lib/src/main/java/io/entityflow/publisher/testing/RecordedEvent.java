package io.entityflow.publisher.testing;

import com.google.protobuf.Message;
import com.google.pubsub.v1.PubsubMessage;
import io.entityflow.contract.Operation;
import io.entityflow.publisher.PublishReceipt;

/**
 * One event a {@link RecordingEntityPublisher} accepted: the entity, the operation and the exact
 * Pub/Sub message the real publisher would have sent.
 *
 * <pre>{@code
 * RecordedEvent event = recording.events().get(0);
 * event.message().getAttributesOrThrow("operation"); // "CREATED"
 * }</pre>
 *
 * @param entity the entity message
 * @param operation the operation
 * @param topic the short topic name
 * @param message the encoded message (payload, attributes, ordering key)
 * @param receipt the receipt handed to the caller
 */
public record RecordedEvent(
    Message entity,
    Operation operation,
    String topic,
    PubsubMessage message,
    PublishReceipt receipt) {

  @Override
  public String toString() {
    return operation + " " + entity.getDescriptorForType().getName() + " to " + topic;
  }
}
