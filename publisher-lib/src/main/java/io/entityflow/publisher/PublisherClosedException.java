package io.entityflow.publisher;

/**
 * The publisher is shutting down or shut down: thrown by a publish call made after shutdown
 * started, and the cause of the failure of events still undelivered when the shutdown timeout
 * ended.
 *
 * <pre>{@code
 * context.close(); // flushes, waits up to shutdown-timeout
 * publisher.publish(sale, Operation.CREATED); // throws PublisherClosedException
 * }</pre>
 */
public final class PublisherClosedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message saying what was refused or abandoned. */
  public PublisherClosedException(String message) {
    super(message);
  }
}
