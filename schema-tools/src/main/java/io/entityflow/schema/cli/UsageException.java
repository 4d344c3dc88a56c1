package io.entityflow.schema.cli;

/**
 * Thrown when the command line is wrong (unknown command or option, missing value). The message
 * says what is wrong and what is allowed; the command line prints it with the usage and exits with
 * 2.
 *
 * <pre>{@code
 * throw new UsageException("option --against is required");
 * }</pre>
 */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with the message shown to the user. */
  public UsageException(String message) {
    super(message);
  }
}
