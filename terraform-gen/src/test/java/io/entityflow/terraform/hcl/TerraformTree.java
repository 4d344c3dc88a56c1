package io.entityflow.terraform.hcl;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parsed {@code .tf} files of the terraform/ directory, with look-ups by module directory,
 * block type and name, merged over the files of a directory as Terraform does.
 */
final class TerraformTree {
  private final Map<String, JsonObject> files;

  TerraformTree(Map<String, JsonObject> files) {
    this.files = files;
  }

  Map<String, JsonObject> files() {
    return files;
  }

  /**
   * Every block of a kind in a directory, e.g. ("modules/iam", "variable") as name to body;
   * resources and data sources of one type declared in several files are merged by type.
   */
  JsonObject blocks(String dir, String kind) {
    JsonObject merged = new JsonObject();
    files.forEach(
        (path, file) -> {
          if (parent(path).equals(dir) && file.has(kind)) {
            file.getAsJsonObject(kind)
                .entrySet()
                .forEach(
                    e -> {
                      if (merged.has(e.getKey())
                          && merged.get(e.getKey()).isJsonObject()
                          && e.getValue().isJsonObject()) {
                        e.getValue()
                            .getAsJsonObject()
                            .entrySet()
                            .forEach(
                                n ->
                                    merged
                                        .getAsJsonObject(e.getKey())
                                        .add(n.getKey(), n.getValue()));
                      } else {
                        merged.add(e.getKey(), e.getValue().deepCopy());
                      }
                    });
          }
        });
    return merged;
  }

  /** The body of a resource, e.g. ("modules/entity", "google_pubsub_topic", "entity"). */
  JsonObject resource(String dir, String type, String name) {
    JsonObject types = blocks(dir, "resource");
    if (!types.has(type) || !types.getAsJsonObject(type).has(name)) {
      throw new AssertionError("no resource " + type + "." + name + " in " + dir);
    }
    return single(types.getAsJsonObject(type).get(name));
  }

  /** The body of a module call in a directory. */
  JsonObject module(String dir, String name) {
    JsonObject modules = blocks(dir, "module");
    if (!modules.has(name)) {
      throw new AssertionError("no module " + name + " in " + dir);
    }
    return single(modules.get(name));
  }

  /** The body of an output. */
  JsonObject output(String dir, String name) {
    JsonObject outputs = blocks(dir, "output");
    if (!outputs.has(name)) {
      throw new AssertionError("no output " + name + " in " + dir);
    }
    return single(outputs.get(name));
  }

  /** Every local value of a directory. */
  JsonObject locals(String dir) {
    JsonObject merged = new JsonObject();
    files.forEach(
        (path, file) -> {
          if (parent(path).equals(dir) && file.has("locals")) {
            for (JsonElement block : file.getAsJsonArray("locals")) {
              block.getAsJsonObject().entrySet().forEach(e -> merged.add(e.getKey(), e.getValue()));
            }
          }
        });
    return merged;
  }

  /** Every resource of a type in every directory, as "dir:type.name" with its body. */
  List<Map.Entry<String, JsonObject>> resourcesOfType(String type) {
    List<Map.Entry<String, JsonObject>> out = new ArrayList<>();
    files.forEach(
        (path, file) -> {
          if (file.has("resource") && file.getAsJsonObject("resource").has(type)) {
            file.getAsJsonObject("resource")
                .getAsJsonObject(type)
                .entrySet()
                .forEach(
                    e ->
                        out.add(
                            Map.entry(
                                parent(path) + ":" + type + "." + e.getKey(),
                                single(e.getValue()))));
          }
        });
    return out;
  }

  /** The directories holding {@code .tf} files. */
  List<String> directories() {
    return files.keySet().stream().map(TerraformTree::parent).distinct().sorted().toList();
  }

  static JsonObject single(JsonElement blocks) {
    JsonArray array = blocks.getAsJsonArray();
    if (array.size() != 1) {
      throw new AssertionError("expected one block, found " + array.size() + ": " + blocks);
    }
    return array.get(0).getAsJsonObject();
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
