/**
 * Generated SQL: the {@code <table>_latest} views ({@link
 * io.entityflow.pipelines.sql.LatestViews}).
 *
 * <pre>{@code
 * LatestViews.bigQueryDdl(EntityRegistry.load(), "acme-data", "");
 * }</pre>
 */
package io.entityflow.pipelines.sql;
