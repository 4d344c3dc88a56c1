package io.entityflow.consumer.dedup;

/**
 * Remembers which event ids a consumer has handled, so that a redelivered or republished event is
 * not handed to its handler twice. The library asks {@link #isHandled} before calling the handler
 * and calls {@link #markHandled} after it returned normally, then acknowledges.
 *
 * <pre>{@code
 * @Singleton @Replaces(DedupStore.class)
 * DedupStore myStore() { return new JdbcDedupStore(dataSource, "my_handled_events"); }
 * }</pre>
 *
 * <p>Guarantee it gives: an event id marked (and, for a durable store, committed) is never handled
 * again by that consumer. A crash between the handler's return and the mark still re-handles the
 * event once: make handlers idempotent, or record the mark in the handler's own transaction ({@link
 * JdbcDedupStore#markHandled(java.sql.Connection, String, String)}).
 */
public interface DedupStore {
  /** A store that remembers nothing: every event is handled. */
  DedupStore NONE =
      new DedupStore() {
        @Override
        public boolean isHandled(String consumer, String eventId) {
          return false;
        }

        @Override
        public void markHandled(String consumer, String eventId) {}
      };

  /**
   * Whether {@code consumer} handled {@code eventId} before.
   *
   * @throws RuntimeException when the store cannot answer; the event is then not acknowledged
   */
  boolean isHandled(String consumer, String eventId);

  /**
   * Records that {@code consumer} handled {@code eventId}; marking twice is harmless.
   *
   * @throws RuntimeException when the store cannot record it; the event is still acknowledged (it
   *     was handled) and the failure logged
   */
  void markHandled(String consumer, String eventId);
}
