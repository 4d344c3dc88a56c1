package io.entityflow.testing;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.cloud.pubsub.v1.stub.GrpcSubscriberStub;
import com.google.cloud.pubsub.v1.stub.SubscriberStubSettings;
import com.google.pubsub.v1.AcknowledgeRequest;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.PullResponse;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.TopicName;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The real Pub/Sub emulator for tests, started by the test suite itself: the one {@code
 * PUBSUB_EMULATOR_HOST} names when set; else the emulator of the installed Google Cloud CLI as a
 * child process; else a Testcontainers container where Docker runs; else a clear error saying how
 * to install it.
 *
 * <pre>{@code
 * PubSubEmulator emulator = PubSubEmulator.shared();
 * String topic = emulator.createTopic(PubSubEmulator.uniqueName("sale"));
 * String sub = emulator.createSubscription(topic, topic + "-sub");
 * List<ReceivedMessage> got = emulator.pull(sub, 10, Duration.ofSeconds(10));
 * }</pre>
 *
 * <p>The shared instance lives as long as the test JVM. {@link #startDedicated()} gives a private
 * emulator that a test may {@link #kill()} and {@link #restart()} on the same port.
 */
public final class PubSubEmulator implements AutoCloseable {
  /** The project id used with the emulator (at least 6 characters, as Beam requires). */
  public static final String PROJECT_ID = "test-project";

  private static PubSubEmulator shared;

  private final String host;
  private final EmulatorProcess process;
  private ManagedChannel channel;

  private PubSubEmulator(String host, EmulatorProcess process) {
    this.host = host;
    this.process = process;
    this.channel = ManagedChannelBuilder.forTarget(hostPort()).usePlaintext().build();
  }

  /** The emulator shared by every test of this JVM, started on first use. */
  public static synchronized PubSubEmulator shared() {
    if (shared == null) {
      Optional<Path> jar = EmulatorProcess.findJar();
      String configured = System.getenv("PUBSUB_EMULATOR_HOST");
      if (configured != null && !configured.isBlank()) {
        shared = new PubSubEmulator(configured, null);
      } else if (jar.isPresent()) {
        shared = new PubSubEmulator(null, EmulatorProcess.start(jar.get()));
      } else if (ContainerEmulator.dockerAvailable()) {
        shared = new PubSubEmulator(ContainerEmulator.start(), null);
      } else {
        throw new IllegalStateException(EmulatorProcess.INSTALL_HINT);
      }
    }
    return shared;
  }

  /** A private emulator process that the caller may kill, restart and must close. */
  public static PubSubEmulator startDedicated() {
    Path jar =
        EmulatorProcess.findJar()
            .orElseThrow(() -> new IllegalStateException(EmulatorProcess.INSTALL_HINT));
    return new PubSubEmulator(null, EmulatorProcess.start(jar));
  }

  /** Whether an emulator can be started here at all. */
  public static boolean available() {
    return EmulatorProcess.findJar().isPresent()
        || System.getenv("PUBSUB_EMULATOR_HOST") != null
        || ContainerEmulator.dockerAvailable();
  }

  /** A name unique to this test run, e.g. {@code sale-3f2a9c1b}. */
  public static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** {@code 127.0.0.1:port}, the value for {@code PUBSUB_EMULATOR_HOST}. */
  public String hostPort() {
    return process != null ? "127.0.0.1:" + process.port() : host;
  }

  /** {@code http://127.0.0.1:port}, the value for Beam's {@code pubsubRootUrl}. */
  public String rootUrl() {
    return "http://" + hostPort();
  }

  /** A plaintext gRPC channel to the emulator, shared; do not shut it down. */
  public synchronized ManagedChannel channel() {
    return channel;
  }

  /** Channel provider for Google client settings builders. */
  public TransportChannelProvider channelProvider() {
    return FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel()));
  }

  /** No credentials: what the emulator expects. */
  public CredentialsProvider credentials() {
    return NoCredentialsProvider.create();
  }

  /** Creates a topic in {@link #PROJECT_ID} and returns its short name. */
  public String createTopic(String topic) {
    try (TopicAdminClient admin = topicAdmin()) {
      admin.createTopic(TopicName.of(PROJECT_ID, topic));
      return topic;
    }
  }

  /** Deletes a topic. */
  public void deleteTopic(String topic) {
    try (TopicAdminClient admin = topicAdmin()) {
      admin.deleteTopic(TopicName.of(PROJECT_ID, topic));
    }
  }

  /** Creates a pull subscription (60 s ack deadline) and returns its short name. */
  public String createSubscription(String topic, String subscription) {
    try (SubscriptionAdminClient admin = subscriptionAdmin()) {
      admin.createSubscription(
          Subscription.newBuilder()
              .setName(ProjectSubscriptionName.of(PROJECT_ID, subscription).toString())
              .setTopic(TopicName.of(PROJECT_ID, topic).toString())
              .setAckDeadlineSeconds(60)
              .build());
      return subscription;
    }
  }

  /** Deletes a subscription. */
  public void deleteSubscription(String subscription) {
    try (SubscriptionAdminClient admin = subscriptionAdmin()) {
      admin.deleteSubscription(ProjectSubscriptionName.of(PROJECT_ID, subscription));
    }
  }

  /**
   * Pulls and acknowledges messages until {@code max} arrived or {@code timeout} passed without a
   * new one.
   */
  public List<ReceivedMessage> pull(String subscription, int max, Duration timeout) {
    return pull(PROJECT_ID, subscription, max, timeout);
  }

  /** {@link #pull(String, int, Duration)} from a subscription of another project. */
  public List<ReceivedMessage> pull(
      String project, String subscription, int max, Duration timeout) {
    List<ReceivedMessage> received = new ArrayList<>();
    String name = ProjectSubscriptionName.of(project, subscription).toString();
    try (GrpcSubscriberStub stub = subscriberStub()) {
      long quietUntil = System.nanoTime() + timeout.toNanos();
      while (received.size() < max && System.nanoTime() < quietUntil) {
        PullResponse response =
            stub.pullCallable()
                .call(
                    PullRequest.newBuilder()
                        .setSubscription(name)
                        .setMaxMessages(Math.min(1000, max - received.size()))
                        .setReturnImmediately(true)
                        .build());
        if (response.getReceivedMessagesCount() == 0) {
          Thread.sleep(50);
          continue;
        }
        List<String> ackIds = new ArrayList<>();
        for (ReceivedMessage message : response.getReceivedMessagesList()) {
          received.add(message);
          ackIds.add(message.getAckId());
        }
        stub.acknowledgeCallable()
            .call(
                AcknowledgeRequest.newBuilder().setSubscription(name).addAllAckIds(ackIds).build());
        quietUntil = System.nanoTime() + timeout.toNanos();
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot pull from " + subscription, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return received;
  }

  /** Kills a dedicated emulator like a crash; its topics and messages are gone. */
  public synchronized void kill() {
    requireDedicated().kill();
  }

  /** Starts a killed dedicated emulator again on the same port (empty). */
  public synchronized void restart() {
    requireDedicated().launch();
  }

  private EmulatorProcess requireDedicated() {
    if (process == null || this == shared) {
      throw new IllegalStateException("only an emulator from startDedicated() can be killed");
    }
    return process;
  }

  /** Topic admin client bound to the emulator; close it after use. */
  public TopicAdminClient topicAdmin() {
    try {
      return TopicAdminClient.create(
          TopicAdminSettings.newBuilder()
              .setTransportChannelProvider(channelProvider())
              .setCredentialsProvider(credentials())
              .build());
    } catch (IOException e) {
      throw new IllegalStateException("cannot connect to the emulator at " + hostPort(), e);
    }
  }

  /** Subscription admin client bound to the emulator; close it after use. */
  public SubscriptionAdminClient subscriptionAdmin() {
    try {
      return SubscriptionAdminClient.create(
          SubscriptionAdminSettings.newBuilder()
              .setTransportChannelProvider(channelProvider())
              .setCredentialsProvider(credentials())
              .build());
    } catch (IOException e) {
      throw new IllegalStateException("cannot connect to the emulator at " + hostPort(), e);
    }
  }

  private GrpcSubscriberStub subscriberStub() throws IOException {
    return GrpcSubscriberStub.create(
        SubscriberStubSettings.newBuilder()
            .setTransportChannelProvider(channelProvider())
            .setCredentialsProvider(credentials())
            .build());
  }

  /** Stops a dedicated emulator; the shared one ends with the JVM. */
  @Override
  public synchronized void close() {
    if (this != shared && process != null) {
      process.kill();
      channel.shutdownNow();
      try {
        channel.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
