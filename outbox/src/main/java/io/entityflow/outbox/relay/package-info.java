/**
 * The relay: workers that claim ordering keys with advisory locks, publish their rows in insert
 * order through the publisher, delete them once Pub/Sub confirmed, and wait on LISTEN/NOTIFY or a
 * poll when idle.
 */
package io.entityflow.outbox.relay;
