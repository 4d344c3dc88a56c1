package io.entityflow.publisher.internal;

import java.time.Instant;

/**
 * Formats the {@code occurred_at} attribute: exactly {@link Instant#toString()} (RFC 3339 in UTC,
 * e.g. {@code 2026-11-23T04:11:12.123Z}, with 0, 3, 6 or 9 fraction digits), but without building
 * the date part again for every event of the same second.
 *
 * <pre>{@code
 * EventTimestamps.format(Instant.parse("2026-11-23T04:11:12.5Z")); // "2026-11-23T04:11:12.500Z"
 * }</pre>
 *
 * <p>Thread-safe: the cached second is one immutable object behind a volatile field. Instants
 * outside the years 0000..9999 are formatted by {@link Instant#toString()} itself.
 */
public final class EventTimestamps {
  private static final long MIN_SECOND = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
  private static final long MAX_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

  private static volatile Second cached = new Second(0, "1970-01-01T00:00:00");

  private EventTimestamps() {}

  /** The RFC 3339 UTC text of {@code instant}, equal to {@code instant.toString()}. */
  public static String format(Instant instant) {
    long epochSecond = instant.getEpochSecond();
    if (epochSecond < MIN_SECOND || epochSecond > MAX_SECOND) {
      return instant.toString();
    }
    Second second = cached;
    if (second.epochSecond != epochSecond) {
      String text = Instant.ofEpochSecond(epochSecond).toString(); // "....T..:..:..Z"
      second = new Second(epochSecond, text.substring(0, text.length() - 1));
      cached = second;
    }
    int nanos = instant.getNano();
    StringBuilder out = new StringBuilder(second.prefix.length() + 11).append(second.prefix);
    if (nanos != 0) {
      out.append('.');
      if (nanos % 1_000_000 == 0) {
        appendDigits(out, nanos / 1_000_000, 3);
      } else if (nanos % 1_000 == 0) {
        appendDigits(out, nanos / 1_000, 6);
      } else {
        appendDigits(out, nanos, 9);
      }
    }
    return out.append('Z').toString();
  }

  private static void appendDigits(StringBuilder out, int value, int digits) {
    int start = out.length();
    for (int i = 0; i < digits; i++) {
      out.append('0');
    }
    for (int i = start + digits - 1; i >= start; i--) {
      out.setCharAt(i, (char) ('0' + value % 10));
      value /= 10;
    }
  }

  /** One second's {@code yyyy-MM-ddTHH:mm:ss} text. */
  private record Second(long epochSecond, String prefix) {}
}
