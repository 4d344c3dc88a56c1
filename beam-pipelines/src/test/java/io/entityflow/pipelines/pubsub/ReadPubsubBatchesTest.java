package io.entityflow.pipelines.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entityflow.pipelines.warehouse.WriteToLocalWarehouse;
import java.nio.file.Path;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

class ReadPubsubBatchesTest {
  private static final String SUBSCRIPTION = "projects/p/subscriptions/sale_v1_pipeline";

  @Test
  void withMethodsGiveTheSameTransformInAnyOrder() {
    ReadPubsubBatches one =
        ReadPubsubBatches.fromSubscription(SUBSCRIPTION)
            .withTopic("sale_v1")
            .withEmulator("http://127.0.0.1:8085")
            .withJournal(Path.of("/tmp/wh/.journal"))
            .withMaxMessagesPerPull(500)
            .withMaxPendingMessages(10_000);
    ReadPubsubBatches other =
        ReadPubsubBatches.fromSubscription(SUBSCRIPTION)
            .withMaxPendingMessages(10_000)
            .withMaxMessagesPerPull(500)
            .withJournal(Path.of("/tmp/wh/.journal"))
            .withEmulator("http://127.0.0.1:8085")
            .withTopic("sale_v1");
    assertThat(one).isEqualTo(other);
    assertThat(
            WriteToLocalWarehouse.to(Path.of("/tmp/wh"))
                .withFlush(Duration.standardSeconds(1))
                .withMaxRowsPerFile(10))
        .isEqualTo(
            WriteToLocalWarehouse.to(Path.of("/tmp/wh"))
                .withMaxRowsPerFile(10)
                .withFlush(Duration.standardSeconds(1)));
    assertThat(DisplayData.from(one).items())
        .extracting(DisplayData.Item::getKey, DisplayData.Item::getValue)
        .contains(
            org.assertj.core.groups.Tuple.tuple("subscription", SUBSCRIPTION),
            org.assertj.core.groups.Tuple.tuple("topic", "sale_v1"),
            org.assertj.core.groups.Tuple.tuple("maxMessagesPerPull", 500L),
            org.assertj.core.groups.Tuple.tuple("maxPendingMessages", 10_000L));
  }

  @Test
  void badSettingsAreRefusedNamingTheValueAndWhatIsAllowed() {
    assertThatThrownBy(() -> ReadPubsubBatches.fromSubscription("sale_v1_pipeline"))
        .hasMessage(
            "subscription 'sale_v1_pipeline' is not a full subscription name; expected"
                + " projects/<project>/subscriptions/<name>");
    ReadPubsubBatches read = ReadPubsubBatches.fromSubscription(SUBSCRIPTION);
    assertThatThrownBy(() -> read.withMaxMessagesPerPull(0))
        .hasMessage("maxMessagesPerPull 0 is out of range; allowed: 1 to 1000");
    assertThatThrownBy(() -> read.withMaxPendingMessages(0))
        .hasMessage("maxPendingMessages 0 is out of range; allowed: 1 or more");
    assertThatThrownBy(
            () ->
                read.withTopic("sale_v1")
                    .withJournal(Path.of("/tmp/j"))
                    .withEmulator("https://pubsub.googleapis.com")
                    .validate(PipelineOptionsFactory.create()))
        .hasMessage(
            "emulator root URL 'https://pubsub.googleapis.com' is not the Pub/Sub emulator's;"
                + " allowed: http://<host>:<port> (the batched read talks to the emulator only;"
                + " read Pub/Sub itself with PubsubIO)");
    assertThatThrownBy(
            () ->
                read.withEmulator("http://127.0.0.1:8085")
                    .withJournal(Path.of("/tmp/j"))
                    .validate(PipelineOptionsFactory.create()))
        .hasMessage("ReadPubsubBatches of " + SUBSCRIPTION + " needs withTopic(...)");
  }
}
