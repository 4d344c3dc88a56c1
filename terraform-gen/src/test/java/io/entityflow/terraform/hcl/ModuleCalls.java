package io.entityflow.terraform.hcl;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A module call against the variables its module declares (merged over the module's files): every
 * argument but the meta-arguments is a declared variable, and every variable without a default is
 * given. Only local modules ({@code ./} or {@code ../}) can be checked; any other source is
 * reported.
 *
 * <pre>{@code
 * ModuleCalls.violations(tree, "environments/example", call);
 * // ["argument \"label\" is not a variable of modules/topic; variables: [labels, name]"]
 * }</pre>
 */
final class ModuleCalls {
  /** Meta-arguments of module calls. */
  static final Set<String> META =
      Set.of("source", "version", "count", "for_each", "providers", "depends_on");

  private ModuleCalls() {}

  /** What is wrong with a call made in {@code dir}, empty when nothing. */
  static List<String> violations(TerraformTree tree, String dir, JsonObject call) {
    List<String> violations = new ArrayList<>();
    String source = call.has("source") ? call.get("source").getAsString() : "";
    if (!source.startsWith("./") && !source.startsWith("../")) {
      violations.add("source \"" + source + "\" is not a local module directory");
      return violations;
    }
    String module = Path.of(dir).resolve(source).normalize().toString().replace('\\', '/');
    if (!tree.directories().contains(module)) {
      violations.add("source \"" + source + "\" holds no .tf file (" + module + ")");
      return violations;
    }
    JsonObject variables = tree.blocks(module, "variable");
    for (String argument : call.keySet()) {
      if (!META.contains(argument) && !variables.has(argument)) {
        violations.add(
            "argument \""
                + argument
                + "\" is not a variable of "
                + module
                + "; variables: "
                + new TreeSet<>(variables.keySet()));
      }
    }
    for (Map.Entry<String, JsonElement> variable : variables.entrySet()) {
      if (!TerraformTree.single(variable.getValue()).has("default")
          && !call.has(variable.getKey())) {
        violations.add(
            "missing variable \"" + variable.getKey() + "\" of " + module + " (it has no default)");
      }
    }
    return violations;
  }
}
