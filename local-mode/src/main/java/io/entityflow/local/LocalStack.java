package io.entityflow.local;

import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.TopicName;
import io.entityflow.contract.layout.EntityResources;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.privacy.keys.LocalKeyFileKek;
import io.entityflow.testing.PubSubEmulator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The running local flow: the Pub/Sub emulator, every entity's topic and pipeline subscription, the
 * pipeline (DirectRunner, local warehouse), the alerting service and, optionally, the demo service
 * - each a child process that {@link #close()} stops in reverse order.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.start(settings)) {
 *   stack.emulatorHost(); // "127.0.0.1:41234"
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {
  /** The Google Cloud project used with the emulator. */
  public static final String PROJECT = "local-project";

  static final String PIPELINE_MAIN = "io.entityflow.pipelines.EntityTopicsToBigQuery";
  static final String ALERTING_MAIN = "io.entityflow.alerting.AlertingApplication";
  static final String DEMO_MAIN = "io.entityflow.demo.DemoServiceApplication";

  private final String emulatorHost;
  private final List<ChildProcess> children;
  private volatile ServiceDatabase database;
  private volatile Path databaseUrlFile;

  private LocalStack(String emulatorHost, List<ChildProcess> children) {
    this.emulatorHost = emulatorHost;
    this.children = children;
  }

  /**
   * What to start and how.
   *
   * @param home repository and data directories
   * @param alertingPort HTTP port of the alerting service
   * @param alertingProperties extra {@code -D} properties of the alerting service
   * @param demoProperties {@code -D} properties of the demo service; {@code null} = no demo service
   * @param pipelineArgs extra pipeline arguments (e.g. {@code --flushSeconds=2})
   * @param console where child output goes, {@code null} for the log files only
   */
  public record Settings(
      LocalHome home,
      int alertingPort,
      Map<String, String> alertingProperties,
      Map<String, String> demoProperties,
      List<String> pipelineArgs,
      PrintStream console) {}

  /** Starts everything on the JVM's shared emulator and waits until each part is ready. */
  public static LocalStack start(Settings settings) {
    return start(settings, PubSubEmulator.shared());
  }

  /** Starts everything on {@code emulator} and waits until each part is ready. */
  public static LocalStack start(Settings settings, PubSubEmulator emulator) {
    EntityRegistry registry = EntityRegistry.load();
    createTopicsAndSubscriptions(emulator, registry);
    List<ChildProcess> children = Collections.synchronizedList(new ArrayList<>());
    LocalStack stack = new LocalStack(emulator.hostPort(), children);
    try {
      Map<String, String> env = Map.of("PUBSUB_EMULATOR_HOST", emulator.hostPort());
      Path repository = settings.home().repository();
      Path logs = settings.home().logs();
      List<String> pipelineArgs =
          new ArrayList<>(
              List.of(
                  "--runner=DirectRunner",
                  "--project=" + PROJECT,
                  "--pubsubProject=" + PROJECT,
                  "--pubsubRootUrl=http://" + emulator.hostPort(),
                  "--credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory",
                  "--warehouse=LOCAL",
                  "--warehouseDir=" + settings.home().warehouse(),
                  "--pipelineName=local-demo",
                  "--openLineageFile=" + settings.home().lineageEvents(),
                  "--blockOnRun=true"));
      pipelineArgs.addAll(settings.pipelineArgs());
      ChildProcess pipeline =
          ChildProcess.start(
              "pipeline",
              ModuleClasspath.withContract(repository, "beam-pipelines"),
              PIPELINE_MAIN,
              List.of("-Xmx2g"),
              pipelineArgs,
              env,
              logs,
              settings.console());
      children.add(pipeline);

      if (settings.demoProperties() != null) {
        List<String> demoJvm =
            new ArrayList<>(List.of("-Xmx512m", "-Dentityflow.publisher.project-id=" + PROJECT));
        ServiceDatabase serviceDatabase = ServiceDatabase.start(settings.home().serviceDatabase());
        stack.database = serviceDatabase;
        stack.databaseUrlFile = settings.home().serviceDatabaseUrl();
        try {
          Files.writeString(stack.databaseUrlFile, serviceDatabase.jdbcUrl());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write " + stack.databaseUrlFile, e);
        }
        serviceDatabase.serviceProperties().forEach((k, v) -> demoJvm.add("-D" + k + "=" + v));
        demoJvm.add(
            "-Dentityflow.privacy.kek-uri="
                + LocalKeyFileKek.PREFIX
                + settings.home().keyEncryptionKey().toAbsolutePath());
        settings.demoProperties().forEach((k, v) -> demoJvm.add("-D" + k + "=" + v));
        ChildProcess demo =
            ChildProcess.start(
                "demo-service",
                ModuleClasspath.of(repository, "demo-service"),
                DEMO_MAIN,
                demoJvm,
                List.of(),
                env,
                logs,
                settings.console());
        long before = rowsLanded(settings);
        children.add(demo);
        demo.awaitLine(line -> line.contains("retail loyalty demo started"), Duration.ofMinutes(5));
        awaitHistoryLanded(settings, demo, before);
      }
      List<String> alertingJvm =
          new ArrayList<>(
              List.of("-Xmx512m", "-Dmicronaut.server.port=" + settings.alertingPort()));
      settings.alertingProperties().forEach((k, v) -> alertingJvm.add("-D" + k + "=" + v));
      ChildProcess alerting =
          ChildProcess.start(
              "alerting",
              ModuleClasspath.withContract(repository, "alerting"),
              ALERTING_MAIN,
              alertingJvm,
              List.of(),
              Map.of(),
              logs,
              settings.console());
      children.add(alerting);
      alerting.awaitLine(line -> line.contains("Startup completed"), Duration.ofSeconds(90));
      if (!pipeline.alive()) {
        throw new IllegalStateException(
            "the pipeline exited at start-up:\n" + pipeline.lastLines());
      }

      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  /**
   * Rows in the warehouse's entity tables (not the system tables: the history count the demo
   * service logs has only its entities' events), 0 before the first table appears.
   */
  private static long rowsLanded(Settings settings) {
    EntityRegistry registry = EntityRegistry.load();
    java.util.Set<String> entityTables = new java.util.HashSet<>();
    registry.entities().forEach(e -> entityTables.add(e.dataset() + "." + e.tableName()));
    try {
      return ProgressReport.read(settings.home().warehouse(), registry)
          .rowsByTable()
          .entrySet()
          .stream()
          .filter(table -> entityTables.contains(table.getKey()))
          .mapToLong(java.util.Map.Entry::getValue)
          .sum();
    } catch (java.sql.SQLException notYet) {
      return 0; // a table appears with its first file
    }
  }

  /**
   * Waits until the pipeline has landed the demo's history (or, continuing a timeline, what the
   * demo service published to catch up with its start-up), on top of the {@code before} rows a
   * previous run left, so the alerting service's first evaluation sees complete hours.
   */
  private static void awaitHistoryLanded(Settings settings, ChildProcess demo, long before) {
    java.util.regex.Matcher matcher =
        java.util.regex.Pattern.compile("history published: (\\d+) events")
            .matcher(demo.lastLines());
    if (!matcher.find()) {
      return;
    }
    long expected = Long.parseLong(matcher.group(1));
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    long landed = 0;
    while (System.nanoTime() < deadline) {
      landed = rowsLanded(settings) - before;
      if (landed >= expected) {
        return;
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    throw new IllegalStateException(
        "the pipeline landed "
            + landed
            + " of the demo's "
            + expected
            + " history events within 5 minutes");
  }

  /** {@code host:port} of the emulator. */
  public String emulatorHost() {
    return emulatorHost;
  }

  /** The child processes, in start order. */
  public List<ChildProcess> children() {
    return List.copyOf(children);
  }

  /** The child with this name. */
  public ChildProcess child(String name) {
    return children.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no child process named " + name));
  }

  /** Stops the children in reverse start order. */
  @Override
  public void close() {
    List<ChildProcess> reversed = new ArrayList<>(children);
    Collections.reverse(reversed);
    for (ChildProcess child : reversed) {
      child.stop(Duration.ofSeconds(15));
    }
    // the demo service's database outlives the service
    ServiceDatabase serviceDatabase = database;
    if (serviceDatabase != null) {
      database = null;
      try {
        Files.deleteIfExists(databaseUrlFile);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove " + databaseUrlFile, e);
      }
      serviceDatabase.close();
    }
  }

  /** Creates every entity's topic and its pipeline subscription; existing ones are kept. */
  static void createTopicsAndSubscriptions(PubSubEmulator emulator, EntityRegistry registry) {
    try (TopicAdminClient topics = emulator.topicAdmin();
        SubscriptionAdminClient subscriptions = emulator.subscriptionAdmin()) {
      for (EntityResources entity : PhysicalLayout.of(registry).entities()) {
        TopicName topic = TopicName.of(PROJECT, entity.topic());
        try {
          topics.createTopic(topic);
        } catch (AlreadyExistsException existing) {
          // idempotent: the topic is there, which is what we want
        }
        try {
          subscriptions.createSubscription(
              Subscription.newBuilder()
                  .setName(
                      ProjectSubscriptionName.of(PROJECT, entity.pipelineSubscription()).toString())
                  .setTopic(topic.toString())
                  .setAckDeadlineSeconds(60)
                  .build());
        } catch (AlreadyExistsException existing) {
          // idempotent: the subscription is there
        }
      }
    }
  }
}
