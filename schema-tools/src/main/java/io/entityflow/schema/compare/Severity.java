package io.entityflow.schema.compare;

/**
 * How bad a change is. Wire-breaking changes break producers or consumers of the binary Pub/Sub
 * payload; JSON-breaking changes keep the binary form but break readers of the proto JSON form
 * (Pub/Sub BigQuery subscriptions, many non-Java clients); BigQuery-breaking changes keep the wire
 * intact but change or drop table columns or values that queries depend on; compatible changes need
 * no action beyond the schema update. Whether a breaking change blocks depends on the {@link
 * Category} the check runs with.
 *
 * <pre>{@code
 * if (finding.rule().severity().breaking()) { exitCode = 1; }
 * }</pre>
 */
public enum Severity {
  /** Old and new payloads cannot be read by the other side. */
  WIRE_BREAKING("wire-breaking"),
  /** The binary form is fine, but readers of the proto JSON form break. */
  JSON_BREAKING("json-breaking"),
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
