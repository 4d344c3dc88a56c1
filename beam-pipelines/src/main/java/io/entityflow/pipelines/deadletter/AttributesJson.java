package io.entityflow.pipelines.deadletter;

import java.util.Map;
import java.util.TreeMap;

/**
 * Writes message attributes as a JSON object with keys sorted, e.g. {@code
 * {"event_id":"e-1","operation":"CREATED"}}, for the {@code attributes} JSON column.
 */
public final class AttributesJson {
  private AttributesJson() {}

  /** The attributes as a compact JSON object, keys in order. */
  public static String write(Map<String, String> attributes) {
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<String, String> entry : new TreeMap<>(attributes).entrySet()) {
      if (out.length() > 1) {
        out.append(',');
      }
      quote(out, entry.getKey()).append(':');
      quote(out, entry.getValue());
    }
    return out.append('}').toString();
  }

  /** Appends {@code value} as a JSON string literal. */
  public static StringBuilder quote(StringBuilder out, String value) {
    out.append('"');
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
}
