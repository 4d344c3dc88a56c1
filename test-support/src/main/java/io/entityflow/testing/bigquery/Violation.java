package io.entityflow.testing.bigquery;

import com.google.api.services.bigquery.model.TableReference;
import java.util.Objects;

/**
 * One thing BigQuery would refuse: which table, which column (or table property), which {@link
 * Rule}, what is wrong and what is allowed.
 *
 * <pre>{@code
 * violation.message();
 * // "p:entityflow.pipeline_heartbeat: pipeline: [partition-column-type] DAY time partitioning
 * //  column has type STRING; allowed: TIMESTAMP, DATE or DATETIME"
 * }</pre>
 *
 * @param table {@code project:dataset.table}
 * @param path the column path ({@code total.nanos}) or the table property ({@code table name})
 * @param rule the rule broken
 * @param problem what is wrong, naming the bad value
 * @param allowed what is allowed instead
 */
public record Violation(String table, String path, Rule rule, String problem, String allowed) {
  public Violation {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(allowed, "allowed");
  }

  /** {@code <project:dataset.table>: <path>: [<rule>] <problem>; allowed: <allowed>}. */
  public String message() {
    return table + ": " + path + ": [" + rule.id() + "] " + problem + "; allowed: " + allowed;
  }

  @Override
  public String toString() {
    return message();
  }

  /** {@code project:dataset.table} of a reference (missing parts shown as {@code ?}). */
  public static String label(TableReference reference) {
    if (reference == null) {
      return "?:?.?";
    }
    return orUnknown(reference.getProjectId())
        + ":"
        + orUnknown(reference.getDatasetId())
        + "."
        + orUnknown(reference.getTableId());
  }

  private static String orUnknown(String part) {
    return part == null ? "?" : part;
  }
}
