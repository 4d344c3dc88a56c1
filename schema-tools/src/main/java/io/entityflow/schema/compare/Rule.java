package io.entityflow.schema.compare;

/**
 * Every rule of the compatibility check, with its stable id (shown in every finding and usable in
 * documentation and scripts), its severity and the {@link Category} from which it blocks.
 *
 * <pre>{@code
 * Rule.FIELD_RENAMED.id();        // "field-renamed"
 * Rule.FIELD_RENAMED.severity();  // BIGQUERY_BREAKING
 * Rule.FIELD_RENAMED.category();  // WIRE_JSON: proto JSON uses field names too
 * }</pre>
 */
public enum Rule {
  /** A field was deleted without reserving both its number and its name. */
  FIELD_DELETED("field-deleted", Severity.WIRE_BREAKING),
  /** A field number is used by a field of another type and name, or was reserved. */
  FIELD_NUMBER_REUSED("field-number-reused", Severity.WIRE_BREAKING),
  /** A field kept its name but got another number. */
  FIELD_NUMBER_CHANGED("field-number-changed", Severity.WIRE_BREAKING),
  /**
   * A field's type changed to one with another wire encoding, including length-prefixed and
   * delimited (group) message encoding.
   */
  FIELD_TYPE_CHANGED("field-type-changed", Severity.WIRE_BREAKING),
  /** A field changed between singular, required (proto2, LEGACY_REQUIRED) and repeated. */
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
  /** An enum changed between open and closed (proto2 enums are closed, features.enum_type). */
  ENUM_TYPE_CHANGED("enum-type-changed", Severity.WIRE_BREAKING),
  /** An extension ({@code extend}) changed between singular and repeated. */
  EXTENSION_CARDINALITY_CHANGED("extension-cardinality-changed", Severity.WIRE_BREAKING),
  /** An extension's type changed to one with another wire encoding. */
  EXTENSION_TYPE_CHANGED("extension-type-changed", Severity.WIRE_BREAKING),
  /** An extension was deleted. */
  EXTENSION_DELETED("extension-deleted", Severity.WIRE_BREAKING),
  /** A field's JSON name ({@code json_name}) changed while its name stayed. */
  FIELD_JSON_NAME_CHANGED("field-json-name-changed", Severity.JSON_BREAKING),
  /** An entity's id field changed (ordering keys and clustering change). */
  ID_FIELD_CHANGED("id-field-changed", Severity.WIRE_BREAKING),
  /** An entity (its topic and table) was deleted or stopped being an entity. */
  ENTITY_DELETED("entity-deleted", Severity.WIRE_BREAKING),
  /** A field was renamed: the wire is fine, the column name changes. */
  FIELD_RENAMED("field-renamed", Severity.BIGQUERY_BREAKING, Category.WIRE_JSON),
  /** An enum value was renamed: the wire is fine, the column values change. */
  ENUM_VALUE_RENAMED("enum-value-renamed", Severity.BIGQUERY_BREAKING, Category.WIRE_JSON),
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
  /**
   * A field changed between implicit and explicit presence (proto3 {@code optional},
   * features.field_presence): the wire and JSON forms stay, unset values become NULL instead of the
   * zero value in BigQuery (or the other way round).
   */
  FIELD_PRESENCE_CHANGED("field-presence-changed", Severity.COMPATIBLE),
  /** An extension was added. */
  EXTENSION_ADDED("extension-added", Severity.COMPATIBLE),
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
  private final Category category;

  Rule(String id, Severity severity) {
    this(
        id,
        severity,
        switch (severity) {
          case WIRE_BREAKING -> Category.WIRE;
          case JSON_BREAKING -> Category.WIRE_JSON;
          case BIGQUERY_BREAKING, COMPATIBLE -> Category.BIGQUERY;
        });
  }

  Rule(String id, Severity severity, Category category) {
    this.id = id;
    this.severity = severity;
    this.category = category;
  }

  /** The stable rule id, e.g. {@code field-deleted}. */
  public String id() {
    return id;
  }

  /** How bad a change under this rule is. */
  public Severity severity() {
    return severity;
  }

  /**
   * The most lenient category that checks this rule: {@code WIRE} for wire-breaking rules, {@code
   * WIRE_JSON} for JSON-breaking ones and for renames (proto JSON carries field and enum value
   * names), {@code BIGQUERY} for the rest.
   */
  public Category category() {
    return category;
  }

  /** Whether a change under this rule blocks a check run with {@code level}. */
  public boolean blocksUnder(Category level) {
    return severity.breaking() && category.compareTo(level) <= 0;
  }
}
