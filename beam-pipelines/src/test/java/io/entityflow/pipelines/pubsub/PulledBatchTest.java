package io.entityflow.pipelines.pubsub;

import static io.entityflow.pipelines.pubsub.PullJournalTest.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PulledBatchTest {
  @Test
  void mergedBatchesKeepEveryFileAndMessageInOrder() {
    PulledBatch first = new PulledBatch("sale_v1", "1-1.pull", List.of(message("a"), message("b")));
    PulledBatch second = new PulledBatch("sale_v1", "1-2.pull", List.of(message("c")));

    PulledBatch merged = PulledBatch.merge(List.of(first, second));

    assertThat(merged)
        .isEqualTo(
            new PulledBatch(
                "sale_v1",
                List.of("1-1.pull", "1-2.pull"),
                List.of(message("a"), message("b"), message("c"))));
    assertThat(PulledBatch.merge(List.of(first))).isSameAs(first);
  }

  @Test
  void theCoderCarriesEveryJournalFile() throws Exception {
    PulledBatch batch =
        new PulledBatch("sale_v1", List.of("1-1.pull", "1-2.pull"), List.of(message("a")));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PulledBatchCoder.of().encode(batch, bytes);

    assertThat(PulledBatchCoder.of().decode(new ByteArrayInputStream(bytes.toByteArray())))
        .isEqualTo(batch);
  }

  @Test
  void badMergesAreRefusedNamingWhatIsWrong() {
    PulledBatch sale = new PulledBatch("sale_v1", "1-1.pull", List.of(message("a")));
    PulledBatch customer = new PulledBatch("customer_v1", "1-2.pull", List.of(message("b")));

    assertThatThrownBy(() -> PulledBatch.merge(List.of(sale, customer)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot merge pulled batches of topics sale_v1 and customer_v1");
    assertThatThrownBy(() -> PulledBatch.merge(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nothing to merge: no pulled batch given");
    assertThatThrownBy(() -> new PulledBatch("sale_v1", List.of(), List.of(message("a"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a pulled batch of sale_v1 names no journal record");
  }

  @Test
  void aMergedBatchCannotBeRegisteredAsOnePull(@TempDir Path dir) {
    PulledBatch merged =
        new PulledBatch("sale_v1", List.of("1-1.pull", "1-2.pull"), List.of(message("a")));

    assertThatThrownBy(() -> PendingMessages.expect(PullJournal.in(dir), merged))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "register each pull on its own: the batch of sale_v1 merges the journal records"
                + " [1-1.pull, 1-2.pull]");
    assertThat(PendingMessages.pending(PullJournal.in(dir))).isZero();
  }
}
