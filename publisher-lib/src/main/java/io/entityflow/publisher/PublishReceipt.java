package io.entityflow.publisher;

/**
 * Proof that Pub/Sub stored an event.
 *
 * <pre>{@code
 * PublishReceipt receipt = publisher.publish(sale, Operation.CREATED).join();
 * receipt.topic();     // "sale_v1"
 * receipt.messageId(); // "4711", assigned by Pub/Sub
 * }</pre>
 *
 * @param eventId the {@code event_id} attribute of the event
 * @param messageId the message id Pub/Sub assigned
 * @param topic the short topic name, e.g. {@code sale_v1}
 */
public record PublishReceipt(String eventId, String messageId, String topic) {}
