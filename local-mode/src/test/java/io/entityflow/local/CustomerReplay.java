package io.entityflow.local;

import com.acme.retail.customer.v1.Customer;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.TopicName;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.options.WarehouseKind;
import io.entityflow.pipelines.replay.ReplayEntityTable;
import io.entityflow.pipelines.replay.ReplayOptions;
import io.entityflow.privacy.codec.DecryptedEvent;
import io.entityflow.privacy.codec.PiiDecryptor;
import io.entityflow.privacy.keys.SubjectKeysets;
import io.entityflow.testing.PubSubEmulator;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** {@link LocalModeIT}'s raw publishes and its replay of the customer table, decrypted. */
final class CustomerReplay {
  private CustomerReplay() {}

  static Map<String, DecryptedEvent<Customer>> decrypted(
      LocalHome home, EntityRegistry registry, SubjectKeysets keys, java.time.Instant at)
      throws Exception {
    PubSubEmulator emulator = PubSubEmulator.shared();
    String topic = emulator.createTopic(PubSubEmulator.uniqueName("customer-replay"));
    String subscription = emulator.createSubscription(topic, topic + "-sub");
    try {
      ReplayOptions options = PipelineOptionsFactory.create().as(ReplayOptions.class);
      options.setPubsubRootUrl(emulator.rootUrl());
      options.setCredentialFactoryClass(NoopCredentialFactory.class);
      options.setEntity("Customer");
      options.setFrom(at.minusSeconds(1).toString());
      options.setTo(at.plusSeconds(1).toString());
      options.setTargetTopic("projects/" + PubSubEmulator.PROJECT_ID + "/topics/" + topic);
      options.setWarehouse(WarehouseKind.LOCAL);
      options.setWarehouseDir(home.warehouse().toString());
      ReplayEntityTable.run(options).waitUntilFinish();
      PiiDecryptor decryptor = new PiiDecryptor(keys);
      EntityDefinition customers = registry.forTopic("customer_v1").orElseThrow();
      Map<String, DecryptedEvent<Customer>> events = new java.util.HashMap<>();
      for (com.google.pubsub.v1.ReceivedMessage received :
          emulator.pull(subscription, 100, Duration.ofSeconds(10))) {
        DecryptedEvent<Customer> event =
            decryptor.decrypt(
                customers,
                received.getMessage().getData().toByteArray(),
                Customer.getDefaultInstance());
        events.put(event.message().getCustomerId(), event);
      }
      return events;
    } finally {
      emulator.deleteSubscription(subscription);
      emulator.deleteTopic(topic);
    }
  }

  static void publishRaw(String topic, ByteString payload, Map<String, String> attributes)
      throws Exception {
    Publisher raw =
        Publisher.newBuilder(TopicName.of(LocalStack.PROJECT, topic))
            .setChannelProvider(PubSubEmulator.shared().channelProvider())
            .setCredentialsProvider(PubSubEmulator.shared().credentials())
            .build();
    try {
      raw.publish(PubsubMessage.newBuilder().setData(payload).putAllAttributes(attributes).build())
          .get(30, TimeUnit.SECONDS);
    } finally {
      raw.shutdown();
      raw.awaitTermination(10, TimeUnit.SECONDS);
    }
  }
}
