package io.entityflow.privacy.tools;

/**
 * The command was refused before anything was read or changed (exit code {@link
 * ForgetExit#REFUSED}): its message names the option or environment variable, the bad value and
 * what is allowed.
 *
 * <pre>{@code
 * throw new ForgetRefusedException("--project 'X' is not allowed; allowed: a project id");
 * }</pre>
 */
public final class ForgetRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A refusal with its message. */
  public ForgetRefusedException(String message) {
    super(message);
  }
}
