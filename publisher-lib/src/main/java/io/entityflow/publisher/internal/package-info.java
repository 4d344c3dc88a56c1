/**
 * The Pub/Sub side of the publisher: the connection (real service or emulator), one cached client
 * {@code Publisher} per topic built from the configuration, topic creation and message encoding.
 * Not an API: services use {@link io.entityflow.publisher.EntityPublisher}.
 */
package io.entityflow.publisher.internal;
