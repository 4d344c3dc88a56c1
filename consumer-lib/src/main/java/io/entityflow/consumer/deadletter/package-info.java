/**
 * Dead letters: the message built from the original (bytes and attributes kept, reason added) and
 * the sink that stores it in the consumer's dead-letter topic.
 *
 * <pre>{@code
 * sink.deadLetter(resources, DeadLetters.of(original, kind, reason, consumer, sub, 3, cls));
 * }</pre>
 */
package io.entityflow.consumer.deadletter;
