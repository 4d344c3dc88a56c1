package io.entityflow.schema.lookml;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading lookml-parser's JSON output of a LookML project in tests. */
final class ParsedLookml {
  private ParsedLookml() {}

  /** The parsed view {@code view} of {@code file}. */
  static JsonObject view(JsonObject parsed, String file, String view) {
    return parsed
        .getAsJsonObject("files")
        .getAsJsonObject(file)
        .getAsJsonObject("view")
        .getAsJsonObject(view);
  }

  /** Field name to {@code "type | sql"}, in file order, of the fields of {@code kind}. */
  static Map<String, String> fields(JsonObject parsed, String file, String view, String kind) {
    JsonObject fields = view(parsed, file, view).getAsJsonObject(kind);
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : fields.entrySet()) {
      JsonObject f = e.getValue().getAsJsonObject();
      out.put(
          e.getKey(),
          (f.has("type") ? f.get("type").getAsString() : "")
              + " | "
              + (f.has("sql") ? f.get("sql").getAsString().trim() : ""));
    }
    return out;
  }
}
