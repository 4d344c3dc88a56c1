/**
 * The machinery behind the consumers: decoding, the dispatch shared by production and the test kit,
 * the Pub/Sub subscribers, in-flight tracking and the local-mode resource setup. Not an API; it may
 * change.
 *
 * <pre>{@code
 * new EventDispatcher<>(binding, retryPolicy, dedupStore, sink, metrics, Backoff.NO_WAIT)
 *     .dispatch(message, "sale_v1_loyalty_accrual");
 * }</pre>
 */
package io.entityflow.consumer.internal;
