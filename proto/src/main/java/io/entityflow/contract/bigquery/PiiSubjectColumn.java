package io.entityflow.contract.bigquery;

import io.entityflow.contract.registry.EntityDefinition;

/**
 * The column holding the id of the data subject an entity's PII belongs to: the entity option
 * {@code pii_subject_field} (see {@link EntityDefinition#piiSubjectField()}), else the entity's id
 * field. The privacy views join the subject-key table on it.
 *
 * <pre>{@code
 * PiiSubjectColumn.of(sale);      // "customer_id" (pii_subject_field: "customer_id")
 * PiiSubjectColumn.of(customer);  // "customer_id" (its id field)
 * }</pre>
 *
 * <p>Guarantees: returns a top-level field name of the entity; the registry checks the option (rule
 * {@code pii-subject}).
 */
public final class PiiSubjectColumn {
  private PiiSubjectColumn() {}

  /** The name of the subject column of an entity. */
  public static String of(EntityDefinition entity) {
    return entity.piiSubjectField().orElse(entity.idField()).getName();
  }

  /**
   * The top-level column {@code subjectColumn} of {@code table}.
   *
   * @throws IllegalArgumentException naming the column and the table when it has no such column
   */
  public static TableColumn column(EntityTable table, String subjectColumn) {
    return table.entityColumns().stream()
        .filter(c -> c.name().equals(subjectColumn))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "subject column '"
                        + subjectColumn
                        + "' is not a column of "
                        + table.qualifiedName()
                        + "; allowed: one of its top-level columns"));
  }

  /** The subject id of a row as STRING (integers in decimal), from the row alias. */
  static String sqlExpression(EntityTable table, String subjectColumn, String rowAlias) {
    TableColumn column = column(table, subjectColumn);
    String reference = rowAlias + ".`" + column.name() + "`";
    return column.type() == BigQueryType.STRING ? reference : "CAST(" + reference + " AS STRING)";
  }
}
