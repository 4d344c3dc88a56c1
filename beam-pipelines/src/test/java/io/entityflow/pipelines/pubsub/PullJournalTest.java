package io.entityflow.pipelines.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullResponse;
import com.google.pubsub.v1.ReceivedMessage;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
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
  void aWrittenBatchReadsBackExactlyAndReleasedRecordsAreNotClaimedAgain(@TempDir Path dir)
      throws Exception {
    PullJournal journal = PullJournal.in(dir.resolve("sale_v1_pipeline"));
    List<PubsubMessage> messages = List.of(message("1"), message("2"));

    String first = journal.write(messages);
    String second = journal.write(List.of(message("3")));

    String segment = first.substring(0, first.indexOf('@'));
    assertThat(segment).startsWith(ProcessHandle.current().pid() + "-").endsWith(".segment");
    assertThat(first).isEqualTo(segment + "@0");
    assertThat(second).startsWith(segment + "@");
    assertThat(files(journal.directory())).containsExactly(segment);
    assertThat(Files.size(journal.directory().resolve(segment)))
        .isEqualTo(JournalSegments.SEGMENT_BYTES);
    assertThat(journal.read(first)).containsExactlyElementsOf(messages);
    assertThat(journal.read(second)).containsExactly(message("3"));

    journal.delete(first);
    Path orphan = journal.directory().resolve(DEAD_PID + "-1.segment");
    Files.move(journal.directory().resolve(segment), orphan);
    List<String> claimed = journal.claimOrphans();

    assertThat(claimed).hasSize(1);
    assertThat(journal.read(claimed.get(0))).containsExactly(message("3"));
  }

  @Test
  void aPullWrittenAsReceivedIsStoredAsItsBytesBehindAHeader(@TempDir Path dir) throws Exception {
    PullJournal journal = PullJournal.in(dir);
    PullResponse pulled =
        PullResponse.newBuilder()
            .addReceivedMessages(
                ReceivedMessage.newBuilder().setAckId("ack-1").setMessage(message("1")))
            .addReceivedMessages(
                ReceivedMessage.newBuilder().setAckId("ack-2").setMessage(message("2")))
            .build();

    String record = journal.write(pulled.toByteArray());

    byte[] segment = Files.readAllBytes(dir.resolve(record.substring(0, record.indexOf('@'))));
    byte[] bytes = pulled.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(bytes);
    ByteBuffer header = ByteBuffer.wrap(segment, 0, JournalSegments.HEADER_BYTES);
    assertThat(header.getInt()).isEqualTo(JournalSegments.LIVE);
    assertThat(header.getInt()).isEqualTo(bytes.length);
    assertThat(header.getInt()).isEqualTo((int) crc.getValue());
    assertThat(Arrays.copyOfRange(segment, 12, 12 + bytes.length)).isEqualTo(bytes);
    assertThat(segment[12 + bytes.length]).as("zeros after the last record").isZero();
    assertThat(journal.read(record)).containsExactly(message("1"), message("2"));
  }

  @Test
  void claimingASegmentKeepsLiveRecordsAndStopsAtATornWrite(@TempDir Path dir) throws Exception {
    byte[] kept = PulledBatchCoder.toResponse(List.of(message("kept"))).toByteArray();
    byte[] staged = PulledBatchCoder.toResponse(List.of(message("staged"))).toByteArray();
    byte[] alsoKept = PulledBatchCoder.toResponse(List.of(message("also"))).toByteArray();
    byte[] torn = PulledBatchCoder.toResponse(List.of(message("torn"))).toByteArray();
    ByteBuffer segment = ByteBuffer.allocate(4096);
    record(segment, JournalSegments.LIVE, kept, crcOf(kept));
    record(segment, JournalSegments.DONE, staged, crcOf(staged));
    record(segment, JournalSegments.LIVE, alsoKept, crcOf(alsoKept));
    record(segment, JournalSegments.LIVE, torn, crcOf(torn) + 1);
    Files.write(dir.resolve(DEAD_PID + "-3.segment"), segment.array());
    Files.write(dir.resolve(DEAD_PID + "-4.segment"), new byte[4096]);

    List<String> claimed = PullJournal.in(dir).claimOrphans();

    assertThat(claimed).hasSize(2);
    assertThat(PullJournal.in(dir).read(claimed.get(0))).containsExactly(message("kept"));
    assertThat(PullJournal.in(dir).read(claimed.get(1))).containsExactly(message("also"));
    String mine = claimed.get(0).substring(0, claimed.get(0).indexOf('@'));
    assertThat(files(dir)).as("the segment without live records is gone").containsExactly(mine);

    PullJournal.in(dir).delete(claimed.get(0));
    PullJournal.in(dir).delete(claimed.get(1));
    assertThat(files(dir)).as("a claimed segment goes with its last live record").isEmpty();
  }

  @Test
  void segmentsRollOverAndGoOnceNothingOfThemIsLive(@TempDir Path dir) throws Exception {
    PullJournal journal = PullJournal.in(dir);
    byte[] big = new byte[JournalSegments.SEGMENT_BYTES / 2];

    String first = journal.write(big);
    String second = journal.write(big);
    String oversized = journal.write(new byte[JournalSegments.SEGMENT_BYTES + 1]);

    List<String> segments =
        Stream.of(first, second, oversized).map(r -> r.substring(0, r.indexOf('@'))).toList();
    assertThat(segments.get(1)).isNotEqualTo(segments.get(0));
    assertThat(segments.get(2)).isNotEqualTo(segments.get(1));
    assertThat(Files.size(dir.resolve(segments.get(2))))
        .isEqualTo(JournalSegments.SEGMENT_BYTES + 1 + JournalSegments.HEADER_BYTES);
    assertThat(JournalSegments.of(journal.directory()).read(second)).isEqualTo(big);

    journal.delete(first);
    journal.delete(second);
    assertThat(files(dir)).containsExactly(segments.get(2));
    journal.delete(oversized);
    assertThat(files(dir)).as("the segment taking writes stays").containsExactly(segments.get(2));
  }

  private static void record(ByteBuffer segment, int magic, byte[] bytes, int crc) {
    segment.putInt(magic).putInt(bytes.length).putInt(crc).put(bytes);
  }

  private static int crcOf(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return (int) crc.getValue();
  }

  @Test
  void filesOfOnePullOfADeadProcessAreClaimedAndTheirTornWritesDeleted(@TempDir Path dir)
      throws Exception {
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
    assertThat(files(dir))
        .containsExactlyInAnyOrder(own.substring(0, own.indexOf('@')), claimed.get(0), "notes.txt");
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

  /** Whether the journal record {@code record} in {@code dir} is live, as on disk. */
  static boolean live(Path dir, String record) throws Exception {
    Path segment = dir.resolve(record.substring(0, record.indexOf('@')));
    if (!Files.exists(segment)) {
      return false;
    }
    long offset = Long.parseLong(record.substring(record.indexOf('@') + 1));
    return ByteBuffer.wrap(Files.readAllBytes(segment), (int) offset, 4).getInt()
        == JournalSegments.LIVE;
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
