package io.entityflow.testing.bigquery;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by {@link BigQueryRules} when BigQuery would refuse a table, a schema change or a row: the
 * message lists every {@link Violation}, one per line.
 *
 * <pre>{@code
 * try {
 *   BigQueryRules.checkTable(table);
 * } catch (BigQueryRuleException e) {
 *   e.violations(); // each with table, column path, rule, problem and what is allowed
 * }
 * }</pre>
 */
public final class BigQueryRuleException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<Violation> violations;

  /** An exception listing {@code violations} (at least one). */
  public BigQueryRuleException(List<Violation> violations) {
    super(violations.stream().map(Violation::message).collect(Collectors.joining("\n")));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a BigQueryRuleException needs at least one violation");
    }
    this.violations = List.copyOf(violations);
  }

  /** The violations, in the order they were found. */
  public List<Violation> violations() {
    return violations;
  }

  /** Throws when {@code violations} is not empty. */
  static void throwIfAny(List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new BigQueryRuleException(violations);
    }
  }
}
