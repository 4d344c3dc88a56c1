package io.entityflow.privacy.keys;

/**
 * A subject key store could not be read or written (e.g. the database is unreachable). The message
 * names the operation and the subject; the cause is the store's own error.
 *
 * <pre>{@code
 * try { store.find(subjectId); } catch (SubjectKeyStoreException e) { ... retry later ... }
 * }</pre>
 */
public final class SubjectKeyStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with its message and cause (may be null). */
  public SubjectKeyStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
