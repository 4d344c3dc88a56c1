package io.entityflow.consumer;

/**
 * What happened to the PII fields of a handled event ({@link EventMetadata#piiState()}).
 *
 * <pre>{@code
 * if (event.metadata().piiForgotten()) {
 *   // the subject was forgotten: email, full_name, ... are cleared; do not store a copy
 * }
 * }</pre>
 */
public enum PiiState {
  /** The entity has no PII field: the payload travelled and arrives as it is. */
  NONE,
  /** The PII fields travelled encrypted and were decrypted with the subject's key. */
  DECRYPTED,
  /** The PII fields travelled encrypted and the subject was forgotten: they are cleared. */
  FORGOTTEN,
  /**
   * The PII fields travelled encrypted and this service has no subject keys ({@code
   * entityflow.consumer.decrypt-pii=false}, or no {@code entityflow.privacy.kek-uri}): they are
   * cleared.
   */
  NOT_DECRYPTED
}
