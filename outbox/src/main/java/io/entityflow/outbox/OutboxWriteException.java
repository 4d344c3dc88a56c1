package io.entityflow.outbox;

/**
 * The outbox row(s) could not be inserted; the cause is the database's error. The transaction is
 * aborted: roll it back (a {@code @Transactional} method does so when this propagates).
 *
 * <pre>{@code
 * try {
 *   outbox.record(connection, request);
 * } catch (OutboxWriteException e) {
 *   connection.rollback();
 * }
 * }</pre>
 */
public final class OutboxWriteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for {@code events} events. */
  public OutboxWriteException(int events, Throwable cause) {
    super(
        "could not record "
            + events
            + " event(s) in the outbox table entityflow_outbox: "
            + cause.getMessage(),
        cause);
  }
}
