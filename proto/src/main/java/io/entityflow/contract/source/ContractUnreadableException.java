package io.entityflow.contract.source;

/**
 * Thrown when one side of a comparison cannot be read: a missing path, a file that is no descriptor
 * set, {@code .proto} files that do not compile, an unknown git ref or a contract that breaks the
 * contract rules. The message says which input and why. The command line exits with 2.
 *
 * <pre>{@code
 * try {
 *   loader.load("no-such-branch");
 * } catch (ContractUnreadableException e) {
 *   System.err.println(e.getMessage());
 * }
 * }</pre>
 */
public final class ContractUnreadableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with the reason. */
  public ContractUnreadableException(String message) {
    super(message);
  }

  /** An exception with the reason and its cause. */
  public ContractUnreadableException(String message, Throwable cause) {
    super(message, cause);
  }
}
