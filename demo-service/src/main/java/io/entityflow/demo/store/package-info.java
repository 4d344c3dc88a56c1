/**
 * The demo service's own database: the table of sales it keeps and the transactional outbox its
 * sale events go through (local mode runs the PostgreSQL beside the service).
 */
package io.entityflow.demo.store;
