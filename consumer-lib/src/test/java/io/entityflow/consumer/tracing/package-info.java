/** The end-to-end trace test: service span, publish, traceparent, consumer span. */
package io.entityflow.consumer.tracing;
