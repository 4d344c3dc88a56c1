package io.entityflow.pipelines.deadletter;

/**
 * Why a message went to the dead-letter table. Each kind has a Beam counter of the same name in the
 * namespace {@link #METRICS_NAMESPACE}.
 */
public enum DeadLetterKind {
  /** The payload is not a valid serialized message of the topic's entity. */
  UNPARSEABLE_PAYLOAD,
  /** The {@code schema} attribute names another message, or a major version the topic lacks. */
  UNKNOWN_SCHEMA,
  /** The message came from a topic no registry entity publishes to. */
  UNKNOWN_TOPIC,
  /** A required attribute (event_id, operation, occurred_at) is absent or empty. */
  MISSING_ATTRIBUTE,
  /** An attribute has a value outside what is allowed (operation, occurred_at, schema_version). */
  INVALID_ATTRIBUTE,
  /** The payload parses but lacks the entity id, so the row could never be found again. */
  MISSING_ID,
  /** The warehouse refused the row (BigQuery insert error or local write failure). */
  WAREHOUSE_REJECTED;

  /** Namespace of the per-kind Beam counters. */
  public static final String METRICS_NAMESPACE = "entityflow.dead_letter";
}
