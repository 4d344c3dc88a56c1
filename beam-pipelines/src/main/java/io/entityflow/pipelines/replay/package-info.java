/**
 * Replay: {@link io.entityflow.pipelines.replay.ReplayEntityTable} reads an entity table for a time
 * range and republishes its events with their original attributes and {@code replayed_at}.
 *
 * <pre>{@code
 * ReplayEntityTable.run(options).waitUntilFinish();
 * }</pre>
 */
package io.entityflow.pipelines.replay;
