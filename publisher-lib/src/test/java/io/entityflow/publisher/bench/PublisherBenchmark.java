package io.entityflow.publisher.bench;

import com.acme.retail.sale.v1.Sale;
import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutureCallback;
import com.google.api.core.ApiFutures;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.TopicName;
import io.entityflow.contract.EventAttributes;
import io.entityflow.contract.Operation;
import io.entityflow.contract.OrderingKey;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.publisher.DefaultEntityPublisher;
import io.entityflow.publisher.config.PublisherConfiguration;
import io.entityflow.publisher.connection.PubSubConnection;
import io.entityflow.publisher.fixtures.Sales;
import io.entityflow.publisher.internal.ClientSettings;
import io.entityflow.publisher.metrics.PublisherMetrics;
import io.entityflow.testing.PubSubEmulator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Publishes ~300-byte Sale events of distinct ids to a dedicated emulator and prints events/s and
 * process CPU per event for: the raw client without ordering, the raw client with ordering and
 * bucketed keys, the raw client with ordering and one key per id, and this library (ordering on,
 * the contract's bucketed key, metrics into a Micrometer {@code SimpleMeterRegistry}). The raw
 * client builds the same message (payload, the six contract attributes with a random UUID and the
 * current time, ordering key) by hand, with the same batching, flow control and retry settings, in
 * the same JVM run.
 *
 * <p>Run: {@code ./mvnw -o -q -pl publisher-lib exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.entityflow.publisher.bench.PublisherBenchmark -Dexec.args="100000 1000 50 0
 * 9"} (events, batch element count, batch delay in ms, events for the one-key-per-id run (0: skip
 * it), raw/library pairs; a sixth argument {@code no-meters} runs the library without a Micrometer
 * registry). Every run starts after {@code System.gc()} and a 300 ms pause; within a pair the side
 * that runs first alternates.
 */
public final class PublisherBenchmark {
  private static final String TOPIC = "sale_v1";

  private static final String RAW = "raw client, ordering on, bucketed key (64)";
  private static final String LIBRARY = "library, ordering on (bucketed)";

  /** A run whose events are not all answered by then is reported as stalled. */
  private static final int STALL_SECONDS = 30;

  private static boolean meters = true;

