package io.entityflow.schema.compare;

/**
 * Every rule of the compatibility check, with its stable id (shown in every finding and usable in
 * documentation and scripts) and its severity.
 *
 * <pre>{@code
 * Rule.FIELD_RENAMED.id();        // "field-renamed"
 * Rule.FIELD_RENAMED.severity();  // BIGQUERY_BREAKING
 * }</pre>
 */
public enum Rule {
  /** A field was deleted without reserving both its number and its name. */
  FIELD_DELETED("field-deleted", Severity.WIRE_BREAKING),
  /** A field number is used by a field of another type and name, or was reserved. */
  FIELD_NUMBER_REUSED("field-number-reused", Severity.WIRE_BREAKING),
  /** A field kept its name but got another number. */
  FIELD_NUMBER_CHANGED("field-number-changed", Severity.WIRE_BREAKING),
  /** A field's type changed to one with another wire encoding. */
  FIELD_TYPE_CHANGED("field-type-changed", Severity.WIRE_BREAKING),
  /** A field changed between singular and repeated. */
  FIELD_CARDINALITY_CHANGED("field-cardinality-changed", Severity.WIRE_BREAKING),
  /** A field moved into, out of, or between oneofs. */
  FIELD_ONEOF_CHANGED("field-oneof-changed", Severity.WIRE_BREAKING),
  /** A field changed between map and repeated or singular. */
  FIELD_MAP_CHANGED("field-map-changed", Severity.WIRE_BREAKING),
  /** A message was deleted. */
  MESSAGE_DELETED("message-deleted", Severity.WIRE_BREAKING),
  /** An enum was deleted. */
  ENUM_DELETED("enum-deleted", Severity.WIRE_BREAKING),
  /** An enum value was deleted without reserving its number and name. */
  ENUM_VALUE_DELETED("enum-value-deleted", Severity.WIRE_BREAKING),
  /** An enum value uses a number the base had reserved. */
  ENUM_VALUE_NUMBER_REUSED("enum-value-number-reused", Severity.WIRE_BREAKING),
  /** An entity's id field changed (ordering keys and clustering change). */
  ID_FIELD_CHANGED("id-field-changed", Severity.WIRE_BREAKING),
  /** An entity (its topic and table) was deleted or stopped being an entity. */
  ENTITY_DELETED("entity-deleted", Severity.WIRE_BREAKING),
  /** A field was renamed: the wire is fine, the column name changes. */
  FIELD_RENAMED("field-renamed", Severity.BIGQUERY_BREAKING),
  /** An enum value was renamed: the wire is fine, the column values change. */
  ENUM_VALUE_RENAMED("enum-value-renamed", Severity.BIGQUERY_BREAKING),
  /** A wire-compatible type change whose column type BigQuery cannot change in place. */
  COLUMN_TYPE_CHANGED("column-type-changed", Severity.BIGQUERY_BREAKING),
  /** A field now has another message or enum type whose columns or values differ. */
  NESTED_SHAPE_CHANGED("nested-shape-changed", Severity.BIGQUERY_BREAKING),
  /** The entity name changed, so the topic and table name change. */
  ENTITY_RENAMED("entity-renamed", Severity.BIGQUERY_BREAKING),
  /** The entity domain changed, so the dataset changes. */
  ENTITY_DOMAIN_CHANGED("entity-domain-changed", Severity.BIGQUERY_BREAKING),
  /** A field was added. */
  FIELD_ADDED("field-added", Severity.COMPATIBLE),
  /** A field was deleted with its number and name reserved; its column stays, NULL from now on. */
  FIELD_RETIRED("field-retired", Severity.COMPATIBLE),
  /** A wire-compatible type change that BigQuery applies in place (or that keeps the column). */
  FIELD_TYPE_WIDENED("field-type-widened", Severity.COMPATIBLE),
  /** An enum value was added. */
  ENUM_VALUE_ADDED("enum-value-added", Severity.COMPATIBLE),
  /** An enum value was deleted with its number and name reserved. */
  ENUM_VALUE_RETIRED("enum-value-retired", Severity.COMPATIBLE),
  /** A message was added. */
  MESSAGE_ADDED("message-added", Severity.COMPATIBLE),
  /** An enum was added. */
  ENUM_ADDED("enum-added", Severity.COMPATIBLE),
  /** An entity was added: a new topic and table. */
  ENTITY_ADDED("entity-added", Severity.COMPATIBLE),
  /** A new major version of an entity beside its untouched previous version. */
  NEW_MAJOR_VERSION("new-major-version", Severity.COMPATIBLE),
  /** Reserved numbers or names were added. */
  RESERVED_ADDED("reserved-added", Severity.COMPATIBLE),
  /** Only a comment changed. */
  COMMENT_CHANGED("comment-changed", Severity.COMPATIBLE),
  /** Only options changed (sensitivity, owner, description, revision, ...). */
  OPTION_CHANGED("option-changed", Severity.COMPATIBLE);

  private final String id;
  private final Severity severity;

  Rule(String id, Severity severity) {
    this.id = id;
    this.severity = severity;
  }

  /** The stable rule id, e.g. {@code field-deleted}. */
  public String id() {
    return id;
  }

  /** How bad a change under this rule is. */
  public Severity severity() {
    return severity;
  }
}
