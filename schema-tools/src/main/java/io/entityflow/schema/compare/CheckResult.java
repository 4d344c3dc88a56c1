package io.entityflow.schema.compare;

import com.google.protobuf.Descriptors.FileDescriptor;
import io.entityflow.contract.source.ContractSnapshot;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The outcome of comparing two contracts: both sides, every finding ordered by file and line, and
 * the policy that says which breaking findings block.
 *
 * <pre>{@code
 * CheckResult result = ContractComparator.compare(base, current).withPolicy(policy);
 * result.findings().forEach(f -> System.out.println(f.text()));
 * System.exit(result.exitCode());
 * }</pre>
 *
 * @param base the contract compared against
 * @param current the changed contract
 * @param findings every classified change, compatible ones included
 * @param policy which breaking findings block
 */
public record CheckResult(
    ContractSnapshot base, ContractSnapshot current, List<Finding> findings, CheckPolicy policy) {
  /** Exit code of a check without blocking changes. */
  public static final int COMPATIBLE = 0;

  /** Exit code of a check with at least one blocking change. */
  public static final int BREAKING = 1;

  /** Exit code when an input cannot be read. */
  public static final int UNREADABLE = 2;

  public CheckResult {
    findings = List.copyOf(findings);
    Objects.requireNonNull(policy, "policy");
  }

  /** A result under the {@link CheckPolicy#DEFAULT default policy}. */
  public CheckResult(ContractSnapshot base, ContractSnapshot current, List<Finding> findings) {
    this(base, current, findings, CheckPolicy.DEFAULT);
  }

  /** The same findings under another policy. */
  public CheckResult withPolicy(CheckPolicy other) {
    return new CheckResult(base, current, findings, other);
  }

  /** The wire-, JSON- and BigQuery-breaking findings, blocking or not. */
  public List<Finding> breakingFindings() {
    return findings.stream().filter(f -> f.severity().breaking()).toList();
  }

  /** The breaking findings that block under the policy. */
  public List<Finding> blockingFindings() {
    return findings.stream().filter(this::blocks).toList();
  }

  /**
   * Whether a finding blocks: it is breaking, its rule is in the policy's category, and it is not
   * in an unstable package that the policy ignores.
   */
  public boolean blocks(Finding finding) {
    return finding.rule().blocksUnder(policy.block())
        && !(policy.ignoreUnstablePackages() && inUnstablePackage(finding));
  }

  /**
   * Whether the file of a finding declares an unstable package ({@link CheckPolicy#isUnstable}).
   */
  public boolean inUnstablePackage(Finding finding) {
    return Stream.concat(current.files().stream(), base.files().stream())
        .filter(file -> file.getName().equals(finding.file()))
        .findFirst()
        .map(FileDescriptor::getPackage)
        .map(CheckPolicy::isUnstable)
        .orElse(false);
  }

  /** Whether any change blocks. */
  public boolean breaking() {
    return !blockingFindings().isEmpty();
  }

  /** {@link #BREAKING} when any change blocks, else {@link #COMPATIBLE}. */
  public int exitCode() {
    return breaking() ? BREAKING : COMPATIBLE;
  }
}
