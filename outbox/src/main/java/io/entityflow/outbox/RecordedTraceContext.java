package io.entityflow.outbox;

import io.entityflow.contract.EventAttributes;
import io.entityflow.publisher.PublishRequest;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.HashMap;
import java.util.Map;

/**
 * The trace of the transaction that records an event, kept with the event: the W3C {@code
 * traceparent} of the span current when {@link Outbox#record} runs is stored as the event's {@code
 * traceparent} attribute, so the relay's producer span (published later, on another thread) is a
 * child of the service's request span and the trace reaches the warehouse row.
 *
 * <pre>{@code
 * PublishRequest traced = RecordedTraceContext.attach(request); // + traceparent when a span is current
 * }</pre>
 *
 * <p>Guarantees: without OpenTelemetry, or without a valid current span, the request is returned as
 * is (one thread-local read); a {@code traceparent} the caller set is kept.
 */
final class RecordedTraceContext {
  private RecordedTraceContext() {}

  static PublishRequest attach(PublishRequest request) {
    SpanContext context = Span.current().getSpanContext();
    if (!context.isValid() || request.attributes().containsKey(EventAttributes.TRACEPARENT)) {
      return request;
    }
    Map<String, String> attributes = new HashMap<>(request.attributes());
    attributes.put(
        EventAttributes.TRACEPARENT,
        "00-"
            + context.getTraceId()
            + "-"
            + context.getSpanId()
            + "-"
            + context.getTraceFlags().asHex());
    return request.withAttributes(attributes);
  }
}
