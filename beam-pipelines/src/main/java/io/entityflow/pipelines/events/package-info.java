/**
 * From Pub/Sub messages to table rows: {@link io.entityflow.pipelines.events.ParseEntityEvents}
 * (the Beam transform) and {@link io.entityflow.pipelines.events.EntityEventParser} (one message,
 * validated attributes, metadata columns, entity columns).
 *
 * <pre>{@code
 * PCollectionTuple parsed = messages.apply(ParseEntityEvents.forTopic("sale_v1"));
 * }</pre>
 */
package io.entityflow.pipelines.events;
