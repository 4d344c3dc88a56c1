package io.entityflow.contract.bigquery;

/**
 * The sweep statement of forgotten subjects: deletes every non-DELETED {@code subject_key_v1} row
 * of a subject that occurred at or before one of the subject's DELETED rows, so a keyset
 * redelivered after the subject was forgotten (a late or duplicate CREATED event of the old key)
 * does not stay readable, while a key the subject got after the forget (a new customer account of
 * the same person, say) stays. The views judge the same way: the latest row by {@code occurred_at}
 * says whether a subject is forgotten. Run as a scheduled query; the forget command runs the same
 * DELETE for one subject right away. The outer table is named by its implicit alias, {@code
 * subject_key_v1}, as BigQuery's correlated DELETE examples do.
 *
 * <pre>{@code
 * String sql = SubjectKeySweepSql.bigQuery("acme-data", "entityflow");
 * // DELETE FROM `acme-data.entityflow.subject_key_v1` WHERE ... EXISTS (...)
 * String one = SubjectKeySweepSql.forSubject("acme-data", "entityflow"); // @subject, @forgotten_at
 * }</pre>
 */
public final class SubjectKeySweepSql {
  private SubjectKeySweepSql() {}

  /** The DELETE for every forgotten subject. */
  public static String bigQuery(String project, String systemDatasetId) {
    String table = PrivacyViews.reference(project, systemDatasetId, PrivacyViews.SUBJECT_KEY_TABLE);
    return "DELETE FROM "
        + table
        + "\n"
        + "WHERE operation != 'DELETED'\n"
        + "  AND EXISTS (\n"
        + "    SELECT 1 FROM "
        + table
        + " AS entityflow_forget\n"
        + "    WHERE entityflow_forget.operation = 'DELETED'\n"
        + "      AND entityflow_forget.subject_id = subject_key_v1.subject_id\n"
        + "      AND entityflow_forget.occurred_at >= subject_key_v1.occurred_at)";
  }

  /**
   * The DELETE for the one subject of query parameter {@code @subject} (STRING), forgotten at
   * {@code @forgotten_at} (TIMESTAMP).
   */
  public static String forSubject(String project, String systemDatasetId) {
    return "DELETE FROM "
        + PrivacyViews.reference(project, systemDatasetId, PrivacyViews.SUBJECT_KEY_TABLE)
        + "\n"
        + "WHERE subject_id = @subject AND operation != 'DELETED' AND occurred_at <= @forgotten_at";
  }
}
