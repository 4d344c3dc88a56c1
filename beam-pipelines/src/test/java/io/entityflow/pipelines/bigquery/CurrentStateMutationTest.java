package io.entityflow.pipelines.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.pipelines.events.EventRow;
import java.math.BigInteger;
import org.apache.beam.sdk.io.gcp.bigquery.RowMutationInformation;
import org.apache.beam.sdk.io.gcp.bigquery.RowMutationInformation.MutationType;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.jupiter.api.Test;

class CurrentStateMutationTest {
  private static EventRow event(String operation, String occurredAt, String publishTime) {
    TableRow row = new TableRow().set("operation", operation).set("sale_id", "s-1");
    if (occurredAt != null) {
      row.set("occurred_at", occurredAt);
    }
    if (publishTime != null) {
      row.set("publish_time", publishTime);
    }
    return EventRow.withoutSource("retail.sale_v1_current", row);
  }

  private static RowMutationInformation mutation(
      String operation, String occurredAt, String publishTime) {
    return CurrentStateMutation.ordered().apply(event(operation, occurredAt, publishTime));
  }

  /** BigQuery's comparison: section by section, each as an unsigned 64-bit number. */
  private static int compare(String a, String b) {
    String[] left = a.split("/");
    String[] right = b.split("/");
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      BigInteger l = i < left.length ? new BigInteger(left[i], 16) : BigInteger.valueOf(-1);
      BigInteger r = i < right.length ? new BigInteger(right[i], 16) : BigInteger.valueOf(-1);
      int c = l.compareTo(r);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @Test
  void createdUpdatedAndSnapshotUpsertAndDeletedDeletes() {
    String at = "2026-11-23T10:00:00Z";
    assertThat(mutation("CREATED", at, at).getMutationType()).isEqualTo(MutationType.UPSERT);
    assertThat(mutation("UPDATED", at, at).getMutationType()).isEqualTo(MutationType.UPSERT);
    assertThat(mutation("SNAPSHOT", at, at).getMutationType()).isEqualTo(MutationType.UPSERT);
    assertThat(mutation("DELETED", at, at).getMutationType()).isEqualTo(MutationType.DELETE);
  }

  @Test
  void sequenceIsOccurredAtThenPublishTimeInMicrosWithTheSignBitFlipped() {
    // 2026-11-23T10:00:00Z = 1795428000 s = 0x660EEA828E800 µs; 10:00:01.25 = +1,250,000 µs.
    assertThat(
            mutation("UPDATED", "2026-11-23T10:00:00Z", "2026-11-23T10:00:01.250Z")
                .getChangeSequenceNumber())
        .isEqualTo("800660EEA828E800/800660EEA83BFAD0");
    assertThat(mutation("CREATED", "1970-01-01T00:00:00Z", null).getChangeSequenceNumber())
        .isEqualTo("8000000000000000/0000000000000000");
    assertThat(
            mutation("CREATED", "1969-12-31T23:59:59.999999Z", "1970-01-01T00:00:00.000001Z")
                .getChangeSequenceNumber())
        .isEqualTo("7FFFFFFFFFFFFFFF/8000000000000001");
  }

  @Test
  void aLateOlderEventOrdersBeforeTheNewerStateWhateverItsPublishTime() {
    String newer =
        mutation("UPDATED", "2026-11-23T10:05:00Z", "2026-11-23T10:05:01Z")
            .getChangeSequenceNumber();
    String lateOlder =
        mutation("UPDATED", "2026-11-23T10:04:00Z", "2026-11-23T11:00:00Z")
            .getChangeSequenceNumber();
    String lateDelete =
        mutation("DELETED", "2026-11-23T10:04:59.999999Z", "2026-11-24T00:00:00Z")
            .getChangeSequenceNumber();

    assertThat(compare(lateOlder, newer)).isNegative();
    assertThat(compare(lateDelete, newer)).isNegative();
  }

  @Test
  void sameOccurredAtIsOrderedByPublishTimeAndARedeliveryGetsTheSameSequence() {
    String first =
        mutation("UPDATED", "2026-11-23T10:05:00Z", "2026-11-23T10:05:01Z")
            .getChangeSequenceNumber();
    String second =
        mutation("UPDATED", "2026-11-23T10:05:00Z", "2026-11-23T10:05:02Z")
            .getChangeSequenceNumber();
    String redelivered =
        mutation("UPDATED", "2026-11-23T10:05:00Z", "2026-11-23T10:05:01Z")
            .getChangeSequenceNumber();

    assertThat(compare(first, second)).isNegative();
    assertThat(redelivered).isEqualTo(first);
  }

  @Test
  void beforeTheEpochOrdersBeforeAfterTheEpoch() {
    String before = mutation("CREATED", "1969-07-20T20:17:40Z", null).getChangeSequenceNumber();
    String epoch = mutation("CREATED", "1970-01-01T00:00:00Z", null).getChangeSequenceNumber();
    assertThat(compare(before, epoch)).isNegative();
  }

  @Test
  void occurredAtOnlyForFakesHasOneSectionOfPlainMicros() {
    assertThat(
            CurrentStateMutation.occurredAtOnlyForFakes()
                .apply(event("DELETED", "2026-11-23T10:00:00Z", "2026-11-23T10:00:01Z"))
                .getChangeSequenceNumber())
        .isEqualTo("660eea828e800");
  }

  @Test
  void rowWithoutOccurredAtIsRefusedNamingTheTable() {
    assertThatThrownBy(() -> mutation("CREATED", null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "row of retail.sale_v1_current has no occurred_at; a current-state change needs it"
                + " to be ordered");
  }

  @Test
  void isSerializable() {
    CurrentStateMutation copy = SerializableUtils.clone(CurrentStateMutation.ordered());
    assertThat(copy.apply(event("CREATED", "1970-01-01T00:00:00Z", null)).getChangeSequenceNumber())
        .isEqualTo("8000000000000000/0000000000000000");
  }
}
