package io.entityflow.testing.bigquery;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a value fits its column's type: the forms a {@code TableRow} carries (JSON-compatible
 * strings and numbers, and the Java values Beam converts: {@code byte[]}, {@code java.time} types)
 * and the type's range. Source:
 * https://cloud.google.com/bigquery/docs/reference/standard-sql/data-types (ranges, canonical
 * formats) and https://cloud.google.com/bigquery/docs/reference/rest/v2/tabledata/insertAll (BYTES
 * as base64).
 *
 * <pre>{@code
 * ValueRules.problem("NUMERIC", "1.0000000001"); // "… has 10 fraction digits"
 * ValueRules.problem("STRING", "ok");           // null
 * }</pre>
 */
final class ValueRules {
  static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  static final BigDecimal BIGNUMERIC_MAX =
      new BigDecimal(
          "578960446186580977117854925043439539266.34992332820282019728792003956564819967");

  private static final String DATE = "(\\d{4})-(\\d{1,2})-(\\d{1,2})";
  private static final String TIME = "(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{1,6}))?";
  private static final Pattern DATE_ONLY = Pattern.compile(DATE);
  private static final Pattern TIME_ONLY = Pattern.compile(TIME);
  private static final Pattern DATETIME = Pattern.compile(DATE + "(?:[ T]" + TIME + ")?");
  private static final Pattern TIMESTAMP =
      Pattern.compile(DATE + "(?:[ T]" + TIME + ")?(?: ?(?:Z|UTC|[+-]\\d{1,2}(?::\\d{2})?))?");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

  /** What is allowed, per canonical type. */
  static final Map<String, String> ALLOWED =
      Map.ofEntries(
          Map.entry("STRING", "a string"),
          Map.entry("BYTES", "byte[] or a base64 string"),
          Map.entry("INTEGER", "an integer from -2^63 to 2^63-1 (number or decimal string)"),
          Map.entry("FLOAT", "a number or a string of one (NaN, Infinity, -Infinity included)"),
          Map.entry("NUMERIC", "a decimal of at most 29 integer digits and 9 fraction digits"),
          Map.entry(
              "BIGNUMERIC", "a decimal of magnitude below 5.79E+38, at most 38 fraction digits"),
          Map.entry("BOOLEAN", "true or false (boolean or string)"),
          Map.entry(
              "TIMESTAMP",
              "YYYY-[M]M-[D]D[( |T)[H]H:[M]M:[S]S[.F{1,6}]][ ][Z|UTC|+HH[:MM]], years 0001 to 9999,"
                  + " or java.time.Instant"),
          Map.entry("DATE", "YYYY-[M]M-[D]D, years 0001 to 9999, or java.time.LocalDate"),
          Map.entry(
              "DATETIME",
              "YYYY-[M]M-[D]D[( |T)[H]H:[M]M:[S]S[.F{1,6}]] or java.time.LocalDateTime"),
          Map.entry("TIME", "[H]H:[M]M:[S]S[.F{1,6}] or java.time.LocalTime"),
          Map.entry("JSON", "a string (a JSON document)"),
          Map.entry("GEOGRAPHY", "a string (WKT or GeoJSON)"),
          Map.entry("RANGE", "a string"));

  private ValueRules() {}

  /** What is wrong with {@code value} as a {@code type} (canonical) value, or null when it fits. */
  static String problem(String type, Object value) {
    return switch (type) {
      case "STRING", "JSON", "GEOGRAPHY", "RANGE" ->
          value instanceof CharSequence ? null : notA(value, "string");
      case "BYTES" -> bytes(value);
      case "INTEGER" -> integer(value);
      case "FLOAT" -> floating(value);
      case "NUMERIC" -> numeric(value, 29, 9, null);
      case "BIGNUMERIC" -> numeric(value, Integer.MAX_VALUE, 38, BIGNUMERIC_MAX);
      case "BOOLEAN" -> bool(value);
      case "TIMESTAMP" -> value instanceof java.time.Instant ? null : dateTime(value, TIMESTAMP);
      case "DATE" -> value instanceof LocalDate ? null : dateTime(value, DATE_ONLY);
      case "DATETIME" -> value instanceof LocalDateTime ? null : dateTime(value, DATETIME);
      case "TIME" -> value instanceof LocalTime ? null : time(value);
      default -> null;
    };
  }

