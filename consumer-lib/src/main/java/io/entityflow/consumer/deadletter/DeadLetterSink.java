package io.entityflow.consumer.deadletter;

import com.google.pubsub.v1.PubsubMessage;
import io.entityflow.contract.layout.ConsumerResources;

/**
 * Where dead letters go. The default {@link PubSubDeadLetterSink} publishes to the consumer's
 * dead-letter topic ({@link ConsumerResources#deadLetterTopic()}); the test kit records them.
 *
 * <pre>{@code
 * sink.deadLetter(resources, message);  // returns once stored, throws otherwise
 * }</pre>
 */
public interface DeadLetterSink {
  /**
   * Stores one dead letter; returns only once it is stored.
   *
   * @throws Exception when it could not be stored: the original is then not acknowledged
   */
  void deadLetter(ConsumerResources consumer, PubsubMessage deadLetter) throws Exception;
}
