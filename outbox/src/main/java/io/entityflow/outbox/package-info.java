/**
 * The transactional outbox: {@link io.entityflow.outbox.Outbox} records entity changes in the
 * service's own database transaction; the relay publishes them after the commit.
 */
package io.entityflow.outbox;
