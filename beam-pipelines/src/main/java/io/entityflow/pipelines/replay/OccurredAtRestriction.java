package io.entityflow.pipelines.replay;

import io.entityflow.contract.bigquery.MetadataColumns;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The BigQuery Storage Read API row restriction (a standard-SQL predicate) selecting {@code from <=
 * occurred_at < to}. {@code occurred_at} is the partitioning column of every entity table, so
 * BigQuery prunes the partitions outside the range: a replay of one day reads one day.
 *
 * <pre>{@code
 * OccurredAtRestriction.of(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z"))
 * // occurred_at >= TIMESTAMP '2026-11-01 00:00:00.000000+00:00'
 * //   AND occurred_at < TIMESTAMP '2026-11-02 00:00:00.000000+00:00'
 * }</pre>
 *
 * <p>Guarantees: literals in BigQuery's canonical timestamp form at microsecond precision (what
 * BigQuery stores); a bound with sub-microsecond digits is rounded up, which selects exactly the
 * stored values of {@code [from, to)}.
 */
public final class OccurredAtRestriction {
  private static final DateTimeFormatter LITERAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);

  private OccurredAtRestriction() {}

  /** The restriction for {@code from <= occurred_at < to}. */
  public static String of(Instant from, Instant to) {
    return MetadataColumns.OCCURRED_AT
        + " >= TIMESTAMP '"
        + literal(from)
        + "' AND "
        + MetadataColumns.OCCURRED_AT
        + " < TIMESTAMP '"
        + literal(to)
        + "'";
  }

  private static String literal(Instant instant) {
    Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
    if (micros.isBefore(instant)) {
      micros = micros.plus(1, ChronoUnit.MICROS);
    }
    return LITERAL.format(micros);
  }
}
