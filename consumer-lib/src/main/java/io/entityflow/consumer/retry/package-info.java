/**
 * Which handler failures are retried and with what backoff.
 *
 * <pre>{@code
 * entityflow.consumer.retry.retryable-exceptions: [java.net.ConnectException]
 * }</pre>
 */
package io.entityflow.consumer.retry;
