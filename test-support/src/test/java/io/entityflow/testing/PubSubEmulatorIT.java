package io.entityflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.pubsub.v1.Publisher;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.TopicName;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PubSubEmulatorIT {

  @Test
  void publishedMessageIsPulledWithPayloadAndAttributes() throws Exception {
    PubSubEmulator emulator = PubSubEmulator.shared();
    String topic = emulator.createTopic(PubSubEmulator.uniqueName("roundtrip"));
    String subscription = emulator.createSubscription(topic, topic + "-sub");
    Publisher publisher =
        Publisher.newBuilder(TopicName.of(PubSubEmulator.PROJECT_ID, topic))
            .setChannelProvider(emulator.channelProvider())
            .setCredentialsProvider(emulator.credentials())
            .build();
    try {
      publisher
          .publish(
              PubsubMessage.newBuilder()
                  .setData(ByteString.copyFromUtf8("hello"))
                  .putAttributes("operation", "CREATED")
                  .build())
          .get(30, TimeUnit.SECONDS);
    } finally {
      publisher.shutdown();
      publisher.awaitTermination(10, TimeUnit.SECONDS);
    }

    List<ReceivedMessage> received = emulator.pull(subscription, 1, Duration.ofSeconds(10));

    assertThat(received).hasSize(1);
    assertThat(received.get(0).getMessage().getData().toStringUtf8()).isEqualTo("hello");
    assertThat(received.get(0).getMessage().getAttributesMap())
        .containsExactly(java.util.Map.entry("operation", "CREATED"));
    emulator.deleteSubscription(subscription);
    emulator.deleteTopic(topic);
  }

  @Test
  void dedicatedEmulatorRestartsOnTheSamePort() {
    try (PubSubEmulator emulator = PubSubEmulator.startDedicated()) {
      String before = emulator.hostPort();
      emulator.createTopic("kept-topic");
      emulator.kill();
      emulator.restart();

      assertThat(emulator.hostPort()).isEqualTo(before);
      assertThat(emulator.createTopic("kept-topic")).isEqualTo("kept-topic");
    }
  }
}
