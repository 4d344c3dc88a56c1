package io.entityflow.publisher;

/**
 * An event that breaks a rule of the contract or of Pub/Sub; thrown before anything is sent.
 *
 * <pre>{@code
 * try {
 *   publisher.publish(Sale.newBuilder().build(), Operation.CREATED);
 * } catch (InvalidEventException e) {
 *   e.entity(); // "Sale"
 *   e.field();  // "sale_id"
 *   e.rule();   // "id must be set: a non-empty string or a number other than 0"
 * }
 * }</pre>
 *
 * <p>The message names the entity, the field (or attribute) and the rule, never the payload.
 */
public final class InvalidEventException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String entity;
  private final String field;
  private final String rule;

  /** Creates the exception; {@code field} names a message field or an attribute. */
  public InvalidEventException(String entity, String field, String rule) {
    super("invalid " + entity + " event: " + field + ": " + rule + "; nothing was published");
    this.entity = entity;
    this.field = field;
    this.rule = rule;
  }

  /** The entity name (or the message type when it is no entity). */
  public String entity() {
    return entity;
  }

  /** The offending field or attribute, e.g. {@code sale_id} or {@code attribute 'goog-x'}. */
  public String field() {
    return field;
  }

  /** The rule that was broken. */
  public String rule() {
    return rule;
  }
}
