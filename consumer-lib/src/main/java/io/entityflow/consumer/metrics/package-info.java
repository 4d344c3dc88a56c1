/**
 * Micrometer meters of the consumers (see {@link io.entityflow.consumer.metrics.ConsumerMetrics}).
 *
 * <pre>{@code
 * new ConsumerMetrics(meterRegistry).handled("loyalty_accrual", "sale_v1");
 * }</pre>
 */
package io.entityflow.consumer.metrics;
