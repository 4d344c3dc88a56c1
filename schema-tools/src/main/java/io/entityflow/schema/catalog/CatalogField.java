package io.entityflow.schema.catalog;

/**
 * One row of an entity page: a BigQuery column (nested ones by dotted path) with the proto type it
 * comes from. Immutable.
 *
 * <pre>{@code
 * new CatalogField("total.units", "int64", "INT64", "NULLABLE", "INTERNAL", "Whole units.");
 * }</pre>
 *
 * @param column column path in the table, e.g. {@code card.last4}
 * @param protoType the proto type, e.g. {@code repeated acme.retail.sale.v1.LineItem}; empty for
 *     metadata columns
 * @param bigQueryType the GoogleSQL type, e.g. {@code ARRAY<STRUCT<...>>}
 * @param mode NULLABLE, REQUIRED or REPEATED
 * @param sensitivity PUBLIC, INTERNAL, CONFIDENTIAL or PII
 * @param description from the proto comment
 */
public record CatalogField(
    String column,
    String protoType,
    String bigQueryType,
    String mode,
    String sensitivity,
    String description) {}
