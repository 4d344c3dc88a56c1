package io.entityflow.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.ReceivedMessage;
import io.entityflow.outbox.fixtures.Await;
import io.entityflow.outbox.fixtures.OutboxDatabaseFixture;
import io.entityflow.outbox.fixtures.ServiceProcess;
import io.entityflow.publisher.fixtures.EmulatorProject;
import io.entityflow.testing.PubSubEmulator;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILLs a service (a child JVM) twice: (a) with its relay off, so every committed change waits
 * in the outbox (killed between commit and publish), and (b) with its relay on while it publishes
 * the backlog in batches of 500 and keeps recording (killed in the middle of relay batches). Then a
 * fresh relay drains the outbox. Asserted exactly: the set of event ids in the subscription is the
 * set of committed changes (the service's own table), no rolled-back event appears, and an event
 * delivered more than once is the same message each time.
 */
class OutboxCrashIT {
  private final PubSubEmulator emulator = PubSubEmulator.shared();
  private final EmulatorProject project = new EmulatorProject(emulator);
  private final OutboxDatabaseFixture database = new OutboxDatabaseFixture("crash");
  private final List<Process> processes = new ArrayList<>();
  private ApplicationContext relay;

  @TempDir Path logs;

  @AfterEach
  void stop() {
    processes.forEach(Process::destroyForcibly);
    if (relay != null) {
      relay.close();
    }
    project.delete("sale_v1");
  }

  private Process service(boolean relayOn, Path log) throws Exception {
    Process process =
        ServiceProcess.start(
            database.jdbcUrl(), emulator.hostPort(), project.projectId(), relayOn, log);
    processes.add(process);
    return process;
  }

  private long count(String table) throws Exception {
    return database.count("SELECT count(*) FROM " + table);
  }

  private static void kill(Process process) throws InterruptedException {
    process.destroyForcibly(); // SIGKILL
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void everyCommittedChangeIsPublishedAfterKillsBetweenCommitAndPublishAndMidBatch()
      throws Exception {
    String subscription = project.createTopicWithSubscription("sale_v1");
    database.execute(ServiceProcess.CREATE_TABLE);

    // (a) relay off: killed while committed changes wait in the outbox
    Path logA = logs.resolve("service-a.log");
    Process a = service(false, logA);
    Await.until(
        "3000 committed changes",
        Duration.ofSeconds(180),
        () -> a.isAlive() && tableExists() && count("changes") >= 3000);
    kill(a);
    assertThat(database.strings("SELECT event_id::text FROM entityflow_outbox"))
        .containsExactlyInAnyOrderElementsOf(
            database.strings("SELECT event_id::text FROM changes"));
    assertThat(project.pull(subscription, 10, Duration.ofSeconds(1))).isEmpty();
    long backlog = count("entityflow_outbox");

    // (b) relay on: killed while it publishes the backlog and the service keeps recording
    Path logB = logs.resolve("service-b.log");
    Process b = service(true, logB);
    List<ReceivedMessage> received = new ArrayList<>();
    Await.until(
        "the relay published at least 1000 events",
        Duration.ofSeconds(180),
        () -> {
          received.addAll(project.pull(subscription, 1000, Duration.ofMillis(200)));
          return received.size() >= 1000 || !b.isAlive();
        });
    kill(b);
    long publishedBeforeKill = received.size();
    long leftAfterKill = count("entityflow_outbox");

    // restart: a relay drains what is left
    Map<String, Object> properties = database.properties("OutboxCrashIT");
    properties.put("entityflow.publisher.project-id", project.projectId());
    properties.put("entityflow.publisher.emulator-host", emulator.hostPort());
    relay = ApplicationContext.run(properties);
    Await.until(
        "the outbox is drained", Duration.ofSeconds(120), () -> count("entityflow_outbox") == 0);
    received.addAll(project.pull(subscription, 1_000_000, Duration.ofSeconds(3)));

    Set<String> committed = new HashSet<>(database.strings("SELECT event_id::text FROM changes"));
    Set<String> rolledBack = new HashSet<>();
    rolledBack.addAll(rolledBack(logA));
    rolledBack.addAll(rolledBack(logB));
    Map<String, PubsubMessage> firstDelivery = new HashMap<>();
    int duplicates = 0;
    for (ReceivedMessage message : received) {
      PubsubMessage m =
          message.getMessage().toBuilder().clearMessageId().clearPublishTime().build();
      PubsubMessage first = firstDelivery.putIfAbsent(m.getAttributesOrThrow("event_id"), m);
      if (first != null) {
        duplicates++;
        assertThat(m).isEqualTo(first);
      }
    }
    System.out.printf(
        "committed %d changes (backlog %d at kill (a)); %d rolled back; %d messages before kill"
            + " (b), %d rows left after it; %d messages in all, %d distinct, %d duplicates%n",
        committed.size(),
        backlog,
        rolledBack.size(),
        publishedBeforeKill,
        leftAfterKill,
        received.size(),
        firstDelivery.size(),
        duplicates);
    assertThat(firstDelivery.keySet()).isEqualTo(committed);
    assertThat(rolledBack).isNotEmpty().doesNotContainAnyElementsOf(committed);
    assertThat(committed.size()).isGreaterThan((int) backlog);
    assertThat(publishedBeforeKill).isPositive();
    assertThat(leftAfterKill).isPositive();
  }

  private boolean tableExists() throws Exception {
    return database.count("SELECT count(*) FROM pg_tables WHERE tablename = 'entityflow_outbox'")
        == 1;
  }

  private static Set<String> rolledBack(Path log) throws Exception {
    try (Stream<String> lines = Files.lines(log)) {
      Set<String> ids = new HashSet<>();
      lines.filter(l -> l.startsWith("ROLLBACK ")).forEach(l -> ids.add(l.substring(9)));
      return ids;
    }
  }
}
