package io.entityflow.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.contract.EventAttributes;
import io.entityflow.contract.Operation;
import io.entityflow.publisher.PublishRequest;
import io.entityflow.publisher.fixtures.Sales;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordedTraceContextTest {
  private final PublishRequest request = PublishRequest.of(Sales.sale("s-1"), Operation.CREATED);

  @Test
  void theCurrentSpanTravelsAsTraceparent() {
    try (SdkTracerProvider tracers = SdkTracerProvider.builder().build()) {
      Span span = tracers.get("test").spanBuilder("POST /sales").startSpan();
      try (Scope ignored = span.makeCurrent()) {
        PublishRequest traced = RecordedTraceContext.attach(request);

        assertThat(traced.attributes())
            .containsExactly(
                Map.entry(
                    EventAttributes.TRACEPARENT,
                    "00-"
                        + span.getSpanContext().getTraceId()
                        + "-"
                        + span.getSpanContext().getSpanId()
                        + "-01"));
      } finally {
        span.end();
      }
    }
  }

  @Test
  void withoutACurrentSpanTheRequestIsUnchanged() {
    assertThat(RecordedTraceContext.attach(request)).isSameAs(request);
  }

  @Test
  void aTraceparentTheCallerSetIsKept() {
    PublishRequest own =
        request.withAttributes(
            Map.of(
                EventAttributes.TRACEPARENT,
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
    try (SdkTracerProvider tracers = SdkTracerProvider.builder().build()) {
      Span span = tracers.get("test").spanBuilder("POST /sales").startSpan();
      try (Scope ignored = span.makeCurrent()) {
        assertThat(RecordedTraceContext.attach(own)).isSameAs(own);
      } finally {
        span.end();
      }
    }
  }
}
