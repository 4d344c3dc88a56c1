package io.entityflow.consumer.internal;

import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.api.gax.rpc.PermissionDeniedException;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.TopicName;
import io.entityflow.consumer.MissingSubscriptionException;
import io.entityflow.contract.layout.ConsumerResources;
import io.entityflow.publisher.connection.PubSubConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up checks of a consumer's resources. Local mode (emulator): creates every missing one:
 * entity topic, subscription (ordered), dead-letter topic and its hold subscription (the emulator
 * drops messages of a topic without subscription), and with replay the replay topic and
 * subscription (ordered). Otherwise: creates nothing and fails with {@link
 * MissingSubscriptionException} naming a missing subscription.
 *
 * <pre>{@code
 * ResourceSetup.prepare(connection, "acme-prod", resources, true, connection.emulator());
 * }</pre>
 */
public final class ResourceSetup {
  private static final Logger LOG = LoggerFactory.getLogger(ResourceSetup.class);
  private static final int ACK_DEADLINE_SECONDS = 60;

  private ResourceSetup() {}

  /**
   * Creates ({@code create}, i.e. local mode: {@code connection.emulator()}) or checks the
   * resources of {@code consumer}.
   */
  public static void prepare(
      PubSubConnection connection,
      String projectId,
      ConsumerResources consumer,
      boolean replay,
      boolean create) {
    try (TopicAdminClient topics = connection.topicAdmin();
        SubscriptionAdminClient subscriptions = connection.subscriptionAdmin()) {
      if (create) {
        createTopic(topics, projectId, consumer.topic());
        createSubscription(
            subscriptions, projectId, consumer.topic(), consumer.subscription(), true);
        createTopic(topics, projectId, consumer.deadLetterTopic());
        createSubscription(
            subscriptions,
            projectId,
            consumer.deadLetterTopic(),
            consumer.deadLetterHoldSubscription(),
            false);
        if (replay) {
          createTopic(topics, projectId, consumer.replayTopic());
          createSubscription(
              subscriptions,
              projectId,
              consumer.replayTopic(),
              consumer.replaySubscription(),
              true);
        }
      } else {
        require(subscriptions, projectId, consumer.subscription(), consumer);
        if (replay) {
          require(subscriptions, projectId, consumer.replaySubscription(), consumer);
        }
      }
    }
  }

  private static void createTopic(TopicAdminClient topics, String projectId, String topic) {
    try {
      topics.createTopic(TopicName.of(projectId, topic));
      LOG.info("local mode: created topic {}", TopicName.of(projectId, topic));
    } catch (AlreadyExistsException e) {
      // present
    }
  }

  private static void createSubscription(
      SubscriptionAdminClient subscriptions,
      String projectId,
      String topic,
      String subscription,
      boolean ordered) {
    try {
      subscriptions.createSubscription(
          Subscription.newBuilder()
              .setName(ProjectSubscriptionName.of(projectId, subscription).toString())
              .setTopic(TopicName.of(projectId, topic).toString())
              .setAckDeadlineSeconds(ACK_DEADLINE_SECONDS)
              .setEnableMessageOrdering(ordered)
              .build());
      LOG.info(
          "local mode: created subscription {}",
          ProjectSubscriptionName.of(projectId, subscription));
    } catch (AlreadyExistsException e) {
      // present
    }
  }

  private static void require(
      SubscriptionAdminClient subscriptions,
      String projectId,
      String subscription,
      ConsumerResources consumer) {
    ProjectSubscriptionName name = ProjectSubscriptionName.of(projectId, subscription);
    try {
      subscriptions.getSubscription(name);
    } catch (NotFoundException e) {
      throw new MissingSubscriptionException(
          name.toString(), consumer.consumer(), consumer.entity().name());
    } catch (PermissionDeniedException e) {
      LOG.warn(
          "cannot check that subscription {} exists (no pubsub.subscriptions.get permission);"
              + " starting anyway",
          name);
    }
  }
}
