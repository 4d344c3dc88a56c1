package io.entityflow.contract.bigquery;

/**
 * How a proto value becomes the value of its column. Row converters (the pipelines, the local
 * warehouse) switch on this, so that every writer follows the same mapping.
 */
public enum ValueConversion {
  /** Strings, booleans, bytes, signed integers, float and double: the value itself. */
  SCALAR,
  /** uint32 and fixed32: the unsigned value as INT64. */
  UNSIGNED_INT32,
  /** uint64 and fixed64: the unsigned value as NUMERIC (exact up to 2^64-1). */
  UNSIGNED_INT64,
  /** Enums: the value name; an unknown number as its decimal string. */
  ENUM_NAME,
  /** google.protobuf.Timestamp: TIMESTAMP (microsecond precision in BigQuery). */
  TIMESTAMP,
  /** google.protobuf.Duration: NUMERIC seconds, exact to the nanosecond. */
  DURATION_SECONDS,
  /** google.protobuf.Struct: JSON object. */
  STRUCT_JSON,
  /** google.protobuf.Value: JSON value. */
  VALUE_JSON,
  /** google.protobuf.ListValue: JSON array. */
  LIST_JSON,
  /** google.protobuf.FieldMask: its paths joined by commas, as in proto JSON. */
  FIELD_MASK,
  /** google.protobuf.Empty: TRUE when set, NULL when not. */
  PRESENCE,
  /** Other messages: a RECORD of their fields. */
  RECORD,
  /** Maps: REPEATED RECORD of {@code key} and {@code value}, in wire order. */
  MAP_ENTRIES,
  /** Metadata columns: filled from the Pub/Sub message, not the payload. */
  METADATA
}
