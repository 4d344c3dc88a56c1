package io.entityflow.publisher.privacy;

/**
 * The PII fields of an event could not be encrypted: the subject's key could not be made, unwrapped
 * or stored (e.g. Cloud KMS or the key store unreachable). Nothing was published; publishing the
 * event again later may succeed.
 *
 * <pre>{@code
 * try {
 *   publisher.publish(customer, Operation.CREATED);
 * } catch (PiiEncryptionException e) {
 *   // retry later
 * }
 * }</pre>
 *
 * <p>The message names the entity and the cause, never a field value or the subject id.
 */
public final class PiiEncryptionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for an event of {@code entity}. */
  public PiiEncryptionException(String entity, Throwable cause) {
    super(
        "the PII fields of a "
            + entity
            + " event could not be encrypted ("
            + cause
            + "); nothing was published",
        cause);
  }
}
