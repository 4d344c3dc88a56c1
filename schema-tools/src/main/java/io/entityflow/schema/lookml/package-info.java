/**
 * LookML generated from the contract ({@code entityflow lookml --out DIR}): one view file per
 * entity history and latest state (every column as a typed dimension, nested views joined with
 * {@code UNNEST} for repeated records, maps and arrays, counts and sums of money amounts), one
 * explore file per entity and a model including them; an entity with PII is read through its {@code
 * _masked} view (PII as pseudonym strings), and a separate PII readers' model reads its {@code
 * <dataset>_pii.<table>_decrypted} view (PII of its original type) behind an access grant ({@link
 * io.entityflow.schema.lookml.LookmlProject}); and the files that change between two contracts, for
 * the pull-request report ({@link io.entityflow.schema.lookml.LookmlChanges}).
 */
package io.entityflow.schema.lookml;
