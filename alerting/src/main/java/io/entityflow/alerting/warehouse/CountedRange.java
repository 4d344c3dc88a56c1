package io.entityflow.alerting.warehouse;

import java.time.Instant;

/**
 * What every count query covers: one table, an optional segment column to group by and the time
 * range {@code [from, to)} of {@code occurred_at}. Implemented by {@link CountQuery} (hourly
 * counts) and {@link WindowCountQuery} (one exact window), so that the SQL both share is written
 * once.
 *
 * <pre>{@code
 * CountedRange range = new WindowCountQuery("retail", "sale_v1", null, from, to);
 * String name = range.qualifiedTable(); // "retail.sale_v1"
 * }</pre>
 *
 * <p>Guarantees: implementations validate their names with {@link TableIdentifiers} and keep {@code
 * from < to}.
 */
interface CountedRange {
  /** Dataset (domain). */
  String dataset();

  /** Table ({@code snake(entity)_v<major>}). */
  String table();

  /** Column to group by as well, or null. */
  String segmentColumn();

  /** Start (inclusive). */
  Instant from();

  /** End (exclusive). */
  Instant to();

  /** {@code dataset.table}, as named in error messages. */
  default String qualifiedTable() {
    return dataset() + "." + table();
  }
}
