package io.entityflow.contract;

import java.util.List;

/**
 * Names of the Pub/Sub attributes every entity event carries. The payload is the serialized entity
 * message; everything else travels here, with these fixed names, for every producer language.
 *
 * <pre>{@code
 * String eventId = pubsubMessage.getAttributesOrThrow(EventAttributes.EVENT_ID);
 * }</pre>
 */
public final class EventAttributes {
  /** Event id, a UUID chosen by the producer; consumers deduplicate on it. */
  public static final String EVENT_ID = "event_id";

  /** One of {@link Operation}. */
  public static final String OPERATION = "operation";

  /**
   * When the change happened in the producing service, RFC 3339 in UTC, e.g. {@code
   * 2026-11-23T10:15:30.123Z}.
   */
  public static final String OCCURRED_AT = "occurred_at";

  /** Name of the producing service. */
  public static final String PRODUCER = "producer";

  /** Full Protobuf name of the payload message, e.g. {@code acme.retail.sale.v1.Sale}. */
  public static final String SCHEMA = "schema";

  /** Schema version {@code <major>.<revision>}, e.g. {@code 1.0}. */
  public static final String SCHEMA_VERSION = "schema_version";

  /** Set on events re-published by a replay: the RFC 3339 time of the replay. */
  public static final String REPLAYED_AT = "replayed_at";

  /**
   * How the PII fields of the payload are encrypted. Every event of an entity with PII fields
   * carries it, with the value {@link #PII_ENCRYPTION_TINK_AEAD_V1}: its payload is in the entity's
   * encrypted form ({@code io.entityflow.contract.privacy.EncryptedForm}). The pipeline
   * dead-letters an event of such an entity without it, and an event of an entity without PII with
   * it. Reserved ({@link #RESERVED}): only the publisher sets it.
   */
  public static final String PII_ENCRYPTION = "pii_encryption";

  /**
   * Value of {@link #PII_ENCRYPTION}: each PII value is a Tink AEAD ciphertext (AES256-GCM keyset
   * of the data subject, Tink output prefix) of its text form, with the UTF-8 subject id as
   * associated data (see "PII on the wire" in {@code proto/README.md}).
   */
  public static final String PII_ENCRYPTION_TINK_AEAD_V1 = "tink-aead-v1";

  /**
   * W3C Trace Context {@code traceparent} of the producer's span, e.g. {@code
   * 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01}. Optional: set by the publisher
   * library when tracing is on; the pipeline stores its trace id in the {@code trace_id} column and
   * consumers continue the trace. Not reserved, so a producer that propagates context itself may
   * set it. See {@link TraceParent}.
   */
  public static final String TRACEPARENT = "traceparent";

  /** W3C Trace Context {@code tracestate}, sent beside {@link #TRACEPARENT} when not empty. */
  public static final String TRACESTATE = "tracestate";

  /**
   * The {@code traceparent} the Google Cloud Pub/Sub client writes when its own OpenTelemetry
   * tracing is on (it prefixes propagated fields with {@code googclient_}); read when {@link
   * #TRACEPARENT} is absent.
   */
  public static final String GOOGCLIENT_TRACEPARENT = "googclient_traceparent";

  /** The attributes every event must carry. */
  public static final List<String> REQUIRED =
      List.of(EVENT_ID, OPERATION, OCCURRED_AT, PRODUCER, SCHEMA, SCHEMA_VERSION);

  /**
   * The contract's own attributes, set by the publisher (or a replay) from the publish arguments
   * and the contract, never by a producer as extra attributes: the {@link #REQUIRED} ones, {@link
   * #REPLAYED_AT} and {@link #PII_ENCRYPTION} (a producer setting it on a clear payload would make
   * readers take clear bytes for ciphertext). The trace attributes are not reserved.
   */
  public static final List<String> RESERVED =
      List.of(
          EVENT_ID,
          OPERATION,
          OCCURRED_AT,
          PRODUCER,
          SCHEMA,
          SCHEMA_VERSION,
          REPLAYED_AT,
          PII_ENCRYPTION);

  private EventAttributes() {}
}
