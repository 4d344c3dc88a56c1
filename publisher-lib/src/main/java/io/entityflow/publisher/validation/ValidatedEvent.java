package io.entityflow.publisher.validation;

import io.entityflow.contract.registry.EntityDefinition;

/**
 * The result of a successful validation: the entity of the event and the id of its message, so that
 * the id is extracted once per event.
 *
 * <pre>{@code
 * ValidatedEvent valid = validator.validate(request);
 * valid.entity().topicName(); // "sale_v1"
 * valid.id();                 // "s-1001"
 * }</pre>
 *
 * @param entity the entity definition
 * @param id the entity id of the message, never empty
 */
public record ValidatedEvent(EntityDefinition entity, String id) {}
