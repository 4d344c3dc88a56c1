package io.entityflow.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.core.ApiFuture;
import com.google.api.gax.batching.BatchingSettings;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.TopicName;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.events.SampleEvents;
import io.entityflow.pipelines.pubsub.JournalRecords;
import io.entityflow.pipelines.testing.EmulatorTopics;
import io.entityflow.pipelines.testing.PipelineProcess;
import io.entityflow.testing.PubSubEmulator;
import io.entityflow.warehouse.local.LocalWarehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threeten.bp.Duration;

/**
 * SIGKILL of the local pipeline in the middle of a sustained stream, then a restart: every
 * published event id lands in the local warehouse (duplicates allowed), and the pull journal ends
 * empty. The pipeline runs as a child JVM, as local mode runs it.
 */
class LocalPipelineKillIT {
  private static final int EVENTS = 61_000;
  private static final int RATE = 3_000;
  private static final String SALE = "acme.retail.sale.v1.Sale";

  @Test
  void killedPipelineLosesNoPublishedEventAfterRestart(@TempDir Path dir) throws Exception {
    PubSubEmulator emulator = PubSubEmulator.shared();
    Path root = dir.resolve("warehouse");
    try (EmulatorTopics topics = new EmulatorTopics(emulator, List.of("sale_v1"))) {
      List<String> args = pipelineArgs(emulator, topics, root);
      Process first = start(args, dir.resolve("pipeline-1.log"));
      Process second = null;
      try {
        AtomicLong published = new AtomicLong();
        CountDownLatch running = new CountDownLatch(1);
        Thread publisher =
            new Thread(() -> publish(emulator, topics, published, running), "publisher");
        publisher.setDaemon(true);
        publisher.start();
        waitForRows(root, 1, first);
        running.countDown();

        long landedBeforeKill = waitForRows(root, EVENTS / 3, first);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long publishedAtKill = published.get();
        assertThat(publishedAtKill)
            .as("the pipeline is killed while the stream still runs")
            .isLessThan(EVENTS);

        second = start(args, dir.resolve("pipeline-2.log"));
        publisher.join(TimeUnit.MINUTES.toMillis(3));
        assertThat(published.get()).as("every event was published").isEqualTo(EVENTS);

        long distinct = waitForDistinctEvents(root, EVENTS, second);
        List<String> missing =
            query(
                root,
                "SELECT 'e-' || i FROM range("
                    + EVENTS
                    + ") t(i) EXCEPT SELECT event_id FROM retail.sale_v1 ORDER BY 1 LIMIT 10");
        List<String> unexpected =
            query(
                root,
                "SELECT event_id FROM retail.sale_v1 EXCEPT SELECT 'e-' || i FROM range("
                    + EVENTS
                    + ") t(i) LIMIT 10");
        long rows = Long.parseLong(query(root, "SELECT count(*) FROM retail.sale_v1").get(0));
        System.out.printf(
            "kill test: %d rows visible at the kill, %d published at the kill, %d events, %d rows"
                + " (%d duplicates)%n",
            landedBeforeKill, publishedAtKill, EVENTS, rows, rows - EVENTS);
        assertThat(missing).as("published events missing from the table").isEmpty();
        assertThat(unexpected).as("rows of events nobody published").isEmpty();
        assertThat(distinct).isEqualTo(EVENTS);
        assertThat(JournalRecords.live(root.resolve(".journal")))
            .as("journal records left after every row is staged")
            .isEmpty();
      } finally {
        first.destroyForcibly();
        if (second != null) {
          second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
      }
    }
  }

  private static List<String> pipelineArgs(
      PubSubEmulator emulator, EmulatorTopics topics, Path root) {
    List<String> args =
        new ArrayList<>(
            PipelineProcess.localSaleArgs(emulator, topics.subscriptionPattern(), root));
    args.add("--flushSeconds=1");
    return args;
  }

  private static Process start(List<String> args, Path log) throws IOException {
    return PipelineProcess.start(List.of("-Xmx1g"), args, log);
  }

  /**
   * Publishes {@link #EVENTS} events: the first thousand at once, the rest at {@link #RATE} per
   * second once {@code running} opens (the pipeline landed its first row).
   */
  private static void publish(
      PubSubEmulator emulator, EmulatorTopics topics, AtomicLong done, CountDownLatch running) {
    try {
      Publisher publisher =
          Publisher.newBuilder(TopicName.of(PubSubEmulator.PROJECT_ID, topics.topic("sale_v1")))
              .setChannelProvider(emulator.channelProvider())
              .setCredentialsProvider(emulator.credentials())
              .setBatchingSettings(
                  BatchingSettings.newBuilder()
                      .setElementCountThreshold(500L)
                      .setRequestByteThreshold(1_000_000L)
                      .setDelayThreshold(Duration.ofMillis(10))
                      .build())
              .build();
      ByteString payload = ByteString.copyFrom(SampleEvents.sale("s-1").message().toByteArray());
      List<ApiFuture<String>> futures = new ArrayList<>();
      long start = 0;
      for (int i = 0; i < EVENTS; i++) {
        if (i == 1000) {
          awaitAll(futures, done);
          running.await(3, TimeUnit.MINUTES);
          start = System.nanoTime();
        }
        long due = start + TimeUnit.SECONDS.toNanos(Math.max(0, i - 1000)) / RATE;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        futures.add(
            publisher.publish(
                PubsubMessage.newBuilder()
                    .setData(payload)
                    .putAllAttributes(EntityTopicsToLocalWarehouseIT.attributes("e-" + i, SALE))
                    .build()));
        if (futures.size() == 1000) {
          awaitAll(futures, done);
        }
      }
      awaitAll(futures, done);
      publisher.shutdown();
      publisher.awaitTermination(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("publishing the stream failed", e);
    }
  }

  private static void awaitAll(List<ApiFuture<String>> futures, AtomicLong done) throws Exception {
    for (ApiFuture<String> future : futures) {
      future.get(60, TimeUnit.SECONDS);
      done.incrementAndGet();
    }
    futures.clear();
  }

  private static long waitForRows(Path root, long rows, Process pipeline) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      assertThat(pipeline.isAlive()).as("the pipeline runs").isTrue();
      long count = count(root, "SELECT count(*) FROM retail.sale_v1");
      if (count >= rows) {
        return count;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("fewer than " + rows + " rows landed within 2 minutes");
  }

  private static long waitForDistinctEvents(Path root, long events, Process pipeline)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    long count = 0;
    while (System.nanoTime() < deadline) {
      assertThat(pipeline.isAlive()).as("the restarted pipeline runs").isTrue();
      count = count(root, "SELECT count(DISTINCT event_id) FROM retail.sale_v1");
      if (count >= events && JournalRecords.live(root.resolve(".journal")).isEmpty()) {
        return count;
      }
      Thread.sleep(1000);
    }
    return count;
  }

  private static long count(Path root, String sql) throws Exception {
    if (!Files.isDirectory(root.resolve("retail/sale_v1"))) {
      return 0;
    }
    return Long.parseLong(query(root, sql).get(0));
  }

  private static List<String> query(Path root, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection connection = LocalWarehouse.open(root, EntityRegistry.load());
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    }
    return rows;
  }
}
