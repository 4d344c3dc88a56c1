package io.entityflow.privacy.tools;

/**
 * A step of the forget failed: the exception carries the exit code of that step and a message
 * naming what failed and what was already done.
 *
 * <pre>{@code
 * throw new ForgetStepException(ForgetExit.KEY_STORE, "cannot connect to the key store ...", e);
 * }</pre>
 */
public final class ForgetStepException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ForgetExit exit;

  /** A failure of the step whose exit code is {@code exit}. */
  public ForgetStepException(ForgetExit exit, String message, Throwable cause) {
    super(message, cause);
    this.exit = exit;
  }

  /** The exit code of the failed step. */
  public ForgetExit exit() {
    return exit;
  }
}
