package io.entityflow.contract;

/**
 * JSON string literals, written the same way wherever Entityflow writes JSON by hand (schema files,
 * dead-letter attributes, local-warehouse rows).
 *
 * <pre>{@code
 * JsonStrings.quote("say \"hi\"\n"); // "\"say \\\"hi\\\"\\n\""
 * }</pre>
 *
 * <p>Escapes quotes, backslashes, and every control character below U+0020; all other characters
 * are written as they are (the output is UTF-8 text).
 */
public final class JsonStrings {
  private JsonStrings() {}

  /** {@code value} as a JSON string literal. */
  public static String quote(String value) {
    return quote(new StringBuilder(value.length() + 2), value).toString();
  }

  /** Appends {@code value} as a JSON string literal and returns {@code out}. */
  public static StringBuilder quote(StringBuilder out, String value) {
    out.append('"');
    if (plain(value)) {
      return out.append(value).append('"');
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }

  /** Whether {@code value} needs no escape at all (the common case, appended in one go). */
  private static boolean plain(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }
}
