package io.entityflow.pipelines.testing;

import com.google.api.core.ApiFuture;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.TopicName;
import io.entityflow.pipelines.options.EntityTopicsToBigQueryOptions;
import io.entityflow.testing.PubSubEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Per-test topics and subscriptions on the shared emulator: topic {@code <entity topic>-<id>} and
 * subscription {@code <entity topic>-<id>}, matching the pipeline's subscription pattern {@code
 * {topic}-<id>}.
 */
public final class EmulatorTopics implements AutoCloseable {
  private final PubSubEmulator emulator;
  private final String suffix;
  private final List<String> topics = new ArrayList<>();

  public EmulatorTopics(PubSubEmulator emulator, List<String> entityTopics) {
    this.emulator = emulator;
    this.suffix = PubSubEmulator.uniqueName("t").substring(2);
    for (String topic : entityTopics) {
      String name = topic + "-" + suffix;
      emulator.createTopic("topic-" + name);
      emulator.createSubscription("topic-" + name, name);
      topics.add(name);
    }
  }

  /** The emulator topic standing for {@code entityTopic} in this test. */
  public String topic(String entityTopic) {
    return "topic-" + entityTopic + "-" + suffix;
  }

  /** The subscription pattern for the pipeline. */
  public String subscriptionPattern() {
    return "{topic}-" + suffix;
  }

  /** Streaming DirectRunner options against the emulator, not blocking on run. */
  public EntityTopicsToBigQueryOptions options(List<String> entities) {
    EntityTopicsToBigQueryOptions options = streamingOptions(emulator);
    options.setEntities(entities);
    options.setSubscriptionPattern(subscriptionPattern());
    return options;
  }

  /** Publishes messages to the test topic of an entity topic and waits for the ids. */
  public List<String> publish(String entityTopic, List<Message> messages) throws Exception {
    Publisher publisher =
        Publisher.newBuilder(
                TopicName.of(PubSubEmulator.PROJECT_ID, "topic-" + entityTopic + "-" + suffix))
            .setChannelProvider(emulator.channelProvider())
            .setCredentialsProvider(emulator.credentials())
            .build();
    try {
      List<ApiFuture<String>> futures = new ArrayList<>();
      for (Message message : messages) {
        futures.add(
            publisher.publish(
                PubsubMessage.newBuilder()
                    .setData(ByteString.copyFrom(message.payload()))
                    .putAllAttributes(message.attributes())
                    .build()));
      }
      List<String> ids = new ArrayList<>();
      for (ApiFuture<String> future : futures) {
        ids.add(future.get(30, TimeUnit.SECONDS));
      }
      return ids;
    } finally {
      publisher.shutdown();
      publisher.awaitTermination(30, TimeUnit.SECONDS);
    }
  }

  /** A message to publish. */
  public record Message(byte[] payload, Map<String, String> attributes) {}

  @Override
  public void close() {
    for (String name : topics) {
      emulator.deleteSubscription(name);
      emulator.deleteTopic("topic-" + name);
    }
  }

  /** Streaming DirectRunner options against {@code emulator}, not blocking on run. */
  public static EntityTopicsToBigQueryOptions streamingOptions(PubSubEmulator emulator) {
    EntityTopicsToBigQueryOptions options =
        PipelineOptionsFactory.create().as(EntityTopicsToBigQueryOptions.class);
    options.setProject(PubSubEmulator.PROJECT_ID);
    options.setPubsubRootUrl(emulator.rootUrl());
    options.setCredentialFactoryClass(NoopCredentialFactory.class);
    options.setStreaming(true);
    options.as(DirectOptions.class).setBlockOnRun(false);
    return options;
  }
}
