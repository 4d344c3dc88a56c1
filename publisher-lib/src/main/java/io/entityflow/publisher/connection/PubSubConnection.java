package io.entityflow.publisher.connection;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.cloud.pubsub.v1.stub.GrpcSubscriberStub;
import com.google.cloud.pubsub.v1.stub.SubscriberStubSettings;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/**
 * Where the Pub/Sub clients of the publisher and consumer libraries connect: Google's Pub/Sub with
 * the application default credentials, or an emulator at {@code host:port} over one plaintext
 * channel without credentials (local mode). One instance per library bean, closed with it.
 *
 * <pre>{@code
 * try (PubSubConnection connection = PubSubConnection.to("127.0.0.1:8085")) {
 *   Subscriber.Builder builder = connection.configure(Subscriber.newBuilder(name, receiver));
 * }
 * }</pre>
 */
public final class PubSubConnection implements AutoCloseable {
  private final String emulatorHost;
  private final ManagedChannel channel;

  private PubSubConnection(String emulatorHost) {
    this.emulatorHost = emulatorHost;
    this.channel =
        emulatorHost == null
            ? null
            : ManagedChannelBuilder.forTarget(emulatorHost).usePlaintext().build();
  }

  /** A connection to the emulator at {@code emulatorHost}, or to Google when it is null/blank. */
  public static PubSubConnection to(String emulatorHost) {
    return new PubSubConnection(
        emulatorHost == null || emulatorHost.isBlank() ? null : emulatorHost.trim());
  }

  /** Whether this connects to an emulator (local mode). */
  public boolean emulator() {
    return emulatorHost != null;
  }

  /** The emulator's {@code host:port}, or {@code null} for Google's Pub/Sub. */
  public String emulatorHost() {
    return emulatorHost;
  }

  /** Sets channel and credentials on a subscriber builder (nothing for Google's defaults). */
  public Subscriber.Builder configure(Subscriber.Builder builder) {
    if (emulator()) {
      builder.setChannelProvider(channelProvider()).setCredentialsProvider(credentials());
    }
    return builder;
  }

  /** Sets channel and credentials on a publisher builder (nothing for Google's defaults). */
  public Publisher.Builder configure(Publisher.Builder builder) {
    if (emulator()) {
      builder.setChannelProvider(channelProvider()).setCredentialsProvider(credentials());
    }
    return builder;
  }

  /** A topic admin client; the caller closes it. */
  public TopicAdminClient topicAdmin() {
    try {
      TopicAdminSettings.Builder settings = TopicAdminSettings.newBuilder();
      if (emulator()) {
        settings
            .setTransportChannelProvider(channelProvider())
            .setCredentialsProvider(credentials());
      }
      return TopicAdminClient.create(settings.build());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a Pub/Sub topic admin client", e);
    }
  }

  /** A subscription admin client; the caller closes it. */
  public SubscriptionAdminClient subscriptionAdmin() {
    try {
      SubscriptionAdminSettings.Builder settings = SubscriptionAdminSettings.newBuilder();
      if (emulator()) {
        settings
            .setTransportChannelProvider(channelProvider())
            .setCredentialsProvider(credentials());
      }
      return SubscriptionAdminClient.create(settings.build());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a Pub/Sub subscription admin client", e);
    }
  }

  /** A subscriber stub for synchronous pull; the caller closes it. */
  public GrpcSubscriberStub subscriberStub() {
    try {
      SubscriberStubSettings.Builder settings = SubscriberStubSettings.newBuilder();
      if (emulator()) {
        settings
            .setTransportChannelProvider(channelProvider())
            .setCredentialsProvider(credentials());
      }
      return GrpcSubscriberStub.create(settings.build());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a Pub/Sub subscriber stub", e);
    }
  }

  private TransportChannelProvider channelProvider() {
    return FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
  }

  private static NoCredentialsProvider credentials() {
    return NoCredentialsProvider.create();
  }

  /** Closes the emulator channel. */
  @Override
  public void close() {
    if (channel != null) {
      channel.shutdownNow();
      try {
        channel.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
