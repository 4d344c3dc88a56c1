/**
 * The data catalog: Markdown and static HTML pages per domain and entity, with every field's type,
 * BigQuery column, sensitivity and description, and a field index to find "where is X" ({@link
 * io.entityflow.schema.catalog.DataCatalog}).
 */
package io.entityflow.schema.catalog;
