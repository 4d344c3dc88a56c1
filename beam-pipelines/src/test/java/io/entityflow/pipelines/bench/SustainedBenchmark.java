package io.entityflow.pipelines.bench;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PublishRequest;
import com.google.pubsub.v1.PublisherGrpc;
import com.google.pubsub.v1.TopicName;
import io.entityflow.pipelines.events.SampleEvents;
import io.entityflow.pipelines.testing.PipelineProcess;
import io.entityflow.testing.PubSubEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sustained end-to-end throughput of local mode: a load generator publishes Sale events at a fixed
 * rate to a dedicated emulator for a fixed time while the pipeline ({@code EntityTopicsToBigQuery
 * --warehouse=LOCAL}, a child JVM as local mode runs it) lands them in the local warehouse. The
 * generator ({@link PacedPublisher}) batches as the publisher library does by default. Prints
 * published, landed (rows in published Parquet parts, what {@code entityflow sql} sees) and the
 * backlog every 10 s; at the end waits until every event landed and accounts for each event id
 * exactly (missing, duplicates). Run by hand (see BENCHMARKS.md).
 *
 * <p>Arguments: events per second (default 20,000), seconds (default 300), {@code --localRead}
 * (default PULL_BATCHES). System property {@code sustained.pipelineJvmOptions}: extra JVM options
 * of the pipeline (e.g. a flight recording); {@code sustained.pipelineArgs}: extra pipeline
 * options.
 */
public final class SustainedBenchmark {
  private SustainedBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    String read = args.length > 2 ? args[2] : "PULL_BATCHES";
    long events = (long) rate * seconds;
    Path warehouse = Files.createTempDirectory("sustained-warehouse");
    PubSubEmulator emulator = PubSubEmulator.startDedicated();
    String topic = emulator.createTopic(PubSubEmulator.uniqueName("topic-sale_v1"));
    String suffix = topic.substring("topic-sale_v1-".length());
    emulator.createSubscription(topic, "sale_v1-" + suffix);
    Process pipeline = startPipeline(emulator, suffix, warehouse, read);
    String topicPath = TopicName.of(PubSubEmulator.PROJECT_ID, topic).toString();
    ByteString payload = ByteString.copyFrom(SampleEvents.sale("s-1").message().toByteArray());
    try (ParquetRows rows = ParquetRows.of(warehouse, "retail", "sale_v1");
        ParquetRows deadLetters = ParquetRows.of(warehouse, "entityflow", "dead_letter")) {
      PublisherGrpc.newBlockingStub(emulator.channel())
          .publish(
              PublishRequest.newBuilder()
                  .setTopic(topicPath)
                  .addMessages(PacedPublisher.message("probe", payload))
                  .build());
      while (rows.count() < 1) {
        if (!pipeline.isAlive()) {
          throw new IllegalStateException(
              "the pipeline exited; see " + warehouse + "/pipeline.log");
        }
        if (deadLetters.count() > 0) {
          throw new IllegalStateException(
              "the probe event was dead-lettered; see the dead_letter table under " + warehouse);
        }
        Thread.sleep(200);
      }
      System.out.printf(
          "pipeline ready (--localRead=%s); publishing %d events at %d/s for %d s%n",
          read, events, rate, seconds);
      long start = System.nanoTime();
      PacedPublisher generator =
          PacedPublisher.start(emulator.channel(), topicPath, payload, rate, events);
      long lastLanded = rows.count() - 1;
      long lastAt = start;
      long landedWhenPublished = -1;
      long publishedAt = 0;
      long nextReport = start + TimeUnit.SECONDS.toNanos(10);
      while (true) {
        // a progress line every 10 s; once publishing ended, a look every second for the end
        Thread.sleep(1_000);
        long now = System.nanoTime();
        boolean report = now >= nextReport;
        boolean publishingEnded = generator.done() && landedWhenPublished < 0;
        if (!report && !publishingEnded && landedWhenPublished < 0) {
          continue;
        }
        long landed = rows.count() - 1;
        if (publishingEnded) {
          generator.await(); // throws if a request failed
          landedWhenPublished = landed;
          publishedAt = now;
        }
        if (report) {
          long sent = generator.published();
          System.out.printf(
              "t=%3ds published %,d landed %,d backlog %,d | landed %,.0f/s over the last 10 s%n",
              TimeUnit.NANOSECONDS.toSeconds(now - start),
              sent,
              landed,
              sent - landed,
              (landed - lastLanded) / ((now - lastAt) / 1e9));
          lastLanded = landed;
          lastAt = now;
          nextReport += TimeUnit.SECONDS.toNanos(10);
        }
        if (landed >= events || !pipeline.isAlive()) {
          break;
        }
        if (publishedAt > 0 && now - publishedAt > TimeUnit.MINUTES.toNanos(5)) {
          break;
        }
      }
      double total = (System.nanoTime() - start) / 1e9;
      long landed = rows.count() - 1;
      long distinct = rows.distinct("event_id") - 1;
      System.out.printf(
          "result: %,d events published in %d s (%,.0f/s); %,d landed when publishing ended;"
              + " all %,d rows (%,d distinct event ids, %,d missing, %,d duplicates) landed"
              + " %.1f s after the start: %,.0f events/s sustained end to end%n",
          events,
          seconds,
          (double) events / seconds,
          landedWhenPublished,
          landed,
          distinct,
          events - distinct,
          landed - distinct,
          total,
          distinct / total);
    } finally {
      pipeline.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      emulator.close();
    }
    System.exit(0);
  }

  private static Process startPipeline(
      PubSubEmulator emulator, String suffix, Path warehouse, String read) throws Exception {
    // as local mode runs it on a machine of 4 cores or fewer (LocalStack.pipelineJvmOptions)
    List<String> jvm = new ArrayList<>(List.of("-Xmx2g"));
    String extra = System.getProperty("sustained.pipelineJvmOptions", "");
    if (!extra.isBlank()) {
      jvm.addAll(List.of(extra.trim().split("\\s+")));
    }
    List<String> args =
        new ArrayList<>(PipelineProcess.localSaleArgs(emulator, "{topic}-" + suffix, warehouse));
    args.add("--localRead=" + read);
    String pipelineArgs = System.getProperty("sustained.pipelineArgs", "");
    if (!pipelineArgs.isBlank()) {
      args.addAll(List.of(pipelineArgs.trim().split("\\s+")));
    }
    return PipelineProcess.start(jvm, args, warehouse.resolve("pipeline.log"));
  }
}
