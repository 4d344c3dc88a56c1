package io.entityflow.outbox.store;

import io.entityflow.contract.JsonStrings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code attributes} column: a flat JSON object of strings, written by hand and read back from
 * PostgreSQL's {@code jsonb} text form ({@code {"a": "b", "c": "d"}}).
 *
 * <pre>{@code
 * String json = AttributesJson.write(Map.of("tenant", "nl")); // {"tenant":"nl"}
 * Map<String, String> back = AttributesJson.read(json);
 * }</pre>
 *
 * <p>Reads exactly what JSON allows for an object of strings (whitespace, every escape, surrogate
 * pairs) and throws {@link IllegalArgumentException} naming the position for anything else.
 */
public final class AttributesJson {
  private AttributesJson() {}

  /** The JSON object of {@code attributes}. */
  public static String write(Map<String, String> attributes) {
    StringBuilder out = new StringBuilder(32 * attributes.size() + 2).append('{');
    boolean first = true;
    for (Map.Entry<String, String> attribute : attributes.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      JsonStrings.quote(out, attribute.getKey()).append(':');
      JsonStrings.quote(out, attribute.getValue());
    }
    return out.append('}').toString();
  }

  /**
   * The attributes of a JSON object of strings.
   *
   * @throws IllegalArgumentException when {@code json} is not such an object
   */
  public static Map<String, String> read(String json) {
    Reader reader = new Reader(json);
    Map<String, String> attributes = new LinkedHashMap<>(16);
    reader.expect('{');
    if (!reader.consume('}')) {
      do {
        String key = reader.string();
        reader.expect(':');
        attributes.put(key, reader.string());
      } while (reader.consume(','));
      reader.expect('}');
    }
    reader.end();
    return attributes;
  }

  private static final class Reader {
    private final String text;
    private int at;
    private int nextEscape; // the first backslash at or after at, -1: none

    Reader(String text) {
      this.text = text;
      this.nextEscape = text.indexOf('\\');
    }

    private void skipSpace() {
      while (at < text.length()) {
        char c = text.charAt(at);
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
          return;
        }
        at++;
      }
    }

    boolean consume(char c) {
      skipSpace();
      if (at < text.length() && text.charAt(at) == c) {
        at++;
        return true;
      }
      return false;
    }

    void expect(char c) {
      if (!consume(c)) {
        throw error("'" + c + "'");
      }
    }

    void end() {
      skipSpace();
      if (at != text.length()) {
        throw error("the end");
      }
    }

    String string() {
      expect('"');
      int close = text.indexOf('"', at);
      if (close >= 0) {
        if (nextEscape >= 0 && nextEscape < at) {
          nextEscape = text.indexOf('\\', at);
        }
        if (nextEscape < 0 || nextEscape > close) {
          // no escape before the closing quote: the value is the plain substring
          String value = text.substring(at, close);
          at = close + 1;
          return value;
        }
      }
      StringBuilder out = new StringBuilder();
      while (at < text.length()) {
        char c = text.charAt(at++);
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (at >= text.length()) {
          break;
        }
        char escape = text.charAt(at++);
        switch (escape) {
          case '"', '\\', '/' -> out.append(escape);
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            if (at + 4 > text.length()) {
              throw error("four hex digits");
            }
            try {
              out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            } catch (NumberFormatException e) {
              throw error("four hex digits");
            }
            at += 4;
          }
          default -> throw error("an escape character");
        }
      }
      throw error("'\"'");
    }

    private IllegalArgumentException error(String expected) {
      return new IllegalArgumentException(
          "attributes are not a JSON object of strings: expected "
              + expected
              + " at position "
              + at
              + " of "
              + text.length());
    }
  }
}
