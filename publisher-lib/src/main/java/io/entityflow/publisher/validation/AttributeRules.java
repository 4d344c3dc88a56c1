package io.entityflow.publisher.validation;

import io.entityflow.contract.EventAttributes;
import io.entityflow.publisher.InvalidEventException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Pub/Sub's and the contract's rules for the extra attributes a producer may add.
 *
 * <pre>{@code
 * AttributeRules.check("Sale", Map.of("tenant", "nl")); // passes
 * AttributeRules.check("Sale", Map.of("event_id", "x")); // throws: reserved name
 * }</pre>
 *
 * <p>Rules: a key is non-empty, at most {@value #MAX_KEY_BYTES} UTF-8 bytes, does not start with
 * {@code goog} and is none of {@link EventAttributes#RESERVED}; a value is non-null and at most
 * {@value #MAX_VALUE_BYTES} UTF-8 bytes; together with the {@link EventAttributes#REQUIRED} ones a
 * message carries at most {@value #MAX_ATTRIBUTES} attributes.
 */
public final class AttributeRules {
  /** Pub/Sub's limit on the attributes of one message. */
  public static final int MAX_ATTRIBUTES = 100;

  /** Pub/Sub's limit on an attribute key, in UTF-8 bytes. */
  public static final int MAX_KEY_BYTES = 256;

  /** Pub/Sub's limit on an attribute value, in UTF-8 bytes. */
  public static final int MAX_VALUE_BYTES = 1024;

  /** How many extra attributes fit next to the contract's own. */
  public static final int MAX_EXTRA = MAX_ATTRIBUTES - EventAttributes.REQUIRED.size();

  private AttributeRules() {}

  /**
   * Checks the extra attributes of an event of {@code entity}.
   *
   * @throws InvalidEventException naming the attribute and the rule
   */
  public static void check(String entity, Map<String, String> attributes) {
    if (attributes.size() > MAX_EXTRA) {
      throw new InvalidEventException(
          entity,
          "attributes",
          attributes.size()
              + " extra attributes given; at most "
              + MAX_EXTRA
              + " fit next to the "
              + EventAttributes.REQUIRED.size()
              + " contract attributes (Pub/Sub allows "
              + MAX_ATTRIBUTES
              + ")");
    }
    for (Map.Entry<String, String> attribute : attributes.entrySet()) {
      checkKey(entity, attribute.getKey(), attribute.getValue());
      checkValue(entity, attribute.getKey(), attribute.getValue());
    }
  }

  private static void checkKey(String entity, String key, String value) {
    if (key.isEmpty()) {
      throw new InvalidEventException(entity, "attribute ''", "an attribute key may not be empty");
    }
    String field = "attribute '" + key + "'";
    if (EventAttributes.RESERVED.contains(key)) {
      throw new InvalidEventException(
          entity,
          field,
          "'"
              + value
              + "' is not allowed: the name is reserved for the contract's own attributes ("
              + String.join(", ", EventAttributes.RESERVED)
              + "), which the publisher sets from the publish arguments and the contract;"
              + " allowed: any other name");
    }
    if (key.startsWith("goog")) {
      throw new InvalidEventException(
          entity, field, "a key may not start with 'goog' (reserved by Pub/Sub)");
    }
    int bytes = key.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_KEY_BYTES) {
      throw new InvalidEventException(
          entity,
          "attribute '" + key.substring(0, 32) + "...'",
          "a key may have at most " + MAX_KEY_BYTES + " UTF-8 bytes, got " + bytes);
    }
  }

  private static void checkValue(String entity, String key, String value) {
    String field = "attribute '" + key + "'";
    if (value == null) {
      throw new InvalidEventException(entity, field, "the value may not be null");
    }
    int bytes = value.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_VALUE_BYTES) {
      throw new InvalidEventException(
          entity,
          field,
          "a value may have at most " + MAX_VALUE_BYTES + " UTF-8 bytes, got " + bytes);
    }
  }
}
