/**
 * The outbox table: its shipped Flyway migration, the SQL of recording, claiming, reading, deleting
 * and parking rows, and the statistics the metrics and health read.
 */
package io.entityflow.outbox.store;
