package io.entityflow.alerting.model;

import java.util.Objects;

/**
 * Identifies one watched series: the events of one operation of one table, optionally of one
 * segment value (e.g. one country).
 *
 * <pre>{@code
 * SeriesKey key = new SeriesKey("retail", "sale_v1", "CREATED", null);
 * key.id(); // "retail.sale_v1/CREATED"
 * }</pre>
 *
 * <p>Guarantees: {@link #id()} is stable across releases; it is part of alert dedup keys.
 *
 * @param dataset warehouse dataset (the entity's domain)
 * @param table warehouse table, e.g. {@code sale_v1}
 * @param operation operation name, e.g. {@code CREATED}
 * @param segment {@code column=value} of a segmented series, or null
 */
public record SeriesKey(String dataset, String table, String operation, String segment) {
  /** Validates the parts. */
  public SeriesKey {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(operation, "operation");
  }

  /** {@code dataset.table/OPERATION[/column=value]}. */
  public String id() {
    return dataset + "." + table + "/" + operation + (segment == null ? "" : "/" + segment);
  }

  /** {@code dataset.table}. */
  public String qualifiedTable() {
    return dataset + "." + table;
  }

  @Override
  public String toString() {
    return id();
  }
}
