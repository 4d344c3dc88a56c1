package io.entityflow.alerting.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One warehouse table and the operations of it that are watched, each with its rule.
 *
 * <pre>{@code
 * for (WatchedTable t : rules.watched(registry)) { t.segmentColumns(); ... }
 * }</pre>
 *
 * @param dataset dataset
 * @param table table
 * @param operations watched operations
 */
public record WatchedTable(String dataset, String table, List<WatchedOperation> operations) {
  /** Copies the list. */
  public WatchedTable {
    operations = List.copyOf(operations);
  }

  /** The distinct segment columns of the rules (null for unsegmented), in order. */
  public Set<String> segmentColumns() {
    Set<String> columns = new LinkedHashSet<>();
    for (WatchedOperation op : operations) {
      columns.add(op.rule().segmentColumn());
    }
    return columns;
  }

  /**
   * One watched operation.
   *
   * @param operation operation name
   * @param rule its rule
   */
  public record WatchedOperation(String operation, AlertRule rule) {}
}
