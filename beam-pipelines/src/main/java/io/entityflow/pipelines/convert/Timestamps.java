package io.entityflow.pipelines.convert;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The TIMESTAMP text form of rows: RFC 3339 in UTC with exactly six fraction digits, e.g. {@code
 * 2026-11-23T10:15:30.123456Z}. BigQuery keeps microseconds, so nanoseconds are truncated.
 *
 * <pre>{@code
 * Timestamps.format(Instant.parse("2026-11-23T10:15:30.123456789Z")); // "2026-11-23T10:15:30.123456Z"
 * }</pre>
 */
public final class Timestamps {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** Formats an instant, truncated to microseconds. */
  public static String format(Instant instant) {
    return FORMAT.format(instant);
  }

  /** Formats a {@code google.protobuf.Timestamp} (generated or dynamic). */
  public static String format(Message timestamp) {
    Descriptor type = timestamp.getDescriptorForType();
    long seconds = (Long) timestamp.getField(type.findFieldByNumber(1));
    int nanos = (Integer) timestamp.getField(type.findFieldByNumber(2));
    return format(Instant.ofEpochSecond(seconds, nanos));
  }

  /**
   * Parses an RFC 3339 timestamp with any offset and fraction.
   *
   * @throws IllegalArgumentException naming the value and the expected form
   */
  public static Instant parse(String name, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(
          name + " is missing; expected an RFC 3339 timestamp, e.g. 2026-11-23T10:15:30.123Z");
    }
    try {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value, Instant::from);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name
              + " has invalid value '"
              + value
              + "'; expected an RFC 3339 timestamp, e.g. 2026-11-23T10:15:30.123Z",
          e);
    }
  }

  /** A {@code google.protobuf.Timestamp} of the given type holding {@code instant}. */
  public static Message toMessage(Descriptor type, Instant instant) {
    return DynamicMessage.newBuilder(type)
        .setField(type.findFieldByNumber(1), instant.getEpochSecond())
        .setField(type.findFieldByNumber(2), instant.getNano())
        .build();
  }
}
