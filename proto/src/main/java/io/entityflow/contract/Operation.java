package io.entityflow.contract;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The kind of change an entity event describes. Travels as the {@link EventAttributes#OPERATION}
 * attribute and lands in the {@code operation} column.
 *
 * <pre>{@code
 * Operation op = Operation.parse(message.getAttributesOrThrow(EventAttributes.OPERATION));
 * }</pre>
 */
public enum Operation {
  /** The entity was created; the payload is its first state. */
  CREATED,
  /** The entity changed; the payload is its full state after the change. */
  UPDATED,
  /** The entity was deleted; the payload carries at least the id. */
  DELETED,
  /** The full current state re-sent without a change, e.g. for a backfill. */
  SNAPSHOT;

  private static final String ALLOWED =
      Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));

  /**
   * Parses an attribute value.
   *
   * @throws IllegalArgumentException naming the bad value and the allowed ones
   */
  public static Operation parse(String value) {
    if (value != null) {
      for (Operation operation : values()) {
        if (operation.name().equals(value)) {
          return operation;
        }
      }
    }
    throw new IllegalArgumentException(
        "attribute '"
            + EventAttributes.OPERATION
            + "' has invalid value '"
            + value
            + "'; allowed: "
            + ALLOWED);
  }
}
