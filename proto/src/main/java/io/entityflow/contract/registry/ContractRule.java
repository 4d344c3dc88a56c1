package io.entityflow.contract.registry;

/**
 * The rules a contract must follow to load. Each has a stable id that appears in error messages and
 * documentation ({@code proto/README.md}).
 */
public enum ContractRule {
  /** An entity option that must be set is empty. */
  MISSING_OPTION("missing-option"),
  /** The entity name is not UpperCamelCase. */
  INVALID_ENTITY_NAME("invalid-entity-name"),
  /** The domain is not a valid BigQuery dataset name in lower_snake_case. */
  INVALID_DOMAIN("invalid-domain"),
  /** The package does not end with a major version segment such as {@code .v1}. */
  INVALID_PACKAGE("invalid-package"),
  /** The entity option is set on a nested message. */
  NESTED_ENTITY("nested-entity"),
  /** {@code id_field} names no top-level field of the message. */
  MISSING_ID_FIELD("missing-id-field"),
  /** The id field is not a singular integer or string field. */
  INVALID_ID_FIELD("invalid-id-field"),
  /** Two messages declare the same entity name in the same major version. */
  DUPLICATE_ENTITY("duplicate-entity"),
  /** Two entities map to the same topic and table name. */
  DUPLICATE_TOPIC("duplicate-topic"),
  /** A top-level field uses the name of a metadata column. */
  RESERVED_COLUMN("reserved-column"),
  /** Two fields of one message differ only in letter case (BigQuery column names do not). */
  COLUMN_NAME_CLASH("column-name-clash"),
  /** A message contains itself, directly or indirectly. */
  RECURSIVE_MESSAGE("recursive-message"),
  /** Messages nest deeper than BigQuery's 15 levels. */
  NESTING_TOO_DEEP("nesting-too-deep"),
  /** A message field has no fields, so it would become an empty RECORD. */
  EMPTY_RECORD("empty-record"),
  /** Two contract artifacts on one classpath hold different files of the same name. */
  CONFLICTING_FILE("conflicting-file"),
  /**
   * An entity with PII fields has a PII subject field ({@code pii_subject_field}, by default the id
   * field) that is missing, not a singular top-level string or integer field, or itself PII.
   */
  PII_SUBJECT("pii-subject");

  private final String id;

  ContractRule(String id) {
    this.id = id;
  }

  /** The stable rule id, e.g. {@code missing-id-field}. */
  public String id() {
    return id;
  }
}
