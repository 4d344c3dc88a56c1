package io.entityflow.schema.lookml;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.entityflow.contract.registry.EntityRegistry;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The LookML of the example contract, every file parsed by lookml-parser. */
class LookmlProjectTest {
  private static JsonObject parsed;

  @BeforeAll
  static void generateAndParse() throws Exception {
    Path out = Path.of("target/lookml-acme");
    LookmlProject.of(EntityRegistry.load(), LookmlOptions.defaults()).write(out);
    parsed = LookmlParser.parseAll(out);
  }

  @Test
  void dump() {
    for (String file :
        List.of("views/sale_v1_latest.view.lkml", "views/call_record_v1_latest.view.lkml")) {
      JsonObject views =
          parsed.getAsJsonObject("files").getAsJsonObject(file).getAsJsonObject("view");
      for (String view : views.keySet()) {
        for (String kind : List.of("dimension", "dimension_group", "measure")) {
          System.out.println("// " + view + " " + kind);
          fields(file, view, kind)
              .forEach(
                  (k, v) ->
                      System.out.println(
                          "entry(\"" + k + "\", \"" + v.replace("\"", "\\\"") + "\"),"));
        }
      }
    }
  }

  static Map<String, String> fields(String file, String view, String kind) {
    JsonObject fields =
        parsed
            .getAsJsonObject("files")
            .getAsJsonObject(file)
            .getAsJsonObject("view")
            .getAsJsonObject(view)
            .getAsJsonObject(kind);
    Map<String, String> out = new LinkedHashMap<>();
    if (fields == null) {
      return out;
    }
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
