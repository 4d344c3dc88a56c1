/**
 * OpenTelemetry tracing of publishes: a producer span per event and the W3C trace context on the
 * message ({@link io.entityflow.publisher.tracing.PublishTracing}); off, at no cost, when no
 * OpenTelemetry is configured.
 */
package io.entityflow.publisher.tracing;
