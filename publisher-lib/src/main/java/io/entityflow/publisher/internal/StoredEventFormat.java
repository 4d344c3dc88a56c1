package io.entityflow.publisher.internal;

/**
 * Cheap format checks of a stored event's columns, for restoring events that were validated when
 * they were stored (no parsing of the payload or of the attributes' values).
 *
 * <pre>{@code
 * StoredEventFormat.isUuid("123e4567-e89b-12d3-a456-426614174000"); // true
 * StoredEventFormat.isBucket("27", 64);                               // true
 * StoredEventFormat.isBucket("064", 64);                              // false
 * }</pre>
 */
public final class StoredEventFormat {
  /** A UUID as the error messages show one. */
  public static final String UUID_EXAMPLE = "123e4567-e89b-12d3-a456-426614174000";

  private StoredEventFormat() {}

  /** Whether {@code value} is 8-4-4-4-12 hex digits. */
  public static boolean isUuid(String value) {
    if (value == null || value.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = value.charAt(i);
      boolean ok =
          (i == 8 || i == 13 || i == 18 || i == 23)
              ? c == '-'
              : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code key} is a decimal number in {@code 0 .. buckets - 1} without leading zeros, as
   * {@link io.entityflow.contract.OrderingKey#bucketed} makes them.
   */
  public static boolean isBucket(String key, int buckets) {
    if (key == null || key.isEmpty() || key.length() > 10) {
      return false;
    }
    if (key.length() > 1 && key.charAt(0) == '0') {
      return false;
    }
    long value = 0;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      value = value * 10 + (c - '0');
    }
    return value < buckets;
  }
}
