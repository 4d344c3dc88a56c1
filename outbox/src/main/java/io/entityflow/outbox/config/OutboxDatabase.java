package io.entityflow.outbox.config;

import javax.sql.DataSource;

/**
 * The data source the outbox uses, by its bean name, after the migration ran. Its connections are
 * plain pooled connections (not bound to the caller's transaction): the relay and the monitor open
 * their own.
 *
 * <pre>{@code
 * try (Connection connection = context.getBean(OutboxDatabase.class).dataSource().getConnection()) {
 *   OutboxTable.stats(connection);
 * }
 * }</pre>
 *
 * @param name the DataSource bean name ({@code entityflow.outbox.datasource})
 * @param dataSource the data source
 */
public record OutboxDatabase(String name, DataSource dataSource) {}
