/**
 * Schema tools of Entityflow: the compatibility check of contract changes ({@link
 * io.entityflow.schema.compare}), the pull-request report ({@link io.entityflow.schema.report}),
 * the data catalog ({@link io.entityflow.schema.catalog}) and their command line ({@link
 * io.entityflow.schema.SchemaToolsCli}).
 */
package io.entityflow.schema;
