package io.entityflow.publisher.tracing;

import com.google.pubsub.v1.PubsubMessage;
import io.entityflow.contract.EventAttributes;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;

/**
 * Traces publishes with OpenTelemetry: one {@link SpanKind#PRODUCER} span per event, a child of the
 * caller's current span (else of the {@code traceparent} the event already carries), named {@code
 * send <topic>} with the messaging semantic-convention attributes ({@code
 * messaging.system=gcp_pubsub}, {@code messaging.destination.name}, {@code messaging.operation.*},
 * {@code messaging.message.body.size}, the ordering key, and {@code messaging.message.id} once
 * Pub/Sub answered); the span's context travels on the message as the W3C {@code traceparent} (and
 * {@code tracestate}) attribute, written by the configured propagators.
 *
 * <pre>{@code
 * PublishTracing tracing = PublishTracing.of(openTelemetry); // OFF when it is a no-op
 * Span span = tracing.start("sale_v1", eventId, message);
 * PubsubMessage traced = tracing.inject(span, message);
 * // ... when Pub/Sub answers: PublishTracing.succeeded(span, messageId) or failed(span, cause)
 * }</pre>
 *
 * <p>Guarantees: depends on the OpenTelemetry API only (the service picks the SDK and exporter);
 * {@link #of} returns {@link #OFF} for a no-op OpenTelemetry, and the publisher then takes no
 * tracing path at all (no span, no attribute, no allocation). A span ends exactly once, when the
 * event's outcome is settled; a failure is recorded on it ({@code recordException}, status ERROR,
 * {@code error.type}).
 */
public final class PublishTracing {
  /** The instrumentation scope name of the spans. */
  public static final String INSTRUMENTATION_NAME = "io.entityflow.publisher";

  /** The configuration key that turns publish tracing off ({@code false}); default true. */
  public static final String ENABLED_KEY = "entityflow.publisher.tracing.enabled";

  static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
  static final AttributeKey<String> DESTINATION =
      AttributeKey.stringKey("messaging.destination.name");
  static final AttributeKey<String> OPERATION_NAME =
      AttributeKey.stringKey("messaging.operation.name");
  static final AttributeKey<String> OPERATION_TYPE =
      AttributeKey.stringKey("messaging.operation.type");
  static final AttributeKey<Long> BODY_SIZE = AttributeKey.longKey("messaging.message.body.size");
  static final AttributeKey<String> ORDERING_KEY =
      AttributeKey.stringKey("messaging.gcp_pubsub.message.ordering_key");
  static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
  static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("entityflow.event_id");
  static final AttributeKey<String> SCHEMA = AttributeKey.stringKey("entityflow.schema");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  private static final TextMapSetter<PubsubMessage.Builder> SETTER =
      (message, key, value) -> message.putAttributes(key, value);

  /** No tracing: {@link #isEnabled()} is false and the publisher skips every tracing step. */
  public static final PublishTracing OFF = new PublishTracing(null, null);

  private static final TextMapGetter<PubsubMessage> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(PubsubMessage message) {
          return message.getAttributesMap().keySet();
        }

        @Override
        public String get(PubsubMessage message, String key) {
          return message == null ? null : message.getAttributesOrDefault(key, null);
        }
      };

  private final Tracer tracer;
  private final TextMapPropagator propagator;

  private PublishTracing(Tracer tracer, TextMapPropagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  /**
   * Tracing with {@code openTelemetry}; {@link #OFF} when it is null or its tracer provider is the
   * no-op one (nothing would be recorded, so nothing is done).
   */
  public static PublishTracing of(OpenTelemetry openTelemetry) {
    if (openTelemetry == null || openTelemetry.getTracerProvider() == TracerProvider.noop()) {
      return OFF;
    }
    return new PublishTracing(
        openTelemetry.getTracer(INSTRUMENTATION_NAME),
        openTelemetry.getPropagators().getTextMapPropagator());
  }

  /** Whether spans are recorded; false for {@link #OFF}. */
  public boolean isEnabled() {
    return tracer != null;
  }

  /**
   * Starts the producer span of one event: a child of the current context's span; when there is
   * none (e.g. an outbox relay thread) and the message already carries a {@code traceparent}
   * (stored with the event when it was written), a child of that one, so the trace goes on.
   */
  public Span start(String topic, String eventId, PubsubMessage message) {
    Context parent = Context.current();
    if (!Span.fromContext(parent).getSpanContext().isValid()
        && message.containsAttributes(EventAttributes.TRACEPARENT)) {
      parent = propagator.extract(parent, message, GETTER);
    }
    var span =
        tracer
            .spanBuilder("send " + topic)
            .setParent(parent)
            .setSpanKind(SpanKind.PRODUCER)
            .setAttribute(SYSTEM, "gcp_pubsub")
            .setAttribute(DESTINATION, topic)
            .setAttribute(OPERATION_NAME, "send")
            .setAttribute(OPERATION_TYPE, "send")
            .setAttribute(BODY_SIZE, (long) message.getData().size())
            .setAttribute(EVENT_ID, eventId);
    String schema = message.getAttributesMap().get(EventAttributes.SCHEMA);
    if (schema != null) {
      span.setAttribute(SCHEMA, schema);
    }
    if (!message.getOrderingKey().isEmpty()) {
      span.setAttribute(ORDERING_KEY, message.getOrderingKey());
    }
    return span.startSpan();
  }

  /**
   * The message with {@code span}'s context as attributes ({@code traceparent}, and {@code
   * tracestate} when not empty, with the W3C propagator); replaces a {@code traceparent} the caller
   * set as an extra attribute.
   */
  public PubsubMessage inject(Span span, PubsubMessage message) {
    PubsubMessage.Builder traced = message.toBuilder();
    propagator.inject(Context.current().with(span), traced, SETTER);
    return traced.build();
  }

  /** Ends the span of an event Pub/Sub stored. */
  public static void succeeded(Span span, String messageId) {
    span.setAttribute(MESSAGE_ID, messageId);
    span.end();
  }

  /** Records the failure on the span of an event and ends it. */
  public static void failed(Span span, Throwable cause) {
    span.recordException(cause);
    span.setAttribute(ERROR_TYPE, cause.getClass().getName());
    span.setStatus(StatusCode.ERROR, String.valueOf(cause.getMessage()));
    span.end();
  }
}
