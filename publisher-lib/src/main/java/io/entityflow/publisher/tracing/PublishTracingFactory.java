package io.entityflow.publisher.tracing;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.inject.Singleton;

/**
 * The publisher's {@link PublishTracing}: from the application's {@link OpenTelemetry} bean (e.g.
 * micronaut-tracing-opentelemetry's), else from {@link GlobalOpenTelemetry} (set by the
 * OpenTelemetry Java agent or by the application before the publisher is created); {@link
 * PublishTracing#OFF} (no tracing, no cost) when that is a no-op or {@code
 * entityflow.publisher.tracing.enabled=false}. Replace it with
 * {@code @Replaces(PublishTracing.class)}.
 *
 * <pre>{@code
 * PublishTracing tracing = context.getBean(PublishTracing.class);
 * tracing.isEnabled(); // false without OpenTelemetry
 * }</pre>
 *
 * <p>Guarantees: read once, when the publisher is created; {@link GlobalOpenTelemetry#get()} is
 * called only when tracing is enabled and no {@link OpenTelemetry} bean exists.
 */
@Factory
public class PublishTracingFactory {
  /** The tracing, {@link PublishTracing#OFF} when off. */
  @Singleton
  public PublishTracing publishTracing(
      @Value("${" + PublishTracing.ENABLED_KEY + ":true}") boolean enabled,
      BeanProvider<OpenTelemetry> openTelemetry) {
    if (!enabled) {
      return PublishTracing.OFF;
    }
    return PublishTracing.of(
        openTelemetry.isPresent() ? openTelemetry.get() : GlobalOpenTelemetry.get());
  }
}
