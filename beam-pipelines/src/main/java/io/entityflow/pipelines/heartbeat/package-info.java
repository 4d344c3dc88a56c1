/**
 * The pipeline heartbeat: {@link io.entityflow.pipelines.heartbeat.Heartbeats} emits a row into
 * {@code entityflow.pipeline_heartbeat} ({@link io.entityflow.contract.layout.HeartbeatTable})
 * every period, also when no events arrive.
 *
 * <pre>{@code
 * pipeline.apply("Heartbeat", Heartbeats.every(Duration.standardSeconds(30)));
 * }</pre>
 */
package io.entityflow.pipelines.heartbeat;
