/**
 * Publishing entity changes to Pub/Sub: the {@link io.entityflow.publisher.EntityPublisher} API a
 * service injects, its request and receipt types, and the {@link
 * io.entityflow.publisher.DefaultEntityPublisher} bean that validates, batches and tracks every
 * event until it is delivered or reported failed.
 */
package io.entityflow.publisher;
