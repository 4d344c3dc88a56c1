package io.entityflow.alerting.warehouse;

import io.entityflow.alerting.model.SeriesHistory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads event counts from a warehouse, always aggregated by SQL there (hourly counts and the latest
 * event time per operation and segment), never by pulling rows.
 *
 * <pre>{@code
 * List<SeriesHistory> series = source.hourlyCounts(new CountQuery("retail", "sale_v1", null, from, to));
 * Optional<Instant> watermark = source.ingestedThrough();
 * }</pre>
 *
 * <p>Guarantees: one {@link SeriesHistory} per operation (and segment value) that had events in the
 * range, each with counts over the whole query range; warehouse failures propagate as {@link
 * WarehouseException}.
 */
public interface EventCountSource {
  /** Hourly counts of every operation (and segment value) of one table. */
  List<SeriesHistory> hourlyCounts(CountQuery query);

  /** Runs several count queries; sources may share one connection. Results in query order. */
  default List<List<SeriesHistory>> hourlyCounts(List<CountQuery> queries) {
    List<List<SeriesHistory>> results = new java.util.ArrayList<>();
    for (CountQuery query : queries) {
      results.add(hourlyCounts(query));
    }
    return results;
  }

  /**
   * Exact event counts per series id in each window (series without events are absent), in query
   * order: what static minimums are judged on.
   */
  List<Map<String, Long>> windowCounts(List<WindowCountQuery> queries);

  /**
   * The pipeline's ingestion watermark: {@code max(ingested_through)} of {@code
   * entityflow.pipeline_heartbeat}; empty when no heartbeat was ever written.
   */
  Optional<Instant> ingestedThrough();

  /**
   * Pays one-time start-up costs (drivers, native libraries, connections) so that the first
   * evaluation runs as fast as later ones; the service calls it once while starting, before its
   * first scheduled evaluation. Does nothing by default.
   */
  default void warmUp() {}
}
