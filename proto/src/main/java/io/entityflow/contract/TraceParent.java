package io.entityflow.contract;

import java.util.Map;

/**
 * Reads the trace id out of an event's W3C Trace Context attribute, without any tracing library:
 * what the pipeline stores in the {@code trace_id} column and the dead-letter table.
 *
 * <pre>{@code
 * String traceId = TraceParent.traceId(message.getAttributesMap()); // null when absent or invalid
 * TraceParent.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
 * // "4bf92f3577b34da6a3ce929d0e0e4736"
 * }</pre>
 *
 * <p>Guarantees: returns either 32 lower-case hex digits (never all zeros) or null; follows the W3C
 * rules (version {@code ff} is invalid; version {@code 00} is exactly 55 characters; a later
 * version may append fields after a dash); never throws.
 */
public final class TraceParent {
  private static final int VERSION_00_LENGTH = 55;

  private TraceParent() {}

  /**
   * The trace id of the {@link EventAttributes#TRACEPARENT} attribute, or of {@link
   * EventAttributes#GOOGCLIENT_TRACEPARENT} when the first is absent; null when neither holds a
   * valid value.
   */
  public static String traceId(Map<String, String> attributes) {
    String value = attributes.get(EventAttributes.TRACEPARENT);
    if (value == null) {
      value = attributes.get(EventAttributes.GOOGCLIENT_TRACEPARENT);
    }
    return value == null ? null : traceId(value);
  }

  /** The trace id of one {@code traceparent} value; null when the value is not valid. */
  public static String traceId(String traceparent) {
    if (traceparent.length() < VERSION_00_LENGTH
        || !hex(traceparent, 0, 2)
        || traceparent.startsWith("ff")
        || (traceparent.startsWith("00") && traceparent.length() != VERSION_00_LENGTH)
        || (traceparent.length() > VERSION_00_LENGTH
            && traceparent.charAt(VERSION_00_LENGTH) != '-')
        || traceparent.charAt(2) != '-'
        || traceparent.charAt(35) != '-'
        || traceparent.charAt(52) != '-'
        || !hex(traceparent, 3, 35)
        || !hex(traceparent, 36, 52)
        || !hex(traceparent, 53, 55)
        || zeros(traceparent, 3, 35)
        || zeros(traceparent, 36, 52)) {
      return null;
    }
    return traceparent.substring(3, 35);
  }

  private static boolean hex(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean zeros(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }
}
