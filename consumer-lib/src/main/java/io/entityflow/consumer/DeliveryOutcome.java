package io.entityflow.consumer;

import com.google.pubsub.v1.PubsubMessage;
import java.time.Duration;
import java.util.List;

/**
 * What became of one delivered message; returned by the dispatch that production and {@link
 * io.entityflow.consumer.testing.ConsumerTestKit} share.
 *
 * <pre>{@code
 * DeliveryOutcome outcome = ConsumerTestKit.deliver(handler, sale, Operation.CREATED);
 * outcome.kind();      // HANDLED
 * outcome.retries();   // 2: the handler threw RetryableException twice, then succeeded
 * outcome.backoffs();  // [1s, 2s]
 * }</pre>
 *
 * @param kind the outcome
 * @param eventId the event id, or {@code null} when the message had none
 * @param attempts how many times the handler was called
 * @param backoffs the waits between attempts, in order
 * @param deadLetterKind why it was dead-lettered, {@code null} otherwise
 * @param reason the dead-letter or not-acknowledged reason, {@code null} otherwise
 * @param deadLetter the dead-letter message published, {@code null} otherwise
 */
public record DeliveryOutcome(
    Kind kind,
    String eventId,
    int attempts,
    List<Duration> backoffs,
    DeadLetterKind deadLetterKind,
    String reason,
    PubsubMessage deadLetter) {

  /** The possible outcomes. */
  public enum Kind {
    /** The handler returned normally; acknowledged and marked handled. */
    HANDLED,
    /** The event id was handled before by this consumer; acknowledged without calling it. */
    DUPLICATE,
    /** The operation is not among the handler's operations; acknowledged without calling it. */
    SKIPPED,
    /** Published to the consumer's dead-letter topic, then acknowledged. */
    DEAD_LETTERED,
    /**
     * Not acknowledged (nacked, Pub/Sub redelivers it): shutdown began while it waited for a retry,
     * the dedup store could not be read, or the dead letter could not be published.
     */
    NOT_ACKED
  }

  public DeliveryOutcome {
    backoffs = List.copyOf(backoffs);
  }

  /** How many times the handler was retried: the number of backoffs. */
  public int retries() {
    return backoffs.size();
  }

  /** Whether the message is acknowledged (every kind but {@link Kind#NOT_ACKED}). */
  public boolean acknowledged() {
    return kind != Kind.NOT_ACKED;
  }
}
