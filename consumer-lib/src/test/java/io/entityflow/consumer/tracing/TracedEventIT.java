package io.entityflow.consumer.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.ReceivedMessage;
import io.entityflow.consumer.fixtures.Await;
import io.entityflow.consumer.fixtures.EmulatorTopics;
import io.entityflow.consumer.fixtures.Sales;
import io.entityflow.contract.Operation;
import io.entityflow.publisher.EntityPublisher;
import io.entityflow.publisher.PublishReceipt;
import io.entityflow.publisher.PublishRequest;
import io.entityflow.testing.PubSubEmulator;
import io.micronaut.context.ApplicationContext;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One event followed through a trace: a span in the service, the publish (producer span, {@code
 * traceparent} attribute), the consumer's handler running in a consumer span that is the producer
 * span's child, and a dead letter that keeps the trace context. Publisher and consumer share one
 * OpenTelemetry SDK bean with an in-memory exporter.
 */
class TracedEventIT {
  private static final Duration LIMIT = Duration.ofSeconds(30);
  private static final String GOOD_ID = "0d1f6f0e-7a43-4c1f-9a1e-3f0b2b7f9d11";
  private static final String BAD_ID = "7e0c3b1a-5d2f-4e8a-9b6c-1f2e3d4c5b6a";

  private final EmulatorTopics topics = new EmulatorTopics(PubSubEmulator.shared());
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk openTelemetry =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(spans))
                  .build())
          .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
          .build();
  private ApplicationContext context;

  private TracingHandler start() {
    context =
        ApplicationContext.builder()
            .properties(
                Map.of(
                    "spec.name", "TracedEventIT",
                    "micronaut.application.name", "checkout",
                    "entityflow.publisher.project-id", topics.projectId(),
                    "entityflow.publisher.emulator-host", topics.emulator().hostPort(),
                    "entityflow.consumer.project-id", topics.projectId(),
                    "entityflow.consumer.emulator-host", topics.emulator().hostPort()))
            .singletons(openTelemetry)
            .start();
    return context.getBean(TracingHandler.class);
  }

  @AfterEach
  void stop() {
    if (context != null && context.isRunning()) {
      context.close();
    }
    openTelemetry.close();
  }

  /** Publishes one sale inside a server span of the "service"; returns that span. */
  private Span publishInRequest(String eventId, String saleId) {
    Span request =
        openTelemetry
            .getTracer("checkout")
            .spanBuilder("POST /sales")
            .setSpanKind(SpanKind.SERVER)
            .startSpan();
    try (Scope ignored = request.makeCurrent()) {
      PublishReceipt receipt =
          context
              .getBean(EntityPublisher.class)
              .publish(
                  PublishRequest.of(Sales.sale(saleId), Operation.CREATED)
                      .withEventId(eventId)
                      .withOccurredAt(Instant.parse("2026-11-23T10:15:30.123Z")))
              .join();
      assertThat(receipt.eventId()).isEqualTo(eventId);
    } finally {
      request.end();
    }
    return request;
  }

  private SpanData finished(String name, String traceId) throws Exception {
    Await.until(
        () -> find(name, traceId).isPresent(), LIMIT, () -> "span " + name + " of " + traceId);
    return find(name, traceId).orElseThrow();
  }

  private Optional<SpanData> find(String name, String traceId) {
    return spans.getFinishedSpanItems().stream()
        .filter(s -> s.getName().equals(name) && s.getTraceId().equals(traceId))
        .findFirst();
  }

  @Test
  void oneTraceRunsFromTheServiceSpanThroughThePublishToTheHandler() throws Exception {
    TracingHandler handler = start();

    Span request = publishInRequest(GOOD_ID, "s-1");
    String traceId = request.getSpanContext().getTraceId();

    Await.until(() -> handler.completed().size() == 1, LIMIT, () -> "one handled event");
    SpanData producer = finished("send sale_v1", traceId);
    assertThat(producer.getKind()).isEqualTo(SpanKind.PRODUCER);
    assertThat(producer.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
    assertThat(handler.completed().get(0).metadata().attributes().get("traceparent"))
        .isEqualTo("00-" + traceId + "-" + producer.getSpanId() + "-01");

    SpanData consumer = finished("process sale_v1", traceId);
    assertThat(consumer.getKind()).isEqualTo(SpanKind.CONSUMER);
    assertThat(consumer.getParentSpanId()).isEqualTo(producer.getSpanId());
    assertThat(consumer.getParentSpanContext().isRemote()).isTrue();
    assertThat(consumer.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(consumer.getInstrumentationScopeInfo().getName())
        .isEqualTo("io.entityflow.consumer");
    assertThat(handler.currentSpan(GOOD_ID)).isEqualTo(consumer.getSpanContext());
    Map<AttributeKey<?>, Object> attributes = consumer.getAttributes().asMap();
    assertThat(attributes.get(AttributeKey.stringKey("messaging.system"))).isEqualTo("gcp_pubsub");
    assertThat(attributes.get(AttributeKey.stringKey("messaging.destination.name")))
        .isEqualTo("sale_v1");
    assertThat(attributes.get(AttributeKey.stringKey("messaging.destination.subscription.name")))
        .isEqualTo("sale_v1_tracing_it");
    assertThat(attributes.get(AttributeKey.stringKey("messaging.operation.type")))
        .isEqualTo("process");
    assertThat(attributes.get(AttributeKey.stringKey("messaging.message.id")))
        .isEqualTo(handler.completed().get(0).metadata().messageId());
    assertThat(attributes.get(AttributeKey.stringKey("entityflow.consumer")))
        .isEqualTo("tracing_it");
    assertThat(attributes.get(AttributeKey.stringKey("entityflow.event_id"))).isEqualTo(GOOD_ID);
    assertThat(attributes.get(AttributeKey.stringKey("entityflow.outcome"))).isEqualTo("HANDLED");
  }

  @Test
  void deadLetterKeepsTheTraceparentAndTheConsumerSpanFails() throws Exception {
    TracingHandler handler = start();
    handler.failFor(BAD_ID, new IllegalStateException("customer unknown"));

    Span request = publishInRequest(BAD_ID, "s-2");
    String traceId = request.getSpanContext().getTraceId();

    SpanData producer = finished("send sale_v1", traceId);
    List<ReceivedMessage> deadLetters =
        topics.pull("sale_v1_tracing_it_dead_letter_hold", 1, LIMIT);
    assertThat(deadLetters).hasSize(1);
    PubsubMessage deadLetter = deadLetters.get(0).getMessage();
    assertThat(deadLetter.getAttributesMap().get("traceparent"))
        .isEqualTo("00-" + traceId + "-" + producer.getSpanId() + "-01");
    assertThat(deadLetter.getAttributesMap().get("dead_letter_kind")).isEqualTo("NON_RETRYABLE");

    SpanData consumer = finished("process sale_v1", traceId);
    assertThat(consumer.getParentSpanId()).isEqualTo(producer.getSpanId());
    assertThat(consumer.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(consumer.getStatus().getDescription())
        .isEqualTo("handler threw java.lang.IllegalStateException: customer unknown");
    assertThat(consumer.getAttributes().get(AttributeKey.stringKey("entityflow.outcome")))
        .isEqualTo("DEAD_LETTERED");
    assertThat(consumer.getAttributes().get(AttributeKey.stringKey("entityflow.dead_letter_kind")))
        .isEqualTo("NON_RETRYABLE");
    assertThat(consumer.getEvents()).extracting(e -> e.getName()).containsExactly("exception");
  }
}
