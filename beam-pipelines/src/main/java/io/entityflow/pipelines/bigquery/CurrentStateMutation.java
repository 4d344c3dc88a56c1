package io.entityflow.pipelines.bigquery;

import io.entityflow.contract.bigquery.MetadataColumns;
import io.entityflow.pipelines.convert.Timestamps;
import io.entityflow.pipelines.events.EventRow;
import java.time.Instant;
import java.util.Locale;
import org.apache.beam.sdk.io.gcp.bigquery.RowMutationInformation;
import org.apache.beam.sdk.io.gcp.bigquery.RowMutationInformation.MutationType;
import org.apache.beam.sdk.transforms.SerializableFunction;

/**
 * What an event does to its entity's current-state table through BigQuery change data capture:
 * {@code DELETE} for a DELETED event, {@code UPSERT} for CREATED, UPDATED and SNAPSHOT, with a
 * {@code _CHANGE_SEQUENCE_NUMBER} ordering the changes of one id by {@code occurred_at}, then by
 * Pub/Sub publish time. BigQuery applies a change only when its sequence number is above the one it
 * last applied for the id, so a late or redelivered older event never overwrites a newer state.
 *
 * <pre>{@code
 * CurrentStateMutation.ordered().apply(row);   // an UPDATED event
 * // UPSERT, "800660EEA828E800/800660EEA83BFAD0": occurred_at 2026-11-23T10:00:00Z, published
 * // 1.25 s later; epoch microseconds with the sign bit flipped, 16 hex digits each
 * }</pre>
 *
 * <p>Sequence number format (BigQuery: up to four '/'-separated sections of up to 16 hexadecimal
 * digits, each compared as an unsigned 64-bit number): two sections of exactly 16 upper-case hex
 * digits, the microseconds since the epoch with the sign bit flipped, so instants before 1970 order
 * correctly too. An event without publish time gets the smallest second section. The same event
 * redelivered carries the same sequence number; BigQuery then keeps the later ingestion, which
 * holds the same values.
 */
public final class CurrentStateMutation
    implements SerializableFunction<EventRow, RowMutationInformation> {
  private static final long serialVersionUID = 1L;

  private final boolean withPublishTime;

  private CurrentStateMutation(boolean withPublishTime) {
    this.withPublishTime = withPublishTime;
  }

  /** Orders by {@code occurred_at}, then publish time: the pipeline's function. */
  public static CurrentStateMutation ordered() {
    return new CurrentStateMutation(true);
  }

  /**
   * Orders by {@code occurred_at} alone, as one section holding the plain epoch microseconds: for
   * Beam's {@code FakeDatasetService}, which parses a sequence number as a single hexadecimal
   * number and compares it as a signed 64-bit number, so tests can run the CDC path end to end
   * (with instants after 1970). Never used by the pipeline.
   */
  static CurrentStateMutation occurredAtOnlyForFakes() {
    return new CurrentStateMutation(false);
  }

  @Override
  public RowMutationInformation apply(EventRow event) {
    Object operation = event.row().get(MetadataColumns.OPERATION);
    MutationType type = "DELETED".equals(operation) ? MutationType.DELETE : MutationType.UPSERT;
    Instant occurredAt = instant(event, MetadataColumns.OCCURRED_AT);
    if (occurredAt == null) {
      throw new IllegalArgumentException(
          "row of "
              + event.table()
              + " has no "
              + MetadataColumns.OCCURRED_AT
              + "; a current-state change needs it to be ordered");
    }
    if (!withPublishTime) {
      return RowMutationInformation.of(type, Long.toHexString(micros(occurredAt)));
    }
    Instant published = instant(event, MetadataColumns.PUBLISH_TIME);
    return RowMutationInformation.of(
        type,
        section(micros(occurredAt))
            + "/"
            + section(published == null ? Long.MIN_VALUE : micros(published)));
  }

  private static long micros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  /**
   * Epoch microseconds with the sign bit flipped, as 16 hex digits: unsigned order = time order.
   */
  private static String section(long micros) {
    return String.format(Locale.ROOT, "%016X", micros ^ Long.MIN_VALUE);
  }

  private static Instant instant(EventRow event, String column) {
    Object value = event.row().get(column);
    return value == null ? null : Timestamps.parse(column, value.toString());
  }
}
