package io.entityflow.contract.bigquery;

/**
 * The sweep statement of forgotten subjects: deletes every non-DELETED {@code subject_key_v1} row
 * of a subject that has a DELETED row, so a keyset redelivered after the subject was forgotten
 * (late or duplicate CREATED events) does not stay readable. Run as a scheduled query; the same
 * DELETE the forget flow runs for one subject.
 *
 * <pre>{@code
 * String sql = SubjectKeySweepSql.bigQuery("acme-data", "entityflow");
 * // DELETE FROM `acme-data.entityflow.subject_key_v1` WHERE operation != 'DELETED' AND ...
 * String one = SubjectKeySweepSql.forSubject("acme-data", "entityflow"); // uses @subject
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
        + "  AND subject_id IN (SELECT subject_id FROM "
        + table
        + " WHERE operation = 'DELETED')";
  }

  /** The DELETE for the one subject of query parameter {@code @subject}. */
  public static String forSubject(String project, String systemDatasetId) {
    return "DELETE FROM "
        + PrivacyViews.reference(project, systemDatasetId, PrivacyViews.SUBJECT_KEY_TABLE)
        + "\n"
        + "WHERE subject_id = @subject AND operation != 'DELETED'";
  }
}
