package io.entityflow.consumer;

import java.util.List;

/**
 * Attributes a dead letter carries on top of the original message's attributes (kept as they were,
 * payload bytes unchanged).
 *
 * <pre>{@code
 * String reason = deadLetter.getAttributesOrThrow(DeadLetterAttributes.REASON);
 * }</pre>
 */
public final class DeadLetterAttributes {
  /** One of {@link DeadLetterKind}. */
  public static final String KIND = "dead_letter_kind";

  /** A human-readable reason, at most 1024 UTF-8 bytes (Pub/Sub's attribute value limit). */
  public static final String REASON = "dead_letter_reason";

  /** The consumer name. */
  public static final String CONSUMER = "dead_letter_consumer";

  /** The subscription the event was read from (live or replay). */
  public static final String SUBSCRIPTION = "dead_letter_subscription";

  /** How many times the handler was called, {@code 0} for undecodable events. */
  public static final String ATTEMPTS = "dead_letter_attempts";

  /** The class of the exception that decided it, e.g. {@code java.lang.IllegalStateException}. */
  public static final String EXCEPTION = "dead_letter_exception";

  /** The Pub/Sub message id of the original message. */
  public static final String MESSAGE_ID = "dead_letter_message_id";

  /** Every name above. */
  public static final List<String> ALL =
      List.of(KIND, REASON, CONSUMER, SUBSCRIPTION, ATTEMPTS, EXCEPTION, MESSAGE_ID);

  private DeadLetterAttributes() {}
}
