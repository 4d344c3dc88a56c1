package io.entityflow.consumer.deadletter;

import com.google.pubsub.v1.PubsubMessage;
import io.entityflow.consumer.DeadLetterAttributes;
import io.entityflow.consumer.DeadLetterKind;
import java.nio.charset.StandardCharsets;

/**
 * Builds a dead letter: the original payload bytes and attributes unchanged, plus the {@link
 * DeadLetterAttributes}. No ordering key (the dead-letter topic is not ordered).
 *
 * <pre>{@code
 * PubsubMessage dl = DeadLetters.of(original, DeadLetterKind.NON_RETRYABLE, "handler threw ...",
 *     "loyalty_accrual", "sale_v1_loyalty_accrual", 1, e.getClass().getName());
 * }</pre>
 */
public final class DeadLetters {
  /** Pub/Sub's limit on an attribute value, in bytes. */
  public static final int MAX_ATTRIBUTE_BYTES = 1024;

  private DeadLetters() {}

  /** The dead letter of {@code original}. */
  public static PubsubMessage of(
      PubsubMessage original,
      DeadLetterKind kind,
      String reason,
      String consumer,
      String subscription,
      int attempts,
      String exceptionClass) {
    PubsubMessage.Builder message =
        PubsubMessage.newBuilder()
            .setData(original.getData())
            .putAllAttributes(original.getAttributesMap())
            .putAttributes(DeadLetterAttributes.KIND, kind.name())
            .putAttributes(DeadLetterAttributes.REASON, truncate(reason))
            .putAttributes(DeadLetterAttributes.CONSUMER, consumer)
            .putAttributes(DeadLetterAttributes.SUBSCRIPTION, subscription)
            .putAttributes(DeadLetterAttributes.ATTEMPTS, Integer.toString(attempts))
            .putAttributes(DeadLetterAttributes.EXCEPTION, exceptionClass);
    if (!original.getMessageId().isEmpty()) {
      message.putAttributes(DeadLetterAttributes.MESSAGE_ID, original.getMessageId());
    }
    return message.build();
  }

  /** {@code text} cut to at most {@value #MAX_ATTRIBUTE_BYTES} UTF-8 bytes, "..." marking a cut. */
  static String truncate(String text) {
    String value = text == null ? "" : text;
    if (value.getBytes(StandardCharsets.UTF_8).length <= MAX_ATTRIBUTE_BYTES) {
      return value;
    }
    StringBuilder out = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > MAX_ATTRIBUTE_BYTES - 3) {
        break;
      }
      out.appendCodePoint(cp);
      bytes += size;
      i += Character.charCount(cp);
    }
    return out.append("...").toString();
  }
}
