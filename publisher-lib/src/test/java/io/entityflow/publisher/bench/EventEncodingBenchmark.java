package io.entityflow.publisher.bench;

import com.acme.retail.sale.v1.Sale;
import com.google.pubsub.v1.PubsubMessage;
import io.entityflow.contract.EventAttributes;
import io.entityflow.contract.Operation;
import io.entityflow.contract.OrderingKey;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.publisher.PublishRequest;
import io.entityflow.publisher.fixtures.Sales;
import io.entityflow.publisher.internal.EntityRoute;
import io.entityflow.publisher.internal.EventMessages;
import io.entityflow.publisher.internal.OutstandingEvents;
import io.entityflow.publisher.internal.PendingEvent;
import io.entityflow.publisher.metrics.PublisherMetrics;
import io.entityflow.publisher.metrics.TopicMetrics;
import io.entityflow.publisher.tracing.PublishTracing;
import io.entityflow.publisher.validation.EventValidator;
import io.entityflow.publisher.validation.ValidatedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The library's in-process work per event, without Pub/Sub: a low-noise view of its overhead next
 * to the end-to-end {@link PublisherBenchmark}. {@code rawMessage} builds the message the way a
 * service would by hand for the raw client (serialized payload, the six contract attributes with a
 * random UUID and {@code Instant.now().toString()}, the bucketed ordering key). {@code
 * libraryMessage} does what {@code DefaultEntityPublisher} does before handing the message to the
 * client: validation, the encoding of {@code EventMessages}, the tracing step, and the bookkeeping
 * of one event (its {@code PendingEvent}, the outstanding-events entry, the per-topic metrics into
 * a Micrometer {@code SimpleMeterRegistry}, completion with a receipt). Both cycle through 1,024
 * distinct ~300-byte Sales. One thread: time per event on one core.
 *
 * <p>{@code tracing}: {@code none} is the publish path without any tracing code (as before tracing
 * existed: no check, no span field); {@code off} is the publisher without OpenTelemetry ({@link
 * PublishTracing#OFF}, what {@code DefaultEntityPublisher} gets when none is configured), so {@code
 * off} against {@code none} is the cost of tracing when it is not used; {@code on} is an
 * OpenTelemetry SDK sampling every span, W3C propagator, a batch span processor and an exporter
 * that drops the spans (the export itself is the service's cost, not the library's).
 *
 * <p>Run: see {@code publisher-lib/BENCHMARKS.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class EventEncodingBenchmark {
  private static final int SALES = 1024;

  private Sale[] sales;
  private PublishRequest[] requests;
  private EntityDefinition entity;
  private EntityRoute route;
  private EventValidator validator;

  /** Whether an OpenTelemetry SDK traces each publish. */
  @Param({"none", "off", "on"})
  public String tracing;

  private OutstandingEvents<PendingEvent> outstanding;
  private PublishTracing publishTracing; // null when off, as in DefaultEntityPublisher
  private OpenTelemetrySdk sdk;
  private boolean untraced;
  private TopicMetrics metrics;
  private String schema;
  private String schemaVersion;
  private int next;

  @Setup
  public void setUp() {
    EntityRegistry registry = EntityRegistry.load();
    entity = registry.require(Sale.getDescriptor());
    route = EntityRoute.of(entity);
    validator = new EventValidator(registry);
    outstanding = new OutstandingEvents<>();
    metrics = new PublisherMetrics(new SimpleMeterRegistry()).forTopic(route.topic());
    schema = entity.fullName();
    schemaVersion = entity.schemaVersion();
    untraced = "none".equals(tracing);
    if ("on".equals(tracing)) {
      sdk =
          OpenTelemetrySdk.builder()
              .setTracerProvider(
                  SdkTracerProvider.builder()
                      .addSpanProcessor(BatchSpanProcessor.builder(new DroppingExporter()).build())
                      .build())
              .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
              .build();
      publishTracing = PublishTracing.of(sdk);
    } else {
      publishTracing = null; // DefaultEntityPublisher keeps null for PublishTracing.OFF
    }
    sales = new Sale[SALES];
    requests = new PublishRequest[SALES];
    for (int i = 0; i < SALES; i++) {
      sales[i] = Sales.sale(String.format("sale-%06d", i));
      requests[i] = PublishRequest.of(sales[i], Operation.UPDATED);
    }
  }

  @Benchmark
  public PubsubMessage rawMessage() {
    Sale sale = sales[next++ & (SALES - 1)];
    return PubsubMessage.newBuilder()
        .setData(sale.toByteString())
        .putAttributes(EventAttributes.EVENT_ID, UUID.randomUUID().toString())
        .putAttributes(EventAttributes.OPERATION, Operation.UPDATED.name())
        .putAttributes(EventAttributes.OCCURRED_AT, Instant.now().toString())
        .putAttributes(EventAttributes.PRODUCER, "bench")
        .putAttributes(EventAttributes.SCHEMA, schema)
        .putAttributes(EventAttributes.SCHEMA_VERSION, schemaVersion)
        .setOrderingKey(OrderingKey.bucketed(sale.getSaleId(), entity.orderingKeyBuckets()))
        .build();
  }

  @Benchmark
  public PubsubMessage libraryMessage() {
    PublishRequest request = requests[next++ & (SALES - 1)];
    ValidatedEvent valid = validator.validate(request);
    String eventId = UUID.randomUUID().toString();
    PubsubMessage message =
        EventMessages.encode(
            request.entity(),
            route,
            request.operation(),
            eventId,
            Instant.now(),
            "bench",
            request.attributes(),
            route.orderingKey(valid.id()));
    if (untraced) {
      PendingEvent event = new PendingEvent(eventId, route.topic(), metrics);
      outstanding.add(event);
      metrics.started();
      event.onSuccess("1");
      return message;
    }
    Span span = null;
    if (publishTracing != null) {
      span = publishTracing.start(route.topic(), eventId, message);
      message = publishTracing.inject(span, message);
    }
    PendingEvent event = new PendingEvent(eventId, route.topic(), metrics, span);
    outstanding.add(event);
    metrics.started();
    event.onSuccess("1");
    return message;
  }

  @TearDown
  public void tearDown() {
    if (sdk != null) {
      sdk.close();
    }
  }

  /** Drops every span: what an exporter does is the service's cost. */
  private static final class DroppingExporter implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  public static void main(String[] args) throws Exception {
    new Runner(new OptionsBuilder().include(EventEncodingBenchmark.class.getSimpleName()).build())
        .run();
  }
}
