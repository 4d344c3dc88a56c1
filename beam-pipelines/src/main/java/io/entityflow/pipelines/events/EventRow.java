package io.entityflow.pipelines.events;

import com.google.api.services.bigquery.model.TableRow;
import java.util.Objects;

/**
 * A row on its way to BigQuery: the destination {@code dataset.table}, the row, and the message it
 * was parsed from (null for rows the pipeline makes itself: heartbeats, dead letters). Encoded by
 * {@link EventRowCoder}.
 *
 * <pre>{@code
 * EventRow row = new EventRow("retail.sale_v1", tableRow, source);
 * EventRow heartbeat = EventRow.withoutSource("entityflow.pipeline_heartbeat", beat);
 * }</pre>
 *
 * @param table the destination, {@code dataset.table}
 * @param row the row in the form of {@code ProtoRowConverter}
 * @param source the message the row came from, or null
 */
public record EventRow(String table, TableRow row, SourceMessage source) {
  public EventRow {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(row, "row");
  }

  /** A row the pipeline made itself. */
  public static EventRow withoutSource(String table, TableRow row) {
    return new EventRow(table, row, null);
  }
}
