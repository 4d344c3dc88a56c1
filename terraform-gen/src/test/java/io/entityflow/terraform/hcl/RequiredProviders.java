package io.entityflow.terraform.hcl;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code required_providers} of one directory (module or environment), merged over its files:
 * local name to source address.
 *
 * <pre>{@code
 * RequiredProviders.of(tree, "modules/pipeline").get("google-beta"); // "hashicorp/google-beta"
 * }</pre>
 *
 * <p>A local name declared without a source maps to the empty string.
 */
final class RequiredProviders {
  private RequiredProviders() {}

  /** Local name to source of every provider the directory's {@code terraform} blocks require. */
  static Map<String, String> of(TerraformTree tree, String dir) {
    Map<String, String> sources = new TreeMap<>();
    tree.files()
        .forEach(
            (file, json) -> {
              String parent = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "";
              if (!parent.equals(dir) || !json.has("terraform")) {
                return;
              }
              for (JsonElement terraform : json.getAsJsonArray("terraform")) {
                JsonObject settings = terraform.getAsJsonObject();
                if (!settings.has("required_providers")) {
                  continue;
                }
                for (JsonElement providers : settings.getAsJsonArray("required_providers")) {
                  for (Map.Entry<String, JsonElement> e : providers.getAsJsonObject().entrySet()) {
                    JsonObject requirement = e.getValue().getAsJsonObject();
                    sources.put(
                        e.getKey(),
                        requirement.has("source") ? requirement.get("source").getAsString() : "");
                  }
                }
              }
            });
    return sources;
  }
}
