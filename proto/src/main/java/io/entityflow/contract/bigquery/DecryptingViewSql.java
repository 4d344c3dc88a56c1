package io.entityflow.contract.bigquery;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The SQL of an entity's {@code <table>_decrypted} view, in the restricted dataset {@code
 * <dataset>_pii}: every column of the history table with each PII value decrypted to its original
 * type ({@link TableColumn#plaintextType()}) by {@code SAFE.AEAD.DECRYPT_STRING} (or {@code _BYTES}
 * for bytes) with the subject's keyset, unwrapped by {@code KEYS.KEYSET_CHAIN} with the
 * key-encryption key, and the subject id as associated data. NULL for a forgotten subject (no
 * non-deleted SubjectKey row) and for a value that does not decrypt.
 *
 * <pre>{@code
 * String sql = DecryptingViewSql.bigQuery(EntityTable.of(customer), "customer_id", "acme-data",
 *     "retail", "entityflow", "gcp-kms://projects/acme/locations/eu/keyRings/r/cryptoKeys/kek");
 * }</pre>
 *
 * <p>BigQuery takes the KMS key of {@code KEYS.KEYSET_CHAIN} as a STRING literal, so the key uri is
 * written into the SQL as one. Guarantees: deterministic; refuses a key uri that is not a {@code
 * gcp-kms://} key path, a table without PII and an unknown subject column with an {@link
 * IllegalArgumentException}.
 */
public final class DecryptingViewSql {
  /** Suffix of the view name: {@code customer_v1_decrypted}. */
  public static final String SUFFIX = "_decrypted";

  /** Suffix of the restricted dataset holding the decrypting views: {@code retail_pii}. */
  public static final String DATASET_SUFFIX = "_pii";

  private static final Pattern KMS_URI =
      Pattern.compile(
          "gcp-kms://projects/[^/'\\\\\\s]+/locations/[^/'\\\\\\s]+/keyRings/[^/'\\\\\\s]+"
              + "/cryptoKeys/[^/'\\\\\\s]+");

  private DecryptingViewSql() {}

  /** The view's name. */
  public static String viewName(EntityTable table) {
    return table.name() + SUFFIX;
  }

  /** The logical dataset of the view: {@code <dataset>_pii}. */
  public static String dataset(EntityTable table) {
    return table.dataset() + DATASET_SUFFIX;
  }

  /**
   * The view query in GoogleSQL.
   *
   * @param table the entity table
   * @param subjectColumn the subject column ({@link PiiSubjectColumn#of})
   * @param project the project of both datasets
   * @param datasetId the deployed dataset id of the entity table
   * @param systemDatasetId the deployed dataset id of {@code subject_key_v1}
   * @param kmsKeyUri the key-encryption key, {@code gcp-kms://projects/.../cryptoKeys/...}
   */
  public static String bigQuery(
      EntityTable table,
      String subjectColumn,
      String project,
      String datasetId,
      String systemDatasetId,
      String kmsKeyUri) {
    if (kmsKeyUri == null || !KMS_URI.matcher(kmsKeyUri).matches()) {
      throw new IllegalArgumentException(
          "KMS key uri '"
              + kmsKeyUri
              + "' is not allowed; allowed: gcp-kms://projects/<project>/locations/<location>"
              + "/keyRings/<ring>/cryptoKeys/<key> (BigQuery's KEYS.KEYSET_CHAIN takes it as a"
              + " literal)");
    }
    String keyset =
        "KEYS.KEYSET_CHAIN('" + kmsKeyUri + "', " + PrivacyViews.KEY + ".wrapped_keyset)";
    String associatedData = PrivacyViews.KEY + ".subject_id";
    return PrivacyViews.query(
        table,
        subjectColumn,
        PrivacyViews.reference(project, datasetId, table.name()),
        PrivacyViews.reference(project, systemDatasetId, PrivacyViews.SUBJECT_KEY_TABLE),
        List.of("subject_id", "wrapped_keyset"),
        cipher -> {
          BigQueryType type = cipher.column().plaintextType();
          String function = type == BigQueryType.BYTES ? "DECRYPT_BYTES" : "DECRYPT_STRING";
          String decrypted =
              "SAFE.AEAD."
                  + function
                  + "("
                  + keyset
                  + ", "
                  + cipher.expression()
                  + ", "
                  + associatedData
                  + ")";
          String typed =
              switch (type) {
                case STRING, BYTES -> decrypted;
                case JSON -> "SAFE.PARSE_JSON(" + decrypted + ")";
                default -> "SAFE_CAST(" + decrypted + " AS " + type.sqlName() + ")";
              };
          return "IF(" + PrivacyViews.KEY + ".wrapped_keyset IS NULL, NULL, " + typed + ")";
        });
  }
}
