/**
 * The outbox's Micrometer meters (depth, oldest age, published, failed, parked), the monitor that
 * reads the table for them, and the health indicator.
 */
package io.entityflow.outbox.metrics;
