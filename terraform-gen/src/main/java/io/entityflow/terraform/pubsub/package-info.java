/**
 * Pub/Sub Protobuf schemas generated from the contract: {@link
 * io.entityflow.terraform.pubsub.PubSubSchemaGenerator} turns an entity message and everything it
 * imports into one self-contained {@code proto3} definition, wire-compatible with the contract.
 *
 * <pre>{@code
 * String definition = PubSubSchemaGenerator.generate(entity.descriptor());
 * }</pre>
 */
package io.entityflow.terraform.pubsub;