  static String describe(Object value) {
    if (value instanceof CharSequence) {
      String text = value.toString();
      return "'" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "'";
    }
    return value.getClass().getSimpleName() + " " + value;
  }

  private static String notA(Object value, String what) {
    return describe(value) + " is not " + what;
  }

  private static String bytes(Object value) {
    if (value instanceof byte[]) {
      return null;
    }
    if (!(value instanceof CharSequence)) {
      return notA(value, "byte[] or a base64 string");
    }
    try {
      Base64.getDecoder().decode(value.toString());
      return null;
    } catch (IllegalArgumentException e) {
      return describe(value) + " is not base64";
    }
  }

  private static BigDecimal decimal(Object value) {
    try {
      if (value instanceof BigDecimal d) {
        return d;
      }
      if (value instanceof BigInteger i) {
        return new BigDecimal(i);
      }
      if (value instanceof Double || value instanceof Float) {
        double d = ((Number) value).doubleValue();
        return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
      }
      if (value instanceof Number n) {
        return BigDecimal.valueOf(n.longValue());
      }
      if (value instanceof CharSequence) {
        return new BigDecimal(value.toString().trim());
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return null;
  }

  private static String integer(Object value) {
    if (value instanceof CharSequence && !INTEGER.matcher(value.toString()).matches()) {
      return describe(value) + " is not a decimal integer";
    }
    BigDecimal d = decimal(value);
    if (d == null) {
      return notA(value, "an integer");
    }
    if (d.stripTrailingZeros().scale() > 0) {
      return describe(value) + " has a fraction";
    }
    if (d.compareTo(LONG_MIN) < 0 || d.compareTo(LONG_MAX) > 0) {
      return describe(value) + " is outside the INT64 range";
    }
    return null;
  }

  private static String floating(Object value) {
    if (value instanceof Number) {
      return null;
    }
    if (value instanceof CharSequence) {
      String text = value.toString();
      if (text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity")) {
        return null;
      }
      return decimal(value) == null ? describe(value) + " is not a number" : null;
    }
    return notA(value, "a number");
  }

  private static String numeric(
      Object value, int integerDigits, int fractionDigits, BigDecimal max) {
    BigDecimal d = decimal(value);
    if (d == null) {
      return notA(value, "a finite decimal");
    }
    BigDecimal stripped = d.stripTrailingZeros();
    int fraction = Math.max(stripped.scale(), 0);
    int integer = Math.max(stripped.precision() - stripped.scale(), 0);
    if (fraction > fractionDigits) {
      return describe(value) + " has " + fraction + " fraction digits";
    }
    if (integer > integerDigits || (max != null && d.abs().compareTo(max) > 0)) {
      return describe(value) + " is out of range (" + integer + " integer digits)";
    }
    return null;
  }

  private static String bool(Object value) {
    if (value instanceof Boolean) {
      return null;
    }
    if (value instanceof CharSequence) {
      String text = value.toString().toLowerCase(Locale.ROOT);
      return text.equals("true") || text.equals("false")
          ? null
          : describe(value) + " is not true or false";
    }
    return notA(value, "a boolean");
  }

  private static String dateTime(Object value, Pattern pattern) {
    if (!(value instanceof CharSequence)) {
      return notA(value, "a string");
    }
    Matcher m = pattern.matcher(value.toString());
    if (!m.matches()) {
      return describe(value) + " is not in canonical format";
    }
    try {
      int year = Integer.parseInt(m.group(1));
      if (year < 1) {
        return describe(value) + " is before 0001-01-01";
      }
      LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      if (m.groupCount() >= 6 && m.group(4) != null) {
        LocalTime.of(
            Integer.parseInt(m.group(4)),
            Integer.parseInt(m.group(5)),
            Integer.parseInt(m.group(6)));
      }
      return null;
    } catch (DateTimeException e) {
      return describe(value) + " is no valid date or time: " + e.getMessage();
    }
  }

  private static String time(Object value) {
    if (!(value instanceof CharSequence)) {
      return notA(value, "a string");
    }
    Matcher m = TIME_ONLY.matcher(value.toString());
    if (!m.matches()) {
      return describe(value) + " is not in canonical format";
    }
    try {
      LocalTime.of(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      return null;
    } catch (DateTimeException e) {
      return describe(value) + " is no valid time: " + e.getMessage();
    }
  }
}
