package io.entityflow.alerting.rules;

/**
 * Which series a rule applies to; null parts match anything.
 *
 * <pre>{@code
 * new RuleMatch(null, "sale_v1", "CREATED").matches("retail", "sale_v1", "CREATED"); // true
 * }</pre>
 *
 * @param dataset dataset (domain), or null
 * @param table table name, or null
 * @param operation operation, or null
 */
public record RuleMatch(String dataset, String table, String operation) {
  /** Matches everything. */
  public static final RuleMatch ANY = new RuleMatch(null, null, null);

  /** True when every non-null part equals the series' part. */
  public boolean matches(String dataset, String table, String operation) {
    return (this.dataset == null || this.dataset.equals(dataset))
        && (this.table == null || this.table.equals(table))
        && (this.operation == null || this.operation.equals(operation));
  }
}
