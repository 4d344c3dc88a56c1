package io.entityflow.pipelines.convert;

import java.time.Instant;

/**
 * The values of an entity table's metadata columns for one event, as {@link StorageRowWriter}
 * writes them: {@code null} means the column stays NULL. {@link #of} keeps the TableRow path's rule
 * that empty producer, schema version and message id are NULL.
 *
 * <pre>{@code
 * RowMetadata metadata = RowMetadata.of("e-1", "CREATED", occurredAt, publishTime, "till", "1.0",
 *     "m-1", Instant.now(), "4bf92f3577b34da6a3ce929d0e0e4736");
 * }</pre>
 *
 * @param eventId column {@code event_id}
 * @param operation column {@code operation}
 * @param occurredAt column {@code occurred_at}
 * @param publishTime column {@code publish_time}
 * @param producer column {@code producer}
 * @param schemaVersion column {@code schema_version}
 * @param messageId column {@code message_id}
 * @param ingestionTime column {@code ingestion_time}
 * @param traceId column {@code trace_id}
 */
public record RowMetadata(
    String eventId,
    String operation,
    Instant occurredAt,
    Instant publishTime,
    String producer,
    String schemaVersion,
    String messageId,
    Instant ingestionTime,
    String traceId) {

  /** Metadata with empty producer, schema version and message id turned into NULL. */
  public static RowMetadata of(
      String eventId,
      String operation,
      Instant occurredAt,
      Instant publishTime,
      String producer,
      String schemaVersion,
      String messageId,
      Instant ingestionTime,
      String traceId) {
    return new RowMetadata(
        eventId,
        operation,
        occurredAt,
        publishTime,
        nullIfEmpty(producer),
        nullIfEmpty(schemaVersion),
        nullIfEmpty(messageId),
        ingestionTime,
        traceId);
  }

  private static String nullIfEmpty(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
