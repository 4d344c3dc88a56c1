/**
 * Entityflow's Beam pipelines: {@link io.entityflow.pipelines.EntityTopicsToBigQuery} (streaming,
 * every entity topic into its table) and {@link io.entityflow.pipelines.replay.ReplayEntityTable}
 * (batch, a table's events back onto a topic).
 *
 * <pre>{@code
 * PipelineResult result = EntityTopicsToBigQuery.run(options);
 * }</pre>
 */
package io.entityflow.pipelines;
