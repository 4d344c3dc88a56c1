package io.entityflow.schema.compare;

import io.entityflow.contract.source.ContractSnapshot;
import java.util.List;

/**
 * The outcome of comparing two contracts: both sides and every finding, ordered by file and line.
 *
 * <pre>{@code
 * CheckResult result = ContractComparator.compare(base, current);
 * result.findings().forEach(f -> System.out.println(f.text()));
 * System.exit(result.exitCode());
 * }</pre>
 *
 * @param base the contract compared against
 * @param current the changed contract
 * @param findings every classified change, compatible ones included
 */
public record CheckResult(ContractSnapshot base, ContractSnapshot current, List<Finding> findings) {
  /** Exit code of a check without breaking changes. */
  public static final int COMPATIBLE = 0;

  /** Exit code of a check with at least one breaking change. */
  public static final int BREAKING = 1;

  /** Exit code when an input cannot be read. */
  public static final int UNREADABLE = 2;

  public CheckResult {
    findings = List.copyOf(findings);
  }

  /** The wire- and BigQuery-breaking findings. */
  public List<Finding> breakingFindings() {
    return findings.stream().filter(f -> f.severity().breaking()).toList();
  }

  /** Whether any change is breaking. */
  public boolean breaking() {
    return !breakingFindings().isEmpty();
  }

  /** {@link #BREAKING} when any change is breaking, else {@link #COMPATIBLE}. */
  public int exitCode() {
    return breaking() ? BREAKING : COMPATIBLE;
  }
}
