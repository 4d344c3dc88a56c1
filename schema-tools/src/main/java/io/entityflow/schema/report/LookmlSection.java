package io.entityflow.schema.report;

import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.schema.lookml.LookmlChanges;
import io.entityflow.schema.lookml.LookmlOptions;
import io.entityflow.schema.lookml.LookmlProject;
import java.util.List;

/**
 * The report's LookML section: the files of {@code entityflow lookml} (default options) that a
 * contract change adds, changes or removes, found by generating the LookML of both contracts.
 *
 * <pre>{@code
 * String section = LookmlSection.markdown(base.registry(), current.registry()); // "" when none
 * }</pre>
 */
final class LookmlSection {
  private LookmlSection() {}

  /** The section, empty when the generated LookML is the same. */
  static String markdown(EntityRegistry base, EntityRegistry current) {
    LookmlChanges changes =
        LookmlChanges.between(
            LookmlProject.of(base, LookmlOptions.defaults()).files(),
            LookmlProject.of(current, LookmlOptions.defaults()).files());
    if (changes.isEmpty()) {
      return "";
    }
    StringBuilder out =
        new StringBuilder("\n## LookML\n\n")
            .append("Regenerate with `entityflow lookml --out DIR`; files that change:\n\n");
    list(out, "added", changes.added());
    list(out, "changed", changes.changed());
    list(out, "removed", changes.removed());
    return out.toString();
  }

  private static void list(StringBuilder out, String what, List<String> files) {
    for (String file : files) {
      out.append("- ").append(what).append(" `").append(file).append("`\n");
    }
  }
}
