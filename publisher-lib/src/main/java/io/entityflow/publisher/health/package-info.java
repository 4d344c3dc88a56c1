/** The health indicator of the publisher, for Micronaut's {@code /health} endpoint. */
package io.entityflow.publisher.health;
