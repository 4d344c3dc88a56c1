package io.entityflow.contract.bigquery;

import java.util.List;

/**
 * The SQL of an entity's {@code <table>_masked} view, in the entity's dataset, for analysts: every
 * column of the history table, each PII value replaced by its subject's pseudonym (STRING) from the
 * subject's latest non-deleted SubjectKey row; NULL when the value is absent or the subject is
 * forgotten. Equal subjects get equal pseudonyms across entities, so COUNT DISTINCT and joins by
 * subject still work. PII inside STRUCTs and ARRAYs is masked in place (array elements of a
 * forgotten subject are left out).
 *
 * <pre>{@code
 * String sql = MaskedViewSql.bigQuery(EntityTable.of(sale), "customer_id", "acme-data", "retail",
 *     "entityflow");
 * // SELECT entityflow_row.* REPLACE (...) FROM `acme-data.retail.sale_v1` AS entityflow_row
 * // LEFT JOIN (...latest subject_key_v1 row per subject...) AS entityflow_key ON ...
 * }</pre>
 *
 * <p>Guarantees: deterministic; reads only the history table and {@code subject_key_v1}; refuses a
 * table without PII and an unknown subject column with an {@link IllegalArgumentException}.
 */
public final class MaskedViewSql {
  /** Suffix of the view name: {@code customer_v1_masked}. */
  public static final String SUFFIX = "_masked";

  private MaskedViewSql() {}

  /** The view's name. */
  public static String viewName(EntityTable table) {
    return table.name() + SUFFIX;
  }

  /**
   * The view query in GoogleSQL.
   *
   * @param table the entity table
   * @param subjectColumn the subject column ({@link PiiSubjectColumn#of})
   * @param project the project of both datasets
   * @param datasetId the deployed dataset id of the entity table
   * @param systemDatasetId the deployed dataset id of {@code subject_key_v1}
   */
  public static String bigQuery(
      EntityTable table,
      String subjectColumn,
      String project,
      String datasetId,
      String systemDatasetId) {
    return PrivacyViews.query(
        table,
        subjectColumn,
        PrivacyViews.reference(project, datasetId, table.name()),
        PrivacyViews.reference(project, systemDatasetId, PrivacyViews.SUBJECT_KEY_TABLE),
        List.of("subject_id", "pseudonym"),
        cipher ->
            "IF(LENGTH("
                + cipher.expression()
                + ") > 0, "
                + PrivacyViews.KEY
                + ".pseudonym, NULL)");
  }
}
