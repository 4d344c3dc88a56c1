package io.entityflow.consumer.tracing;

import com.google.pubsub.v1.PubsubMessage;
import io.entityflow.consumer.DeliveryOutcome;
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
import java.util.Map;

/**
 * Continues the producer's trace in the consumer: the trace context of the message's {@code
 * traceparent} attribute (else {@code googclient_traceparent}) is extracted with the configured
 * propagators, and the handler runs inside a {@link SpanKind#CONSUMER} span, child of the producer
 * span, named {@code process <topic>}, with the messaging semantic-convention attributes ({@code
 * messaging.system=gcp_pubsub}, destination, subscription, {@code messaging.operation.*}, message
 * id) and the consumer, event id and outcome; spans the handler starts are its children.
 *
 * <pre>{@code
 * ConsumeTracing tracing = ConsumeTracing.of(openTelemetry); // OFF when it is a no-op
 * Span span = tracing.start(message, "sale_v1", "sale_v1_loyalty_accrual", "loyalty-accrual");
 * try (Scope scope = span.makeCurrent()) {
 *   ConsumeTracing.end(span, dispatch(message));
 * }
 * }</pre>
 *
 * <p>Guarantees: depends on the OpenTelemetry API only; {@link #of} returns {@link #OFF} for a
 * no-op OpenTelemetry and the dispatcher then takes no tracing step. A message without trace
 * context gets a root span. A dead-lettered event ends its span with status ERROR and the reason;
 * each failed handler attempt is recorded on the span as an exception event.
 */
public final class ConsumeTracing {
  /** The instrumentation scope name of the spans. */
  public static final String INSTRUMENTATION_NAME = "io.entityflow.consumer";

  /** The configuration key that turns consumer tracing off ({@code false}); default true. */
  public static final String ENABLED_KEY = "entityflow.consumer.tracing.enabled";

  /** No tracing: {@link #isEnabled()} is false. */
  public static final ConsumeTracing OFF = new ConsumeTracing(null, null);

  static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
  static final AttributeKey<String> DESTINATION =
      AttributeKey.stringKey("messaging.destination.name");
  static final AttributeKey<String> SUBSCRIPTION =
      AttributeKey.stringKey("messaging.destination.subscription.name");
  static final AttributeKey<String> OPERATION_NAME =
      AttributeKey.stringKey("messaging.operation.name");
  static final AttributeKey<String> OPERATION_TYPE =
      AttributeKey.stringKey("messaging.operation.type");
  static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
  static final AttributeKey<String> CONSUMER = AttributeKey.stringKey("entityflow.consumer");
  static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("entityflow.event_id");
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("entityflow.outcome");
  static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("entityflow.attempts");
  static final AttributeKey<String> DEAD_LETTER_KIND =
      AttributeKey.stringKey("entityflow.dead_letter_kind");

  /** Reads {@code traceparent}, falling back to the Google client's prefixed name. */
  private static final TextMapGetter<Map<String, String>> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          if (carrier == null) {
            return null;
          }
          String value = carrier.get(key);
          return value != null ? value : carrier.get("googclient_" + key);
        }
      };

  private final Tracer tracer;
  private final TextMapPropagator propagator;

  private ConsumeTracing(Tracer tracer, TextMapPropagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  /** Tracing with {@code openTelemetry}; {@link #OFF} when it is null or a no-op. */
  public static ConsumeTracing of(OpenTelemetry openTelemetry) {
    if (openTelemetry == null || openTelemetry.getTracerProvider() == TracerProvider.noop()) {
      return OFF;
    }
    return new ConsumeTracing(
        openTelemetry.getTracer(INSTRUMENTATION_NAME),
        openTelemetry.getPropagators().getTextMapPropagator());
  }

  /** Whether spans are recorded; false for {@link #OFF}. */
  public boolean isEnabled() {
    return tracer != null;
  }

  /** Starts the consumer span of one message, child of the producer span it carries. */
  public Span start(PubsubMessage message, String topic, String subscription, String consumer) {
    Map<String, String> attributes = message.getAttributesMap();
    Context parent = propagator.extract(Context.root(), attributes, GETTER);
    var span =
        tracer
            .spanBuilder("process " + topic)
            .setParent(parent)
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute(SYSTEM, "gcp_pubsub")
            .setAttribute(DESTINATION, topic)
            .setAttribute(SUBSCRIPTION, subscription)
            .setAttribute(OPERATION_NAME, "process")
            .setAttribute(OPERATION_TYPE, "process")
            .setAttribute(CONSUMER, consumer);
    if (!message.getMessageId().isEmpty()) {
      span.setAttribute(MESSAGE_ID, message.getMessageId());
    }
    String eventId = attributes.get(EventAttributes.EVENT_ID);
    if (eventId != null) {
      span.setAttribute(EVENT_ID, eventId);
    }
    return span.startSpan();
  }

  /** Ends the span with the delivery's outcome; a dead letter sets status ERROR. */
  public static void end(Span span, DeliveryOutcome outcome) {
    span.setAttribute(OUTCOME, outcome.kind().name());
    span.setAttribute(ATTEMPTS, (long) outcome.attempts());
    if (outcome.deadLetterKind() != null) {
      span.setAttribute(DEAD_LETTER_KIND, outcome.deadLetterKind().name());
    }
    if (outcome.kind() == DeliveryOutcome.Kind.DEAD_LETTERED
        || outcome.kind() == DeliveryOutcome.Kind.NOT_ACKED) {
      span.setStatus(StatusCode.ERROR, String.valueOf(outcome.reason()));
    }
    span.end();
  }

  /** Ends the span of a dispatch that threw. */
  public static void failed(Span span, Throwable cause) {
    span.recordException(cause);
    span.setStatus(StatusCode.ERROR, String.valueOf(cause.getMessage()));
    span.end();
  }
}
