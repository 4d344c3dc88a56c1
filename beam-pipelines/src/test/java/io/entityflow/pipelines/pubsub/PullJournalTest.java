package io.entityflow.pipelines.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullResponse;
import com.google.pubsub.v1.ReceivedMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullJournalTest {
  static PubsubMessage message(String id) {
    return PubsubMessage.newBuilder()
        .setMessageId(id)
        .setData(ByteString.copyFromUtf8("payload of " + id))
        .putAttributes("event_id", "e-" + id)
        .setOrderingKey("k-" + id)
        .setPublishTime(Timestamp.newBuilder().setSeconds(1_795_428_000L).setNanos(123_000_000))
        .build();
  }

  /** A pid no process has: the highest pid Linux hands out is 2^22. */
  private static final long DEAD_PID = 4_194_305L;

  @Test
  void aWrittenBatchReadsBackExactlyAndDeleteRemovesIt(@TempDir Path dir) throws Exception {
    PullJournal journal = PullJournal.in(dir.resolve("sale_v1_pipeline"));
    List<PubsubMessage> messages = List.of(message("1"), message("2"));

    String file = journal.write(messages);

    assertThat(file).startsWith(ProcessHandle.current().pid() + "-").endsWith(".pull");
    assertThat(files(journal.directory())).containsExactly(file);
    assertThat(journal.read(file)).containsExactlyElementsOf(messages);
    journal.delete(file);
    assertThat(files(journal.directory())).isEmpty();
  }

  @Test
  void aPullWrittenAsReceivedReadsBackItsMessages(@TempDir Path dir) throws Exception {
    PullJournal journal = PullJournal.in(dir);
    PullResponse pulled =
        PullResponse.newBuilder()
            .addReceivedMessages(
                ReceivedMessage.newBuilder().setAckId("ack-1").setMessage(message("1")))
            .addReceivedMessages(
                ReceivedMessage.newBuilder().setAckId("ack-2").setMessage(message("2")))
            .build();

    String file = journal.write(pulled.toByteArray());

    assertThat(Files.readAllBytes(dir.resolve(file))).isEqualTo(pulled.toByteArray());
    assertThat(journal.read(file)).containsExactly(message("1"), message("2"));
  }

  @Test
  void filesOfADeadProcessAreClaimedAndTheirTornWritesDeleted(@TempDir Path dir) throws Exception {
    PullJournal journal = PullJournal.in(dir);
    String own = journal.write(List.of(message("own")));
    Path orphan = dir.resolve(DEAD_PID + "-7.pull");
    Files.write(orphan, PulledBatchCoder.toResponse(List.of(message("lost"))).toByteArray());
    Path torn = dir.resolve(DEAD_PID + "-8.pull.tmp");
    Files.write(torn, new byte[] {10, 3});
    Path other = dir.resolve("notes.txt");
    Files.writeString(other, "not a journal file");

    List<String> claimed = journal.claimOrphans();

    assertThat(claimed).hasSize(1);
    assertThat(claimed.get(0)).startsWith(ProcessHandle.current().pid() + "-");
    assertThat(journal.read(claimed.get(0))).containsExactly(message("lost"));
    assertThat(files(dir)).containsExactlyInAnyOrder(own, claimed.get(0), "notes.txt");
    assertThat(journal.claimOrphans()).as("own files are never claimed").isEmpty();
  }

  @Test
  void filesOfALiveProcessAreLeftAlone(@TempDir Path dir) throws Exception {
    long live = ProcessHandle.current().parent().orElseThrow().pid();
    Path file = dir.resolve(live + "-1.pull");
    Files.write(file, PulledBatchCoder.toResponse(List.of(message("1"))).toByteArray());

    assertThat(PullJournal.in(dir).claimOrphans()).isEmpty();
    assertThat(files(dir)).containsExactly(live + "-1.pull");
  }

  static List<String> files(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> listing = Files.list(dir)) {
      return listing.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
