/**
 * OpenLineage run events of the pipeline: {@link io.entityflow.pipelines.lineage.LineageEmitter}
 * builds them (job, one input dataset per entity topic, one output dataset per table written) and
 * hands them to a {@link io.entityflow.pipelines.lineage.LineageTransport}: an HTTP endpoint
 * ({@link io.entityflow.pipelines.lineage.HttpLineageTransport}) or a JSON-lines file ({@link
 * io.entityflow.pipelines.lineage.FileLineageTransport}). Beam has no OpenLineage integration and
 * Dataflow reports its own lineage to Dataplex only, so the pipeline reports itself.
 *
 * <pre>{@code
 * LineageEmitter lineage = PipelineLineage.emitter(options, layout, entities, tables);
 * PipelineResult result = lineage.observe(pipeline::run);  // START, then COMPLETE/FAIL/ABORT
 * }</pre>
 */
package io.entityflow.pipelines.lineage;
