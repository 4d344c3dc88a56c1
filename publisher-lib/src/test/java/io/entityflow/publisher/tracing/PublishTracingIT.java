package io.entityflow.publisher.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.ReceivedMessage;
import io.entityflow.contract.Operation;
import io.entityflow.contract.OrderingKey;
import io.entityflow.publisher.EntityPublisher;
import io.entityflow.publisher.PublishReceipt;
import io.entityflow.publisher.PublishRequest;
import io.entityflow.publisher.fixtures.EmulatorProject;
import io.entityflow.publisher.fixtures.Sales;
import io.entityflow.testing.PubSubEmulator;
import io.micronaut.context.ApplicationContext;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Publish tracing against the emulator, with an OpenTelemetry SDK bean and an in-memory exporter:
 * the producer span's parent, attributes and outcome, and the exact {@code traceparent} attribute.
 */
class PublishTracingIT {
  private static final Duration QUIET = Duration.ofSeconds(3);
  private static final String EVENT_ID = "0d1f6f0e-7a43-4c1f-9a1e-3f0b2b7f9d11";

  private final PubSubEmulator emulator = PubSubEmulator.shared();
  private final EmulatorProject project = new EmulatorProject(emulator);
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

  private EntityPublisher start(Object... extra) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("spec.name", "PublishTracingIT");
    properties.put("micronaut.application.name", "checkout");
    properties.put("entityflow.publisher.project-id", project.projectId());
    properties.put("entityflow.publisher.emulator-host", emulator.hostPort());
    for (int i = 0; i < extra.length; i += 2) {
      properties.put((String) extra[i], extra[i + 1]);
    }
    context = ApplicationContext.builder().properties(properties).singletons(openTelemetry).start();
    return context.getBean(EntityPublisher.class);
  }

  /**
   * The finished spans without those of the SubjectKey events: a sale's first event creates its
   * customer's key, whose SubjectKey CREATED event is published (and traced) too.
   */
  private List<SpanData> withoutSubjectKeys() {
    return spans.getFinishedSpanItems().stream()
        .filter(span -> !span.getName().equals("send subject_key_v1"))
        .toList();
  }

  @AfterEach
  void cleanUp() {
    if (context != null) {
      context.close();
    }
    openTelemetry.close();
    project.delete("sale_v1");
  }

  @Test
  void publishInAServiceSpanSendsItsProducerSpanAsTraceparent() throws Exception {
    String subscription = project.createTopicWithSubscription("sale_v1");
    EntityPublisher publisher = start();
    Span request =
        openTelemetry
            .getTracer("checkout")
            .spanBuilder("POST /sales")
            .setSpanKind(SpanKind.SERVER)
            .startSpan();
    PublishReceipt receipt;
    try (Scope ignored = request.makeCurrent()) {
      receipt =
          publisher
              .publish(
                  PublishRequest.of(Sales.sale("s-1001"), Operation.UPDATED)
                      .withOccurredAt(Instant.parse("2026-11-23T10:15:30.123Z"))
                      .withEventId(EVENT_ID))
              .join();
    } finally {
      request.end();
    }

    List<SpanData> finished = withoutSubjectKeys();
    assertThat(finished)
        .extracting(SpanData::getName)
        .containsExactly("send sale_v1", "POST /sales");
    SpanData producer = finished.get(0);
    List<ReceivedMessage> received = project.pull(subscription, 1, QUIET);
    assertThat(received).hasSize(1);
    PubsubMessage message = received.get(0).getMessage();
    assertThat(producer.getKind()).isEqualTo(SpanKind.PRODUCER);
    assertThat(producer.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
    assertThat(producer.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
    assertThat(producer.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(producer.getInstrumentationScopeInfo().getName())
        .isEqualTo("io.entityflow.publisher");
    assertThat(producer.getAttributes().asMap())
        .isEqualTo(
            Attributes.builder()
                .put("messaging.system", "gcp_pubsub")
                .put("messaging.destination.name", "sale_v1")
                .put("messaging.operation.name", "send")
                .put("messaging.operation.type", "send")
                .put(
                    // the published payload: the sale with its PII encrypted
                    AttributeKey.longKey("messaging.message.body.size"),
                    (long) message.getData().size())
                .put("entityflow.event_id", EVENT_ID)
                .put("entityflow.schema", "acme.retail.sale.v1.Sale")
                .put(
                    "messaging.gcp_pubsub.message.ordering_key", OrderingKey.bucketed("s-1001", 64))
                .put("messaging.message.id", receipt.messageId())
                .build()
                .asMap());
    assertThat(message.getAttributesMap())
        .isEqualTo(
            Map.of(
                "event_id", EVENT_ID,
                "operation", "UPDATED",
                "occurred_at", "2026-11-23T10:15:30.123Z",
                "producer", "checkout",
                "schema", "acme.retail.sale.v1.Sale",
                "schema_version", "1.0",
                "pii_encryption", "tink-aead-v1",
                "traceparent", "00-" + producer.getTraceId() + "-" + producer.getSpanId() + "-01"));
  }

  @Test
  void failedPublishEndsItsSpanWithTheErrorRecorded() {
    EntityPublisher publisher = start();
    // the topic does not exist: Pub/Sub answers NOT_FOUND
    assertThatThrownBy(() -> publisher.publish(Sales.sale("s-9"), Operation.CREATED).join())
        .isInstanceOf(CompletionException.class);

    List<SpanData> finished = withoutSubjectKeys();
    assertThat(finished).hasSize(1);
    SpanData producer = finished.get(0);
    assertThat(producer.getName()).isEqualTo("send sale_v1");
    assertThat(producer.getParentSpanContext().isValid()).isFalse();
    assertThat(producer.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(producer.getAttributes().get(AttributeKey.stringKey("error.type")))
        .isEqualTo("com.google.api.gax.rpc.NotFoundException");
    assertThat(producer.getAttributes().get(AttributeKey.stringKey("messaging.message.id")))
        .isNull();
    assertThat(producer.getEvents()).extracting(e -> e.getName()).containsExactly("exception");
  }

  @Test
  void tracingTurnedOffByItsKeyAddsNoSpanAndNoAttribute() throws Exception {
    String subscription = project.createTopicWithSubscription("sale_v1");
    EntityPublisher publisher = start("entityflow.publisher.tracing.enabled", false);
    assertThat(context.getBean(PublishTracing.class)).isSameAs(PublishTracing.OFF);

    publisher.publish(Sales.sale("s-1"), Operation.CREATED).join();

    List<ReceivedMessage> received = project.pull(subscription, 1, QUIET);
    assertThat(received).hasSize(1);
    assertThat(received.get(0).getMessage().getAttributesMap()).doesNotContainKey("traceparent");
    assertThat(spans.getFinishedSpanItems()).isEmpty();
  }
}
