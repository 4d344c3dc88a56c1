package io.entityflow.publisher.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import io.micronaut.context.ApplicationContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishTracingTest {

  @Test
  void noOpOpenTelemetryMeansNoTracing() {
    assertThat(PublishTracing.of(OpenTelemetry.noop())).isSameAs(PublishTracing.OFF);
    assertThat(PublishTracing.of(null)).isSameAs(PublishTracing.OFF);
    assertThat(PublishTracing.OFF.isEnabled()).isFalse();
  }

  @Test
  void sdkOpenTelemetryMeansTracing() {
    try (OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder().build()).build()) {
      assertThat(PublishTracing.of(sdk).isEnabled()).isTrue();
    }
  }

  @Test
  void withoutCurrentSpanTheTraceparentTheEventCarriesIsTheParent() {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    try (OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build()) {
      PublishTracing tracing = PublishTracing.of(sdk);
      PubsubMessage stored =
          PubsubMessage.newBuilder()
              .setData(ByteString.copyFromUtf8("x"))
              .putAttributes("event_id", "e-1")
              .putAttributes(
                  "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
              .build();

      Span span = tracing.start("sale_v1", "e-1", stored);
      PubsubMessage sent = tracing.inject(span, stored);
      PublishTracing.succeeded(span, "m-1");

      SpanData data = spans.getFinishedSpanItems().get(0);
      assertThat(data.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
      assertThat(data.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
      assertThat(sent.getAttributesOrThrow("traceparent"))
          .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-" + data.getSpanId() + "-01");
      assertThat(sent.getAttributesOrThrow("event_id")).isEqualTo("e-1");
    }
  }

  @Test
  void withoutOpenTelemetryBeanOrGlobalTheBeanIsOff() {
    // nothing in this JVM sets GlobalOpenTelemetry: it is the no-op one
    try (ApplicationContext context =
        ApplicationContext.run(Map.of("spec.name", "PublishTracingTest"))) {
      assertThat(context.getBean(PublishTracing.class)).isSameAs(PublishTracing.OFF);
    }
  }
}
