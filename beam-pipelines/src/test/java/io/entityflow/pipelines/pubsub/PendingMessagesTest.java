package io.entityflow.pipelines.pubsub;

import static io.entityflow.pipelines.pubsub.PullJournalTest.live;
import static io.entityflow.pipelines.pubsub.PullJournalTest.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingMessagesTest {
  @Test
  void theJournalRecordIsReleasedWhenItsLastMessageIsStaged(@TempDir Path dir) throws Exception {
    PullJournal journal = PullJournal.in(dir);
    String file = journal.write(List.of(message("1"), message("2")));
    PendingMessages.expect(journal, new PulledBatch("sale_v1", file, journal.read(file)));
    assertThat(PendingMessages.pending(journal)).isEqualTo(2);

    PendingMessages.staged("sale_v1", "1");
    PendingMessages.staged("customer_v1", "2"); // another topic's message 2: not this one
    PendingMessages.staged("sale_v1", "unknown");

    assertThat(PendingMessages.pending(journal)).isEqualTo(1);
    assertThat(live(dir, file)).isTrue();
    PendingMessages.staged("sale_v1", "2");
    assertThat(PendingMessages.pending(journal)).isZero();
    assertThat(live(dir, file)).isFalse();
    PendingMessages.staged("sale_v1", "2"); // a duplicate row of the same message: no effect
    assertThat(PendingMessages.pending(journal)).isZero();
  }

  @Test
  void aRedeliveredMessageMovesToItsNewerBatch(@TempDir Path dir) throws Exception {
    PullJournal journal = PullJournal.in(dir);
    String older = journal.write(List.of(message("a"), message("b")));
    PendingMessages.expect(journal, new PulledBatch("sale_v1", older, journal.read(older)));
    String newer = journal.write(List.of(message("b")));
    PendingMessages.expect(journal, new PulledBatch("sale_v1", newer, journal.read(newer)));
    assertThat(PendingMessages.pending(journal)).isEqualTo(2);

    PendingMessages.staged("sale_v1", "a");
    assertThat(live(dir, older)).as("b now belongs to the newer record").isFalse();
    assertThat(live(dir, newer)).isTrue();
    PendingMessages.staged("sale_v1", "b");
    assertThat(live(dir, newer)).isFalse();
    assertThat(PendingMessages.pending(journal)).isZero();
  }
}
