/**
 * The demo service's own database: an embedded PostgreSQL in local mode, the table of sales it
 * keeps, and the transactional outbox its sale events go through.
 */
package io.entityflow.demo.store;
