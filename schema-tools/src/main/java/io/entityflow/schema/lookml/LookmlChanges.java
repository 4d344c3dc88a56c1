package io.entityflow.schema.lookml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The LookML files that differ between two contracts' generated LookML, by file name and content.
 * Immutable.
 *
 * <pre>{@code
 * LookmlChanges changes = LookmlChanges.between(
 *     LookmlProject.of(base, LookmlOptions.defaults()).files(),
 *     LookmlProject.of(current, LookmlOptions.defaults()).files());
 * changes.changed(); // ["views/sale_v1.view.lkml", "views/sale_v1_latest.view.lkml"]
 * }</pre>
 *
 * @param added files only the current contract generates, sorted
 * @param changed files both generate with different content, sorted
 * @param removed files only the base contract generates, sorted
 */
public record LookmlChanges(List<String> added, List<String> changed, List<String> removed) {
  public LookmlChanges {
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
  }

  /** The differences from {@code base} to {@code current} (paths to contents). */
  public static LookmlChanges between(Map<String, String> base, Map<String, String> current) {
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    TreeSet<String> paths = new TreeSet<>(base.keySet());
    paths.addAll(current.keySet());
    for (String path : paths) {
      String before = base.get(path);
      String after = current.get(path);
      if (before == null) {
        added.add(path);
      } else if (after == null) {
        removed.add(path);
      } else if (!before.equals(after)) {
        changed.add(path);
      }
    }
    return new LookmlChanges(added, changed, removed);
  }

  /** Whether no file differs. */
  public boolean isEmpty() {
    return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
  }
}
