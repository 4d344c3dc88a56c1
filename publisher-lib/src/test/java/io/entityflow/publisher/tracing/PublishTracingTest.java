package io.entityflow.publisher.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
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
  void withoutOpenTelemetryBeanOrGlobalTheBeanIsOff() {
    // nothing in this JVM sets GlobalOpenTelemetry: it is the no-op one
    try (ApplicationContext context =
        ApplicationContext.run(Map.of("spec.name", "PublishTracingTest"))) {
      assertThat(context.getBean(PublishTracing.class)).isSameAs(PublishTracing.OFF);
    }
  }
}
