package io.entityflow.schema.compare;

/**
 * How bad a change is. Wire-breaking changes break producers or consumers of the Pub/Sub payload;
 * BigQuery-breaking changes keep the wire intact but change or drop table columns or values that
 * queries depend on; compatible changes need no action beyond the schema update.
 *
 * <pre>{@code
 * if (finding.rule().severity().breaking()) { exitCode = 1; }
 * }</pre>
 */
public enum Severity {
  /** Old and new payloads cannot be read by the other side. */
  WIRE_BREAKING("wire-breaking"),
  /** The wire is fine, but tables or their values change in a way queries notice. */
  BIGQUERY_BREAKING("bigquery-breaking"),
  /** Safe: additive or documentation-only. */
  COMPATIBLE("compatible");

  private final String id;

  Severity(String id) {
    this.id = id;
  }

  /** The stable id, e.g. {@code wire-breaking}. */
  public String id() {
    return id;
  }

  /** Whether changes of this severity need a new major version. */
  public boolean breaking() {
    return this != COMPATIBLE;
  }
}
