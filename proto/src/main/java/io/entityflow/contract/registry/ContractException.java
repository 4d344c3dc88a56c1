package io.entityflow.contract.registry;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a contract cannot be loaded. Lists every violation found, each naming the file, the
 * message and the rule.
 *
 * <pre>{@code
 * try {
 *   EntityRegistry.fromDescriptorSet(set);
 * } catch (ContractException e) {
 *   e.violations().forEach(v -> System.err.println(v));
 * }
 * }</pre>
 */
public final class ContractException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<ContractViolation> violations;

  /** Creates an exception for one or more violations. */
  public ContractException(List<ContractViolation> violations) {
    super(describe(violations));
    this.violations = List.copyOf(violations);
  }

  /** Creates an exception for one violation. */
  public ContractException(ContractViolation violation) {
    this(List.of(violation));
  }

  /** The violations, in file and message order. */
  public List<ContractViolation> violations() {
    return violations;
  }

  private static String describe(List<ContractViolation> violations) {
    if (violations.size() == 1) {
      return "invalid entity contract: " + violations.get(0);
    }
    return "invalid entity contract, "
        + violations.size()
        + " problems:\n"
        + violations.stream().map(v -> "  " + v).collect(Collectors.joining("\n"));
  }
}
