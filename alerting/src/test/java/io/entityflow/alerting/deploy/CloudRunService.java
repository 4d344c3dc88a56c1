package io.entityflow.alerting.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.entityflow.testing.Hcl2Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerting service's Cloud Run container as Terraform would deploy it from the example
 * environment: {@code google_cloud_run_v2_service.alerting} of {@code modules/alerting}, with the
 * module's variables bound by the example's {@code module "alerting"} call (or their defaults) and
 * the example's variables by their defaults plus a test project id.
 *
 * <pre>{@code
 * CloudRunService run = CloudRunService.parse(Path.of("../terraform"));
 * run.containerPort();        // 8080
 * run.environment().keySet(); // every variable Terraform sets, plain and secret
 * }</pre>
 */
final class CloudRunService {
  static final String MODULE = "modules/alerting";
  static final String ENV = "environments/example";
  static final String TEST_PROJECT = "acme-test";

  private final Map<String, JsonObject> files;
  private final JsonObject container;
  private final JsonObject call;

  private CloudRunService(Map<String, JsonObject> files) {
    this.files = files;
    JsonObject service =
        single(blocks(MODULE, "resource", "google_cloud_run_v2_service", "alerting"));
    this.container = single(single(service.get("template")).get("containers"));
    this.call = single(blocks(ENV, "module", "alerting", null));
  }

  /** Parses the repository's terraform/ directory. */
  static CloudRunService parse(Path terraform) throws Exception {
    return new CloudRunService(Hcl2Json.parseAll(terraform));
  }

  /** {@code ports.container_port}: the port Cloud Run routes to and passes as {@code PORT}. */
  int containerPort() {
    return single(require(container, "ports")).get("container_port").getAsInt();
  }

  /** {@code http_get.path} of a probe ({@code startup_probe}, {@code liveness_probe}). */
  String probePath(String probe) {
    JsonObject httpGet = single(require(single(require(container, probe)), "http_get"));
    return require(httpGet, "path").getAsString();
  }

  /**
   * Every environment variable of the container, by name: literal {@code env} blocks with their
   * evaluated value, then each {@code dynamic "env"} expanded over its {@code for_each} (a map's
   * values, or {@code "(secret)"} for the secrets).
   */
  Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    if (container.has("env")) {
      for (JsonElement block : container.getAsJsonArray("env")) {
        JsonObject body = block.getAsJsonObject();
        env.put(body.get("name").getAsString(), evaluate(body.get("value")).getAsString());
      }
    }
    if (container.has("dynamic")) {
      for (JsonElement block : container.getAsJsonObject("dynamic").getAsJsonArray("env")) {
        JsonElement forEach = forEach(block.getAsJsonObject().get("for_each").getAsString());
        if (forEach.isJsonObject()) {
          forEach
              .getAsJsonObject()
              .entrySet()
              .forEach(e -> env.put(e.getKey(), e.getValue().getAsString()));
        } else {
          forEach.getAsJsonArray().forEach(name -> env.put(name.getAsString(), "(secret)"));
        }
      }
    }
    return env;
  }

  /** What a {@code for_each} of the container iterates over: a map, or a set of names. */
  private JsonElement forEach(String expression) {
    String ref = reference(expression);
    if (ref.startsWith("var.")) {
      return moduleVariable(ref.substring("var.".length()));
    }
    String[] resource = ref.split("\\.");
    if (resource.length == 2) {
      JsonObject body = single(blocks(MODULE, "resource", resource[0], resource[1]));
      return forEach(require(body, "for_each").getAsString());
    }
    throw new IllegalArgumentException(
        "cannot evaluate for_each '"
            + expression
            + "' of a dynamic env block in "
            + MODULE
            + "; allowed: var.<name> or <resource type>.<name>");
  }

  /** A value: a literal, or a {@code ${var.name}} reference to a module variable. */
  private JsonElement evaluate(JsonElement value) {
    String text = value.getAsString();
    return text.startsWith("${")
        ? moduleVariable(reference(text).substring("var.".length()))
        : value;
  }

  /** A module variable: the example's argument (resolved in the example), else its default. */
  private JsonElement moduleVariable(String name) {
    if (call.has(name)) {
      JsonElement arg = call.get(name);
      if (arg.isJsonPrimitive() && arg.getAsString().startsWith("${")) {
        return exampleVariable(reference(arg.getAsString()).substring("var.".length()));
      }
      return arg;
    }
    return require(single(blocks(MODULE, "variable", name, null)), "default");
  }

  private JsonElement exampleVariable(String name) {
    if (name.equals("project_id")) {
      return new JsonPrimitive(TEST_PROJECT);
    }
    return require(single(blocks(ENV, "variable", name, null)), "default");
  }

  private static String reference(String expression) {
    if (!expression.startsWith("${") || !expression.endsWith("}")) {
      throw new IllegalArgumentException("not a plain reference: '" + expression + "'");
    }
    return expression.substring(2, expression.length() - 1).strip();
  }

  /** Blocks of a kind in a directory, merged over its files: e.g. (dir, "resource", type, name). */
  private JsonArray blocks(String dir, String kind, String first, String second) {
    List<JsonElement> found = new ArrayList<>();
    files.forEach(
        (path, file) -> {
          if (path.startsWith(dir + "/")
              && path.indexOf('/', dir.length() + 1) < 0
              && file.has(kind)) {
            JsonElement level = file.getAsJsonObject(kind).get(first);
            if (level != null && second != null) {
              level = level.getAsJsonObject().get(second);
            }
            if (level != null) {
              found.add(level);
            }
          }
        });
    if (found.size() != 1) {
      throw new AssertionError(
          dir
              + " has "
              + found.size()
              + " "
              + kind
              + " "
              + first
              + (second == null ? "" : "." + second)
              + "; expected exactly one");
    }
    return found.get(0).getAsJsonArray();
  }

  private static JsonElement require(JsonObject body, String attribute) {
    if (!body.has(attribute)) {
      throw new AssertionError("no '" + attribute + "' in " + body);
    }
    return body.get(attribute);
  }

  private static JsonObject single(JsonElement blocks) {
    JsonArray array = blocks.getAsJsonArray();
    if (array.size() != 1) {
      throw new AssertionError("expected one block, found " + array.size() + ": " + blocks);
    }
    return array.get(0).getAsJsonObject();
  }
}
