package io.entityflow.pipelines.bench;

import com.google.api.core.ApiFuture;
import com.google.api.gax.batching.BatchingSettings;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.TopicName;
import io.entityflow.pipelines.EntityTopicsToBigQuery;
import io.entityflow.pipelines.events.SampleEvents;
import io.entityflow.pipelines.options.EntityTopicsToBigQueryOptions;
import io.entityflow.pipelines.options.WarehouseKind;
import io.entityflow.pipelines.testing.EmulatorTopics;
import io.entityflow.testing.PubSubEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.threeten.bp.Duration;

/**
 * End-to-end throughput on the DirectRunner: a backlog of Sale events on a dedicated Pub/Sub
 * emulator, drained once by a bare PubsubIO read and once by {@code EntityTopicsToBigQuery} into
 * the local warehouse. Prints events/s of both and the ratio. Run by hand (see BENCHMARKS.md).
 */
public final class EndToEndBenchmark {
  private EndToEndBenchmark() {}

  /** Counts messages. */
  static final class CountFn extends DoFn<org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage, Void> {
    private final Counter read = Metrics.counter("bench", "read");

    @ProcessElement
    public void process() {
      read.inc();
    }
  }

  /**
   * Arguments: events per backlog (default 50,000), rounds (default 1), and which side runs first
   * in the first round ({@code bare} or {@code pipeline}, default {@code bare}); the order
   * alternates between rounds. The bare read runs twice per round: with the pipeline's DirectRunner
   * settings (immutability and encodability checks off, as in local mode) and with the
   * DirectRunner's defaults. A warm-up round runs first and is not counted: its size is the fourth
   * argument (default: as many events as a round, so both sides run on a JIT-compiled JVM in every
   * counted round whatever the order).
   */
  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    boolean bareFirst = args.length <= 2 || args[2].equals("bare");
    try (PubSubEmulator emulator = PubSubEmulator.startDedicated()) {
      int warmup = args.length > 3 ? Integer.parseInt(args[3]) : events;
      round(emulator, "warm-up (not counted)", warmup, true);
      for (int round = 1; round <= rounds; round++) {
        round(emulator, "round " + round, events, bareFirst);
        bareFirst = !bareFirst;
      }
    }
  }

  /** Publishes one backlog to two subscriptions and drains each with one side. */
  private static void round(PubSubEmulator emulator, String label, int events, boolean bareFirst)
      throws Exception {
    String suffix = PubSubEmulator.uniqueName("b").substring(2);
    String topic = emulator.createTopic("bench-" + suffix);
    emulator.createSubscription(topic, "bare-" + suffix);
    emulator.createSubscription(topic, "checked-" + suffix);
    emulator.createSubscription(topic, "sale_v1-" + suffix);
    publish(emulator, topic, events);
    double bareRate;
    double checkedRate;
    double fullRate;
    if (bareFirst) {
      checkedRate = bare(emulator, "checked-" + suffix, events, true);
      bareRate = bare(emulator, "bare-" + suffix, events, false);
      fullRate = pipeline(emulator, suffix, events);
    } else {
      fullRate = pipeline(emulator, suffix, events);
      bareRate = bare(emulator, "bare-" + suffix, events, false);
      checkedRate = bare(emulator, "checked-" + suffix, events, true);
    }
    System.out.printf(
        "%s (%s first): events=%d pipeline to local warehouse: %.0f events/s; bare PubsubIO read,"
            + " same runner settings: %.0f events/s, ratio %.1f%%; bare PubsubIO read, default"
            + " DirectRunner checks: %.0f events/s, ratio %.1f%%%n",
        label,
        bareFirst ? "bare" : "pipeline",
        events,
        fullRate,
        bareRate,
        100 * fullRate / bareRate,
        checkedRate,
        100 * fullRate / checkedRate);
    emulator.deleteSubscription("bare-" + suffix);
    emulator.deleteSubscription("checked-" + suffix);
    emulator.deleteSubscription("sale_v1-" + suffix);
    emulator.deleteTopic(topic);
  }

  private static double bare(
      PubSubEmulator emulator, String subscription, int events, boolean directRunnerChecks)
      throws Exception {
    EntityTopicsToBigQueryOptions bareOptions = options(emulator);
    if (!directRunnerChecks) {
      EntityTopicsToBigQuery.withoutDirectRunnerChecks(bareOptions);
    }
    Pipeline bare = Pipeline.create(bareOptions);
    bare.apply(
            "Read",
            PubsubIO.readMessagesWithAttributesAndMessageId()
                .fromSubscription(
                    "projects/" + PubSubEmulator.PROJECT_ID + "/subscriptions/" + subscription))
        .apply("Count", ParDo.of(new CountFn()));
    PipelineResult result = bare.run();
    return drain(result, "bench/read", () -> counter(result, "bench", "read"), events);
  }

  private static double pipeline(PubSubEmulator emulator, String suffix, int events)
      throws Exception {
    Path warehouse = Files.createTempDirectory("bench-warehouse");
    try (ParquetRows rows = ParquetRows.of(warehouse, "retail", "sale_v1")) {
      EntityTopicsToBigQueryOptions full = options(emulator);
      full.setEntities(List.of("Sale"));
      full.setSubscriptionPattern("{topic}-" + suffix);
      full.setWarehouse(WarehouseKind.LOCAL);
      full.setWarehouseDir(warehouse.toString());
      full.setFlushSeconds(1);
      full.setHeartbeatSeconds(0);
      return drain(
          EntityTopicsToBigQuery.run(full), "rows published in Parquet", rows::count, events);
    } finally {
      try (java.util.stream.Stream<Path> files = Files.walk(warehouse)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static EntityTopicsToBigQueryOptions options(PubSubEmulator emulator) {
    return EmulatorTopics.streamingOptions(emulator);
  }

  private static void publish(PubSubEmulator emulator, String topic, int events) throws Exception {
    Publisher publisher =
        Publisher.newBuilder(TopicName.of(PubSubEmulator.PROJECT_ID, topic))
            .setChannelProvider(emulator.channelProvider())
            .setCredentialsProvider(emulator.credentials())
            .setBatchingSettings(
                BatchingSettings.newBuilder()
                    .setElementCountThreshold(1000L)
                    .setRequestByteThreshold(1_000_000L)
                    .setDelayThreshold(Duration.ofMillis(10))
                    .build())
            .build();
    try {
      List<ApiFuture<String>> futures = new ArrayList<>();
      for (int i = 0; i < events; i++) {
        futures.add(
            publisher.publish(
                PubsubMessage.newBuilder()
                    .setData(
                        ByteString.copyFrom(SampleEvents.sale("s-" + i).message().toByteArray()))
                    .putAllAttributes(
                        Map.of(
                            "event_id",
                            "e-" + i,
                            "operation",
                            "CREATED",
                            "occurred_at",
                            "2026-11-23T10:00:00Z",
                            "producer",
                            "bench",
                            "schema",
                            "acme.retail.sale.v1.Sale",
                            "schema_version",
                            "1.0",
                            // Sale has a PII field (the cardholder name), published encrypted
                            "pii_encryption",
                            "tink-aead-v1"))
                    .build()));
      }
      for (ApiFuture<String> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      publisher.shutdown();
      publisher.awaitTermination(30, TimeUnit.SECONDS);
    }
  }

  private static long counter(PipelineResult result, String namespace, String name) {
    long count = 0;
    for (MetricResult<Long> counter :
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named(namespace, name))
                    .build())
            .getCounters()) {
      count += counter.getAttempted();
    }
    return count;
  }

  private static double drain(PipelineResult result, String what, LongSupplier progress, int events)
      throws Exception {
    long start = System.nanoTime();
    try {
      while (true) {
        long count = progress.getAsLong();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (count >= events) {
          return events / seconds;
        }
        if (seconds > 600) {
          throw new IllegalStateException(what + " reached only " + count);
        }
        Thread.sleep(100);
      }
    } finally {
      result.cancel();
    }
  }
}
