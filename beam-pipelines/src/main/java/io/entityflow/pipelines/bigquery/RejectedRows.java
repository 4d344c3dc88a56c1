package io.entityflow.pipelines.bigquery;

import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.contract.layout.DeadLetterTable;
import io.entityflow.pipelines.convert.Timestamps;
import io.entityflow.pipelines.deadletter.DeadLetterKind;
import io.entityflow.pipelines.events.EventRow;
import io.entityflow.pipelines.events.SourceMessage;
import java.time.Instant;

/**
 * The dead letter of a row BigQuery refused, in the one form both BigQuery sinks give it ({@link
 * WriteToBigQuery}, {@link WriteStorageRows}): kind {@code WAREHOUSE_REJECTED}, error {@code
 * "BigQuery refused a row of <table>: <BigQuery's message>"}, and the ORIGINAL message of the row
 * (raw payload, attributes, topic, message id, publish time).
 *
 * <pre>{@code
 * TableRow pending = RejectedRows.pending(source, "retail.sale_v1");
 * EventRow letter = RejectedRows.deadLetter(pending, "sale_v1", bigQueryError, now);
 * }</pre>
 */
final class RejectedRows {
  private RejectedRows() {}

  /**
   * The dead-letter row of a refused row's source message, but for the failure time and error
   * message: until {@link #deadLetter} sets BigQuery's error, {@code error_message} holds the
   * destination {@code dataset.table} (BigQuery's error may come without a table reference).
   */
  static TableRow pending(SourceMessage source, String table) {
    return source.deadLetter(Instant.EPOCH, DeadLetterKind.WAREHOUSE_REJECTED, table).toRow();
  }

  /**
   * Completes a {@link #pending} dead-letter row: the failure time and BigQuery's error about a row
   * of {@code tableId} (the table's name, e.g. {@code sale_v1}).
   */
  static EventRow deadLetter(TableRow pending, String tableId, String error, Instant failedAt) {
    TableRow letter = pending.clone();
    letter.set(DeadLetterTable.FAILED_AT, Timestamps.format(failedAt));
    letter.set(
        DeadLetterTable.ERROR_MESSAGE, "BigQuery refused a row of " + tableId + ": " + error);
    return EventRow.withoutSource(DeadLetterTable.definition().qualifiedName(), letter);
  }

  /** The {@code table} of a pending row whose error carries no table reference. */
  static String tableOf(TableRow pending) {
    return String.valueOf(pending.get(DeadLetterTable.ERROR_MESSAGE));
  }
}