  private PublisherBenchmark() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    long batchCount = args.length > 1 ? Long.parseLong(args[1]) : 1000;
    long delayMs = args.length > 2 ? Long.parseLong(args[2]) : 50;
    int perIdLimit = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
    int pairs = args.length > 4 ? Integer.parseInt(args[4]) : 9;
    meters = args.length > 5 ? !"no-meters".equals(args[5]) : true;
    EntityRegistry registry = EntityRegistry.load();
    EntityDefinition sale = registry.require(Sale.getDescriptor());
    List<Sale> sales = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      sales.add(Sales.sale(String.format("sale-%06d", i)));
    }
    System.out.printf(
        "%d Sale events of %d bytes, %d distinct ids; batching %d events / 1 MB / %d ms;"
            + " %d CPUs; %d pairs; meters %s%n",
        events,
        sales.get(0).getSerializedSize(),
        events,
        batchCount,
        delayMs,
        Runtime.getRuntime().availableProcessors(),
        pairs,
        meters ? "on" : "off");

    try (PubSubEmulator emulator = PubSubEmulator.startDedicated()) {
      PublisherConfiguration config = new PublisherConfiguration();
      config.setProjectId("bench-project");
      config.setProducer("bench");
      config.setEmulatorHost(emulator.hostPort());
      try (var admin = emulator.topicAdmin()) {
        admin.createTopic(TopicName.of(config.getProjectId(), TOPIC)); // no subscription
      }
      config.getBatching().setElementCount(batchCount);
      config.getBatching().setDelay(Duration.ofMillis(delayMs));
      config.setShutdownTimeout(Duration.ofSeconds(60));

      System.out.println("-- warm-up (3 runs each of library and raw client, not reported)");
      for (int i = 0; i < 3; i++) {
        library(config, registry, sales, "library");
        raw(config, emulator, sales, sale, true, bucketed(sale), "raw");
      }
      System.out.println("-- measured");
      Result rawUnordered =
          print(raw(config, emulator, sales, sale, false, m -> "", "raw client, ordering off"));
      // raw client and library alternate (who goes first alternates too): the machine is
      // shared, so compare per pair and take medians
      List<Double> ratios = new ArrayList<>();
      List<Double> rawCpu = new ArrayList<>();
      List<Double> libraryCpu = new ArrayList<>();
      List<Double> rawRate = new ArrayList<>();
      List<Double> libraryRate = new ArrayList<>();
      long failures = rawUnordered.failed();
      for (int pair = 1; pair <= pairs; pair++) {
        Result rawBucketed;
        Result library;
        if (pair % 2 == 1) {
          rawBucketed = print(raw(config, emulator, sales, sale, true, bucketed(sale), RAW));
          library = print(library(config, registry, sales, LIBRARY));
        } else {
          library = print(library(config, registry, sales, LIBRARY));
          rawBucketed = print(raw(config, emulator, sales, sale, true, bucketed(sale), RAW));
        }
        double ratio = library.cpuMicrosPerEvent() / rawBucketed.cpuMicrosPerEvent();
        System.out.printf(
            "   pair %d: library CPU/event vs raw %+.1f%%%n", pair, 100 * (ratio - 1));
        ratios.add(ratio);
        rawCpu.add(rawBucketed.cpuMicrosPerEvent());
        libraryCpu.add(library.cpuMicrosPerEvent());
        rawRate.add(rawBucketed.eventsPerSecond());
        libraryRate.add(library.eventsPerSecond());
        failures += rawBucketed.failed() + library.failed();
      }
      System.out.printf(
          "median of %d: raw client %.0f events/s %.2f us CPU/event; library %.0f events/s %.2f us"
              + " CPU/event; library CPU per event vs raw client (median of the per-pair ratios):"
              + " %+.1f%%%n",
          pairs,
          median(rawRate),
          median(rawCpu),
          median(libraryRate),
          median(libraryCpu),
          100.0 * (median(ratios) - 1));
      if (perIdLimit > 0) {
        int perIdEvents = Math.min(perIdLimit, events);
        print(
            raw(
                config,
                emulator,
                sales.subList(0, perIdEvents),
                sale,
                true,
                Sale::getSaleId,
                "raw client, ordering on, key = id (" + perIdEvents + " ids)"));
      }
      if (failures > 0) {
        System.out.println("WARNING: some events failed; the numbers above are not valid");
      }
    }
  }

  /** Collects garbage of the previous run and lets the client threads settle. */
  private static void settle() throws InterruptedException {
    System.gc();
    Thread.sleep(300);
  }

  private static Function<Sale, String> bucketed(EntityDefinition sale) {
    return m -> OrderingKey.bucketed(m.getSaleId(), sale.orderingKeyBuckets());
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }

  private static Result print(Result result) {
    System.out.println(result);
    return result;
  }

  private static Result library(
      PublisherConfiguration config, EntityRegistry registry, List<Sale> sales, String label)
      throws InterruptedException {
    DefaultEntityPublisher publisher =
        new DefaultEntityPublisher(
            config,
            registry,
            new PublisherMetrics(meters ? new SimpleMeterRegistry() : null),
            "bench");
    // the library's own work without PII encryption (PiiEncryptionBenchmark measures that)
    publisher.usePayloadEncryption(ClearPayloads.INSTANCE);
    publisher.publish(sales.get(0), Operation.SNAPSHOT).join(); // creates the client
    settle();
    CountDownLatch done = new CountDownLatch(sales.size());
    AtomicLong failed = new AtomicLong();
    long cpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    for (Sale sale : sales) {
      publisher
          .publish(sale, Operation.UPDATED)
          .whenComplete(
              (receipt, error) -> {
                if (error != null) {
                  failed.incrementAndGet();
                }
                done.countDown();
              });
    }
    boolean answered = done.await(STALL_SECONDS, TimeUnit.SECONDS);
    long elapsed = System.nanoTime() - t0;
    long cpu = processCpuNanos() - cpu0;
    if (!answered) {
      System.out.printf(
          "STALLED: %s: %d of %d events unanswered after %d s%n",
          label, done.getCount(), sales.size(), STALL_SECONDS);
      failed.addAndGet(done.getCount());
    }
    publisher.close();
    return new Result(label, sales.size(), failed.get(), elapsed, cpu);
  }

  private static Result raw(
      PublisherConfiguration config,
      PubSubEmulator emulator,
      List<Sale> sales,
      EntityDefinition entity,
      boolean ordering,
      Function<Sale, String> key,
      String label)
      throws Exception {
    try (PubSubConnection connection = PubSubConnection.to(emulator.hostPort())) {
      Publisher publisher =
          connection
              .configure(Publisher.newBuilder(TopicName.of(config.getProjectId(), TOPIC)))
              .setBatchingSettings(ClientSettings.batching(config))
              .setRetrySettings(ClientSettings.retry(config))
              .setEnableMessageOrdering(ordering)
              .build();
      CountDownLatch done = new CountDownLatch(sales.size());
      AtomicLong failed = new AtomicLong();
      ApiFutureCallback<String> callback =
          new ApiFutureCallback<>() {
            @Override
            public void onSuccess(String messageId) {
              done.countDown();
            }

            @Override
            public void onFailure(Throwable t) {
              failed.incrementAndGet();
              done.countDown();
            }
          };
      String schema = entity.fullName();
      String schemaVersion = entity.schemaVersion();
      String operation = Operation.UPDATED.name();
      settle();
      long cpu0 = processCpuNanos();
      long t0 = System.nanoTime();
      for (Sale sale : sales) {
        PubsubMessage message =
            PubsubMessage.newBuilder()
                .setData(sale.toByteString())
                .putAttributes(EventAttributes.EVENT_ID, UUID.randomUUID().toString())
                .putAttributes(EventAttributes.OPERATION, operation)
                .putAttributes(EventAttributes.OCCURRED_AT, Instant.now().toString())
                .putAttributes(EventAttributes.PRODUCER, "bench")
                .putAttributes(EventAttributes.SCHEMA, schema)
                .putAttributes(EventAttributes.SCHEMA_VERSION, schemaVersion)
                .setOrderingKey(key.apply(sale))
                .build();
        ApiFuture<String> future = publisher.publish(message);
        ApiFutures.addCallback(future, callback, MoreExecutors.directExecutor());
      }
      boolean answered = done.await(STALL_SECONDS, TimeUnit.SECONDS);
      long elapsed = System.nanoTime() - t0;
      long cpu = processCpuNanos() - cpu0;
      if (!answered) {
        long stalled = done.getCount();
        publisher.publishAllOutstanding();
        boolean flushed = done.await(10, TimeUnit.SECONDS);
        System.out.printf(
            "STALLED: %s: %d of %d events unanswered after %d s; after publishAllOutstanding()"
                + " %s%n",
            label,
            stalled,
            sales.size(),
            STALL_SECONDS,
            flushed ? "all answered" : done.getCount() + " still unanswered");
        failed.addAndGet(stalled);
      }
      publisher.shutdown();
      publisher.awaitTermination(1, TimeUnit.MINUTES);
      return new Result(label, sales.size(), failed.get(), elapsed, cpu);
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private record Result(String label, int events, long failed, long elapsedNanos, long cpuNanos) {
    double eventsPerSecond() {
      return events / (elapsedNanos / 1e9);
    }

    double cpuMicrosPerEvent() {
      return cpuNanos / 1e3 / events;
    }

    @Override
    public String toString() {
      return String.format(
          "%-45s %9.0f events/s  %6.2f us CPU/event  (%d failed)",
          label, eventsPerSecond(), cpuMicrosPerEvent(), failed);
    }
  }
}
