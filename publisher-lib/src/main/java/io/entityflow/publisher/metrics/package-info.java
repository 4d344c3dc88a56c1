/**
 * Per-topic counters of the publisher (published, failed, latency, outstanding), kept in memory for
 * the health indicator and exported to Micrometer when a meter registry exists.
 */
package io.entityflow.publisher.metrics;
