package io.entityflow.alerting.rules;

/**
 * A rules file that cannot be used; the message names the file, the rule, the key, the bad value
 * and what is allowed.
 *
 * <pre>{@code
 * try { RulesFileParser.parse(path); } catch (RulesException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public final class RulesException extends RuntimeException {
  /** Creates the exception. */
  public RulesException(String message, Throwable cause) {
    super(message, cause);
  }
}
