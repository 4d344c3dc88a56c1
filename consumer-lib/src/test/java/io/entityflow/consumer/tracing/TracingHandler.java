package io.entityflow.consumer.tracing;

import com.acme.retail.sale.v1.Sale;
import io.entityflow.consumer.EntityEvent;
import io.entityflow.consumer.fixtures.RecordingHandler;
import io.micronaut.context.annotation.Requires;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Consumer {@code tracing_it} of Sale; records the span current in the handler per event id. */
@Singleton
@Requires(property = "spec.name", value = "TracedEventIT")
public class TracingHandler extends RecordingHandler {
  private final Map<String, SpanContext> currentSpans = new ConcurrentHashMap<>();

  public TracingHandler() {
    super("tracing_it");
  }

  @Override
  public void handle(EntityEvent<Sale> event) throws Exception {
    currentSpans.put(event.eventId(), Span.current().getSpanContext());
    super.handle(event);
  }

  /** The span current while the handler ran for {@code eventId}. */
  public SpanContext currentSpan(String eventId) {
    return currentSpans.get(eventId);
  }
}
