package io.entityflow.pipelines.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.pubsub.v1.PubsubMessage;
import io.entityflow.pipelines.testing.EmulatorTopics;
import io.entityflow.pipelines.testing.EmulatorTopics.Message;
import io.entityflow.testing.PubSubEmulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullBatchReaderIT {
  private static final int MESSAGES = 1_000;

  @Test
  void pullsWaitingInThePrefetcherLeaveAsOneElement(@TempDir Path journalDir) throws Exception {
    PubSubEmulator emulator = PubSubEmulator.shared();
    try (EmulatorTopics topics = new EmulatorTopics(emulator, List.of("sale_v1"))) {
      List<Message> messages = new ArrayList<>();
      for (int i = 0; i < MESSAGES; i++) {
        messages.add(new Message(("payload " + i).getBytes(), Map.of("n", Integer.toString(i))));
      }
      List<String> ids = topics.publish("sale_v1", messages);
      String subscription =
          "projects/"
              + PubSubEmulator.PROJECT_ID
              + "/subscriptions/"
              + topics.subscriptionPattern().replace("{topic}", "sale_v1");
      PullSettings settings =
          new PullSettings(
              emulator.hostPort(), subscription, "sale_v1", journalDir.toString(), 1000, 50_000);
      PullJournal journal = PullJournal.in(journalDir);

      BatchPrefetcher.of(settings); // pulls on its own thread from now on
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (PendingMessages.pending(journal) < MESSAGES && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      PullBatchReader reader = new PullBatchSource(settings).createReader(null, null);

      assertThat(reader.start()).isTrue();
      PulledBatch batch = reader.getCurrent();
      assertThat(batch.messages())
          .extracting(PubsubMessage::getMessageId)
          .containsExactlyInAnyOrderElementsOf(ids);
      // the emulator answers at most 100 messages per pull: ten pulls, ten journal records
      assertThat(batch.journalRecords())
          .hasSize(10)
          .containsExactlyInAnyOrderElementsOf(JournalRecords.live(journalDir));
      assertThat(reader.advance()).isFalse();

      for (PubsubMessage message : batch.messages()) {
        PendingMessages.staged("sale_v1", message.getMessageId());
      }
      assertThat(JournalRecords.live(journalDir)).isEmpty();
      reader.close();
    }
  }
}
