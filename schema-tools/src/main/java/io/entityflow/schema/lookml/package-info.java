/**
 * LookML generated from the contract ({@code entityflow lookml --out DIR}): one view file per
 * entity table and per latest view (every column as a typed dimension, nested views joined with
 * {@code UNNEST} for repeated records, maps and arrays, counts and sums of money amounts, PII
 * hidden and gated by an access grant), one explore file per entity and a model file including them
 * ({@link io.entityflow.schema.lookml.LookmlProject}); and the files that change between two
 * contracts, for the pull-request report ({@link io.entityflow.schema.lookml.LookmlChanges}).
 */
package io.entityflow.schema.lookml;
