package io.entityflow.publisher.bench;

import com.acme.retail.sale.v1.Sale;
import com.google.pubsub.v1.PubsubMessage;
import io.entityflow.contract.EventAttributes;
import io.entityflow.contract.Operation;
import io.entityflow.contract.OrderingKey;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.publisher.PublishReceipt;
import io.entityflow.publisher.PublishRequest;
import io.entityflow.publisher.fixtures.Sales;
import io.entityflow.publisher.internal.EntityRoute;
import io.entityflow.publisher.internal.EventMessages;
import io.entityflow.publisher.internal.OutstandingEvents;
import io.entityflow.publisher.metrics.PublisherMetrics;
import io.entityflow.publisher.metrics.TopicMetrics;
import io.entityflow.publisher.validation.EventValidator;
import io.entityflow.publisher.validation.ValidatedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
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
 * client: validation, the encoding of {@code EventMessages}, and the bookkeeping of one event (its
 * future, the outstanding-events entry, the per-topic metrics into a Micrometer {@code
 * SimpleMeterRegistry}, completion with a receipt). Both cycle through 1,024 distinct ~300-byte
 * Sales. One thread: time per event on one core.
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
  private OutstandingEvents<CompletableFuture<PublishReceipt>> outstanding;
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
    long start = System.nanoTime();
    CompletableFuture<PublishReceipt> event = new CompletableFuture<>();
    outstanding.add(event);
    metrics.started();
    event.complete(new PublishReceipt(eventId, "1", route.topic()));
    metrics.succeeded(System.nanoTime() - start);
    return message;
  }

  public static void main(String[] args) throws Exception {
    new Runner(new OptionsBuilder().include(EventEncodingBenchmark.class.getSimpleName()).build())
        .run();
  }
}
