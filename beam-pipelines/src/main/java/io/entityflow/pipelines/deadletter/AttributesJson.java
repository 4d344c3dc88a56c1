package io.entityflow.pipelines.deadletter;

import io.entityflow.contract.JsonStrings;
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

  private static StringBuilder quote(StringBuilder out, String value) {
    return JsonStrings.quote(out, value);
  }
}
