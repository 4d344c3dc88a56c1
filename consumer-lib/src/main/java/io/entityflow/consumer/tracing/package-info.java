/**
 * OpenTelemetry tracing of consumed events: the producer's trace continued in a consumer span
 * around the handler ({@link io.entityflow.consumer.tracing.ConsumeTracing}); off, at no cost, when
 * no OpenTelemetry is configured.
 */
package io.entityflow.consumer.tracing;
