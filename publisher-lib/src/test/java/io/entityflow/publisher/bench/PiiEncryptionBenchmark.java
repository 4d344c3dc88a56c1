package io.entityflow.publisher.bench;

import com.acme.retail.customer.v1.Customer;
import com.google.protobuf.StringValue;
import com.google.pubsub.v1.TopicName;
import io.entityflow.contract.Operation;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.privacy.keys.CachingSubjectKeysets;
import io.entityflow.privacy.keys.InMemorySubjectKeyStore;
import io.entityflow.privacy.keys.LocalKeyFileKek;
import io.entityflow.publisher.DefaultEntityPublisher;
import io.entityflow.publisher.config.PublisherConfiguration;
import io.entityflow.publisher.metrics.PublisherMetrics;
import io.entityflow.publisher.privacy.PayloadEncryption;
import io.entityflow.testing.PubSubEmulator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes Customer events (3 PII fields: email, full_name, phone) of distinct subjects to a
 * dedicated emulator through {@link DefaultEntityPublisher}, with PII encryption on (Tink AEAD per
 * subject, {@link CachingSubjectKeysets} over an in-memory store and a local key file) and off (the
 * payload in clear, benchmark only), alternating in pairs in one JVM; prints events/s and CPU per
 * event of each, the on/off ratio and the key cache hit rate of the measured runs.
 *
 * <p>Run (see BENCHMARKS.md): {@code java -cp ...
 * io.entityflow.publisher.bench.PiiEncryptionBenchmark 100000 3 10000 [passes] [warm-ups]} (events
 * = subjects, measured pairs, key cache size, passes over the events per run, unmeasured warm-up
 * pairs; default 1 and 1). The first encrypted warm-up run creates every subject's keyset.
 */
public final class PiiEncryptionBenchmark {
  private static final int STALL_SECONDS = 60;

  private PiiEncryptionBenchmark() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    long cacheSize = args.length > 2 ? Long.parseLong(args[2]) : 10_000;
    // each run publishes the events this many times over (one run of 100,000 events lasts under a
    // second, mostly JIT and batch ramp-up), after this many unmeasured warm-up pairs
    int passes = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    int warmups = args.length > 4 ? Integer.parseInt(args[4]) : 1;
    EntityRegistry registry = EntityRegistry.load();
    List<Customer> customers = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      String id = String.format("customer-%06d", i);
      customers.add(
          Customer.newBuilder()
              .setCustomerId(id)
              .setEmail(id + "@example.com")
              .setFullName("Customer " + i)
              .setPhone(StringValue.of(String.format("+31 6 %08d", i)))
              .setMarketingOptIn(i % 2 == 0)
              .setCountry("NL")
              .build());
    }
    CachingSubjectKeysets keysets =
        CachingSubjectKeysets.builder(
                new InMemorySubjectKeyStore(),
                LocalKeyFileKek.open(
                    Files.createTempDirectory("entityflow-bench").resolve("kek.json")))
            .maximumSize(cacheSize)
            .build();
    PayloadEncryption on = PayloadEncryption.encrypting(keysets);
    System.out.printf(
        "%d Customer events of %d bytes (clear) per pass, %d passes per run, %d subjects; key"
            + " cache %d subjects; %d CPUs; %d warm-up pairs, %d measured pairs%n",
        events,
        customers.get(0).getSerializedSize(),
        passes,
        events,
        cacheSize,
        Runtime.getRuntime().availableProcessors(),
        warmups,
        pairs);
    try (PubSubEmulator emulator = PubSubEmulator.startDedicated()) {
      PublisherConfiguration config = new PublisherConfiguration();
      config.setProjectId("bench-project");
      config.setProducer("bench");
      config.setEmulatorHost(emulator.hostPort());
      config.setShutdownTimeout(Duration.ofSeconds(60));
      try (var admin = emulator.topicAdmin()) {
        admin.createTopic(TopicName.of(config.getProjectId(), "customer_v1"));
      }
      System.out.println(
          "-- warm-up (printed, not counted; the encrypted run creates every keyset)");
      for (int warmup = 0; warmup < warmups; warmup++) {
        print(run(config, registry, customers, on, "encryption on", passes));
        print(run(config, registry, customers, ClearPayloads.INSTANCE, "encryption off", passes));
      }
      System.out.println("-- measured");
      long hits0 = keysets.stats().hitCount();
      long requests0 = keysets.stats().requestCount();
      List<Double> onRates = new ArrayList<>();
      List<Double> offRates = new ArrayList<>();
      for (int pair = 1; pair <= pairs; pair++) {
        // alternate which mode runs first, so that neither always follows the other
        PayloadEncryption first = pair % 2 == 1 ? on : ClearPayloads.INSTANCE;
        PayloadEncryption second = first == on ? ClearPayloads.INSTANCE : on;
        Result a = print(run(config, registry, customers, first, label(first, on), passes));
        Result b = print(run(config, registry, customers, second, label(second, on), passes));
        Result encrypted = first == on ? a : b;
        Result clear = first == on ? b : a;
        onRates.add(encrypted.eventsPerSecond());
        offRates.add(clear.eventsPerSecond());
      }
      long hits = keysets.stats().hitCount() - hits0;
      long requests = keysets.stats().requestCount() - requests0;
      double on50 = median(onRates);
      double off50 = median(offRates);
      System.out.printf(
          "median of %d: encryption on %.0f events/s, off %.0f events/s, on/off %.1f%%; key cache"
              + " hit rate %.1f%% (%d of %d lookups)%n",
          pairs, on50, off50, 100 * on50 / off50, 100.0 * hits / requests, hits, requests);
    }
  }

  private static Result run(
      PublisherConfiguration config,
      EntityRegistry registry,
      List<Customer> customers,
      PayloadEncryption payloads,
      String label,
      int passes)
      throws InterruptedException {
    DefaultEntityPublisher publisher =
        new DefaultEntityPublisher(
            config, registry, new PublisherMetrics(new SimpleMeterRegistry()), "bench");
    publisher.usePayloadEncryption(payloads);
    publisher.publish(customers.get(0), Operation.SNAPSHOT).join(); // creates the client
    System.gc();
    Thread.sleep(300);
    CountDownLatch done = new CountDownLatch(customers.size() * passes);
    AtomicLong failed = new AtomicLong();
    long cpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    for (int pass = 0; pass < passes; pass++) {
      for (Customer customer : customers) {
        publisher
            .publish(customer, Operation.UPDATED)
            .whenComplete(
                (receipt, error) -> {
                  if (error != null) {
                    failed.incrementAndGet();
                  }
                  done.countDown();
                });
      }
    }
    boolean answered = done.await(STALL_SECONDS, TimeUnit.SECONDS);
    long elapsed = System.nanoTime() - t0;
    long cpu = processCpuNanos() - cpu0;
    if (!answered) {
      System.out.printf("STALLED: %s: %d unanswered%n", label, done.getCount());
      failed.addAndGet(done.getCount());
    }
    publisher.close();
    return new Result(label, customers.size() * passes, failed.get(), elapsed, cpu);
  }

  private static String label(PayloadEncryption payloads, PayloadEncryption on) {
    return payloads == on ? "encryption on" : "encryption off";
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

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private record Result(String label, int events, long failed, long elapsedNanos, long cpuNanos) {
    double eventsPerSecond() {
      return events / (elapsedNanos / 1e9);
    }

    @Override
    public String toString() {
      return String.format(
          "%-16s %9.0f events/s  %6.2f us CPU/event  (%d failed)",
          label, eventsPerSecond(), cpuNanos / 1e3 / events, failed);
    }
  }
}
