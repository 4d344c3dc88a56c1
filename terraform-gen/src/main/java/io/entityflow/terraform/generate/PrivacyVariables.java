package io.entityflow.terraform.generate;

import io.entityflow.contract.bigquery.DecryptingViewSql;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.MaskedViewSql;
import io.entityflow.contract.bigquery.PiiSubjectColumn;
import io.entityflow.contract.bigquery.SubjectKeySweepSql;
import io.entityflow.contract.layout.EntityResources;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.layout.SystemEntities;
import io.entityflow.contract.registry.EntityDefinition;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The privacy part of an entity's Terraform input (its {@code <table>_masked} view for analysts,
 * its {@code <table>_decrypted} view in the restricted dataset {@code <dataset>_pii}) and the
 * subject-key sweep of the environment, with placeholders the Terraform modules replace.
 *
 * <pre>{@code
 * Map<String, Object> customer = PrivacyVariables.of(layout.entity(customerDefinition));
 * customer.get("masked_view");     // "customer_v1_masked"
 * customer.get("pii_dataset");     // "retail_pii"
 * PrivacyVariables.of(layout.entity(installation)).get("masked_view"); // "" (no PII)
 * PrivacyVariables.subjectKeySweepSql(layout);  // "DELETE FROM `${project}.${system_dataset}..."
 * }</pre>
 *
 * <p>Guarantees: keys in a fixed order, the same for every entity; all empty strings for an entity
 * without PII (Terraform creates no view then). The queries read {@code `${project}.${dataset}.t`}
 * and {@code `${project}.${system_dataset}.subject_key_v1`}; the decrypting query unwraps keysets
 * with {@code KEYS.KEYSET_CHAIN('${kek_uri}', ...)}: the key-encryption key is only known to the
 * environment, so the entity module replaces {@value #KEK_URI_PLACEHOLDER} with its validated
 * {@code kms_kek_uri}.
 */
public final class PrivacyVariables {
  /** Placeholder for the deployed system dataset id (with any prefix). */
  public static final String SYSTEM_DATASET_PLACEHOLDER = "${system_dataset}";

  /** Placeholder for the key-encryption key uri ({@code gcp-kms://projects/...}). */
  public static final String KEK_URI_PLACEHOLDER = "${kek_uri}";

  /** A well-formed key uri the decrypting query is built with before the placeholder goes in. */
  private static final String BUILD_KEK_URI =
      "gcp-kms://projects/entityflow-kek/locations/kek/keyRings/kek/cryptoKeys/kek";

  private PrivacyVariables() {}

  /** The privacy variables of an entity, empty strings when it has no PII. */
  public static Map<String, Object> of(EntityResources resources) {
    EntityDefinition entity = resources.entity();
    Map<String, Object> vars = new LinkedHashMap<>();
    if (!SystemEntities.hasPii(entity)) {
      vars.put("masked_view", "");
      vars.put("masked_view_sql", "");
      vars.put("pii_dataset", "");
      vars.put("decrypted_view", "");
      vars.put("decrypted_view_sql", "");
      return vars;
    }
    EntityTable table = EntityTable.of(entity);
    String subject = PiiSubjectColumn.of(entity);
    vars.put("masked_view", MaskedViewSql.viewName(table));
    vars.put(
        "masked_view_sql",
        MaskedViewSql.bigQuery(
            table,
            subject,
            EntityVariables.PROJECT_PLACEHOLDER,
            EntityVariables.DATASET_PLACEHOLDER,
            SYSTEM_DATASET_PLACEHOLDER));
    vars.put("pii_dataset", DecryptingViewSql.dataset(table));
    vars.put("decrypted_view", DecryptingViewSql.viewName(table));
    vars.put("decrypted_view_sql", decryptingSql(table, subject));
    return vars;
  }

  /** The sweep of forgotten subjects' keys, empty when the layout has no subject keys. */
  public static String subjectKeySweepSql(PhysicalLayout layout) {
    if (!layout.hasSubjectKeys()) {
      return "";
    }
    return SubjectKeySweepSql.bigQuery(
        EntityVariables.PROJECT_PLACEHOLDER, SYSTEM_DATASET_PLACEHOLDER);
  }

  private static String decryptingSql(EntityTable table, String subject) {
    String sql =
        DecryptingViewSql.bigQuery(
            table,
            subject,
            EntityVariables.PROJECT_PLACEHOLDER,
            EntityVariables.DATASET_PLACEHOLDER,
            SYSTEM_DATASET_PLACEHOLDER,
            BUILD_KEK_URI);
    String literal = "KEYS.KEYSET_CHAIN('" + BUILD_KEK_URI + "', ";
    if (!sql.contains(literal)) {
      throw new IllegalStateException(
          "decrypting query of " + table.qualifiedName() + " holds no " + literal + "...)");
    }
    return sql.replace(literal, "KEYS.KEYSET_CHAIN('" + KEK_URI_PLACEHOLDER + "', ");
  }
}
