/**
 * The {@code entityflow.outbox.*} configuration, declared once with its defaults, and the factory
 * that creates the outbox beans from it.
 */
package io.entityflow.outbox.config;
