package io.entityflow.consumer.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.pubsub.v1.PubsubMessage;
import io.entityflow.consumer.dedup.JdbcDedupStore;
import io.entityflow.consumer.fixtures.Await;
import io.entityflow.consumer.fixtures.EmulatorTopics;
import io.entityflow.consumer.fixtures.Sales;
import io.entityflow.consumer.testing.TestEvent;
import io.entityflow.consumer.testing.TestSubjectKeys;
import io.entityflow.contract.Operation;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.testing.PostgresServer;
import io.entityflow.testing.PubSubEmulator;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer process is SIGKILLed while handling a batch; after a restart every published event has
 * been handled, duplicates are only of one event id each, and no event whose dedup mark had
 * committed before the kill is handled again.
 */
class CrashMidBatchIT {
  private static final int EVENTS = 300;
  private static final EntityDefinition SALE =
      EntityRegistry.load().forTopic("sale_v1").orElseThrow();

  @Test
  void everyEventIsHandledAfterAKillAndCommittedMarksPreventASecondHandling(@TempDir Path logs)
      throws Exception {
    PostgresServer.Database database = PostgresServer.shared().createDatabase("crash");
    DataSource dataSource = database.dataSource();
    new JdbcDedupStore(dataSource, JdbcDedupStore.DEFAULT_TABLE).migrate();
    execute(dataSource, "CREATE TABLE handled (event_id TEXT NOT NULL, run INT NOT NULL)");
    EmulatorTopics topics = new EmulatorTopics(PubSubEmulator.shared());
    topics.createTopic("sale_v1");
    // unordered, 10 s ack deadline: what the killed process held comes back soon
    topics.createSubscription("sale_v1", "sale_v1_crash_consumer", 10, false);
    List<PubsubMessage> messages = new ArrayList<>();
    Set<String> published = new TreeSet<>();
    // PII fields encrypted as a producer does (keys the consumer process does not have)
    TestSubjectKeys keys = new TestSubjectKeys();
    for (int i = 0; i < EVENTS; i++) {
      String eventId = "e-" + i;
      published.add(eventId);
      TestEvent<?> event =
          TestEvent.of(Sales.sale("s-" + (i % 50), "R-" + i), Operation.CREATED)
              .withEventId(eventId);
      messages.add(keys.encrypt(SALE, event, event.toMessage(SALE)));
    }
    topics.publish("sale_v1", messages);

    Process first = consumer(topics, database, 1, logs);
    Await.until(
        () -> count(dataSource, "SELECT count(*) FROM handled") >= 60,
        Duration.ofSeconds(60),
        () -> "60 events handled by the first process");
    first.destroyForcibly().waitFor(); // SIGKILL
    Set<String> markedBeforeKill =
        ids(dataSource, "SELECT event_id FROM entityflow_consumer_handled_events");
    Set<String> handledBeforeKill = ids(dataSource, "SELECT event_id FROM handled");
    assertThat(handledBeforeKill.size()).isLessThan(EVENTS);

    Process second = consumer(topics, database, 2, logs);
    try {
      Await.until(
          () -> count(dataSource, "SELECT count(DISTINCT event_id) FROM handled") == EVENTS,
          Duration.ofSeconds(180),
          () -> "every event handled after the restart");
    } finally {
      second.destroyForcibly().waitFor();
    }

    assertThat(ids(dataSource, "SELECT event_id FROM handled")).isEqualTo(published);
    Set<String> handledInSecondRun = ids(dataSource, "SELECT event_id FROM handled WHERE run = 2");
    assertThat(handledInSecondRun).doesNotContainAnyElementsOf(markedBeforeKill);
    Set<String> duplicates =
        ids(dataSource, "SELECT event_id FROM handled GROUP BY event_id HAVING count(*) > 1");
    assertThat(duplicates).doesNotContainAnyElementsOf(markedBeforeKill);
    assertThat(handledBeforeKill).containsAll(duplicates);
    Map<String, Long> perRun = new HashMap<>();
    for (String run : List.of("1", "2")) {
      perRun.put(run, count(dataSource, "SELECT count(*) FROM handled WHERE run = " + run));
    }
    System.out.printf(
        "crash test: %d handled before the kill (%d marked), calls per run %s, duplicates %s%n",
        handledBeforeKill.size(), markedBeforeKill.size(), perRun, duplicates);
  }

  private static Process consumer(
      EmulatorTopics topics, PostgresServer.Database database, int run, Path logs)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CrashConsumerMain.class.getName());
    command.add(topics.emulator().hostPort());
    command.add(topics.projectId());
    command.add(database.jdbcUrl());
    command.add(Integer.toString(run));
    File log = logs.resolve("consumer-" + run + ".log").toFile();
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
  }

  private static void execute(DataSource dataSource, String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static long count(DataSource dataSource, String sql) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> ids(DataSource dataSource, String sql) throws Exception {
    Set<String> ids = new HashSet<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return new TreeSet<>(ids);
  }
}
