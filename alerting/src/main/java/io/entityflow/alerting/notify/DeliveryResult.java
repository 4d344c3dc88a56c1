package io.entityflow.alerting.notify;

import java.time.Instant;

/**
 * The outcome of sending one notification to one channel, after retries.
 *
 * <pre>{@code
 * results.stream().filter(r -> !r.delivered()).forEach(r -> System.err.println(r.error()));
 * }</pre>
 *
 * @param channel channel name
 * @param dedupKey the alert
 * @param kind firing or resolved
 * @param delivered true when an attempt succeeded
 * @param attempts attempts made
 * @param error the last error (no secrets), or null
 * @param at when the last attempt ended
 */
public record DeliveryResult(
    String channel,
    String dedupKey,
    NotificationKind kind,
    boolean delivered,
    int attempts,
    String error,
    Instant at) {}
