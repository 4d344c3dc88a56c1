/**
 * The compatibility rules: {@link io.entityflow.schema.compare.ContractComparator} compares two
 * {@link io.entityflow.contract.source.ContractSnapshot}s and classifies every change as
 * wire-breaking, BigQuery-breaking or compatible ({@link io.entityflow.schema.compare.Rule}).
 */
package io.entityflow.schema.compare;
