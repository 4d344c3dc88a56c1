package io.entityflow.pipelines.convert;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import java.time.Instant;
import java.time.LocalDateTime;
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

  /** Years 1 to 9999 take the fast path; others (era, sign) go through {@link #FORMAT}. */
  private static final long FIRST_FAST_SECOND =
      LocalDateTime.of(1, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

  private static final long END_FAST_SECOND =
      LocalDateTime.of(10000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

  private Timestamps() {}

  /** Formats an instant, truncated to microseconds. */
  public static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < FIRST_FAST_SECOND || seconds >= END_FAST_SECOND) {
      return FORMAT.format(instant);
    }
    long days = Math.floorDiv(seconds, 86_400L);
    int secondOfDay = (int) (seconds - days * 86_400L);
    // the civil date of an epoch day, counted in 400-year cycles of 146,097 days from 0000-03-01
    long shifted = days + 719_468;
    long era = Math.floorDiv(shifted, 146_097);
    int dayOfEra = (int) (shifted - era * 146_097);
    int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int monthFromMarch = (5 * dayOfYear + 2) / 153;
    int day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
    int month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
    int year = (int) (yearOfEra + era * 400) + (month <= 2 ? 1 : 0);
    char[] text = new char[27];
    digits(text, 0, year, 4);
    text[4] = '-';
    digits(text, 5, month, 2);
    text[7] = '-';
    digits(text, 8, day, 2);
    text[10] = 'T';
    digits(text, 11, secondOfDay / 3_600, 2);
    text[13] = ':';
    digits(text, 14, secondOfDay / 60 % 60, 2);
    text[16] = ':';
    digits(text, 17, secondOfDay % 60, 2);
    text[19] = '.';
    digits(text, 20, instant.getNano() / 1000, 6);
    text[26] = 'Z';
    return new String(text);
  }

  private static void digits(char[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
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
    Instant fast = parseUtc(value);
    if (fast != null) {
      return fast;
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

  /**
   * The common form {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} without the formatter's cost; null for
   * anything else (then the formatter decides, with its errors).
   */
  private static Instant parseUtc(String value) {
    int length = value.length();
    if (length < 20
        || value.charAt(length - 1) != 'Z'
        || value.charAt(4) != '-'
        || value.charAt(7) != '-'
        || value.charAt(10) != 'T'
        || value.charAt(13) != ':'
        || value.charAt(16) != ':') {
      return null;
    }
    int nanos = 0;
    if (length > 20) {
      int fraction = length - 21;
      if (value.charAt(19) != '.' || fraction < 1 || fraction > 9) {
        return null;
      }
      int parsed = number(value, 20, fraction);
      if (parsed < 0) {
        return null;
      }
      nanos = parsed;
      for (int i = fraction; i < 9; i++) {
        nanos *= 10;
      }
    }
    int year = number(value, 0, 4);
    int month = number(value, 5, 2);
    int day = number(value, 8, 2);
    int hour = number(value, 11, 2);
    int minute = number(value, 14, 2);
    int second = number(value, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) {
      return null;
    }
    if (second < 0 || second > 59 || day > lengthOfMonth(year, month)) {
      return null;
    }
    long seconds = epochDay(year, month, day) * 86_400L + hour * 3_600 + minute * 60 + second;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /** Days in {@code month} of the proleptic Gregorian {@code year} (as {@code YearMonth}). */
  private static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /**
   * Days from 1970-01-01 to a valid date of year 0 to 9999 (as {@code LocalDate.toEpochDay}),
   * counted in 400-year cycles from 0000-03-01 without building a date.
   */
  private static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yearOfEra = y - era * 400;
    int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097L + dayOfEra - 719_468L;
  }

  /** The decimal number of {@code width} digits at {@code at}; -1 if any is not a digit. */
  private static int number(String value, int at, int width) {
    int result = 0;
    for (int i = at; i < at + width; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      result = result * 10 + (c - '0');
    }
    return result;
  }

  /** A {@code google.protobuf.Timestamp} of the given type holding {@code instant}. */
  public static Message toMessage(Descriptor type, Instant instant) {
    return DynamicMessage.newBuilder(type)
        .setField(type.findFieldByNumber(1), instant.getEpochSecond())
        .setField(type.findFieldByNumber(2), instant.getNano())
        .build();
  }
}
