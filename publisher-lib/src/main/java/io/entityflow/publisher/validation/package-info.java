/**
 * Checks an event against the contract and Pub/Sub's limits before anything is sent, so an invalid
 * event is refused loudly with an {@link io.entityflow.publisher.InvalidEventException}.
 */
package io.entityflow.publisher.validation;
