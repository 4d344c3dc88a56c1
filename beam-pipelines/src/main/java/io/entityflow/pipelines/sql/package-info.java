/**
 * Generated SQL: the {@code <table>_latest} views ({@link
 * io.entityflow.pipelines.sql.LatestViews}).
 *
 * <pre>{@code
 * LatestViews.createLocal(connection, EntityRegistry.load());
 * }</pre>
 */
package io.entityflow.pipelines.sql;
