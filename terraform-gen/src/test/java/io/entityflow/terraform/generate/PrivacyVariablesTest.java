package io.entityflow.terraform.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.entityflow.contract.bigquery.DecryptingViewSql;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.MaskedViewSql;
import io.entityflow.contract.layout.EntityResources;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrivacyVariablesTest {
  private static final EntityRegistry REGISTRY = EntityRegistry.load();
  private static final PhysicalLayout LAYOUT = PhysicalLayout.of(REGISTRY);
  private static final String KEY_JOIN =
      "FROM `${project}.${dataset}.customer_v1` AS entityflow_row\n"
          + "LEFT JOIN (\n"
          + "  SELECT subject_id, %1$s\n"
          + "  FROM (\n"
          + "    SELECT subject_id, %1$s, operation, ROW_NUMBER() OVER (\n"
          + "      PARTITION BY subject_id\n"
          + "      ORDER BY occurred_at DESC, publish_time DESC, ingestion_time DESC, event_id"
          + " DESC\n"
          + "    ) AS entityflow_rank\n"
          + "    FROM `${project}.${system_dataset}.subject_key_v1`\n"
          + "  )\n"
          + "  WHERE entityflow_rank = 1 AND operation != 'DELETED'\n"
          + ") AS entityflow_key\n"
          + "ON entityflow_key.subject_id = entityflow_row.`customer_id`";

  /** An entity of the layout: the contract's and the system entities (SubjectKey). */
  private static EntityDefinition entity(String fullName) {
    return LAYOUT.entities().stream()
        .map(EntityResources::entity)
        .filter(e -> e.fullName().equals(fullName))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void customerGetsAMaskedViewAndADecryptingViewInRetailPiiWithPlaceholders() {
    Map<String, Object> vars =
        PrivacyVariables.of(LAYOUT.entity(entity("acme.retail.customer.v1.Customer")));

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("masked_view", "customer_v1_masked");
    expected.put(
        "masked_view_sql",
        "SELECT entityflow_row.* REPLACE (\n"
            + "  IF(LENGTH(entityflow_row.`email`) > 0, entityflow_key.pseudonym, NULL) AS"
            + " `email`,\n"
            + "  IF(LENGTH(entityflow_row.`full_name`) > 0, entityflow_key.pseudonym, NULL) AS"
            + " `full_name`,\n"
            + "  IF(LENGTH(entityflow_row.`phone`) > 0, entityflow_key.pseudonym, NULL) AS"
            + " `phone`\n"
            + ")\n"
            + KEY_JOIN.formatted("pseudonym"));
    expected.put("pii_dataset", "retail_pii");
    expected.put("decrypted_view", "customer_v1_decrypted");
    expected.put(
        "decrypted_view_sql",
        "SELECT entityflow_row.* REPLACE (\n"
            + decrypted("email")
            + ",\n"
            + decrypted("full_name")
            + ",\n"
            + decrypted("phone")
            + "\n)\n"
            + KEY_JOIN.formatted("wrapped_keyset"));
    assertThat(vars).containsExactlyEntriesOf(expected);
  }

  private static String decrypted(String column) {
    return "  IF(entityflow_key.wrapped_keyset IS NULL, NULL,"
        + " SAFE.AEAD.DECRYPT_STRING(KEYS.KEYSET_CHAIN('${kek_uri}',"
        + " entityflow_key.wrapped_keyset), entityflow_row.`"
        + column
        + "`, entityflow_key.subject_id)) AS `"
        + column
        + "`";
  }

  @Test
  void filledInPlaceholdersGiveExactlyTheContractsViewsForTheDeployedNames() {
    EntityDefinition sale = entity("acme.retail.sale.v1.Sale");
    EntityTable table = EntityTable.of(sale);
    Map<String, Object> vars = PrivacyVariables.of(LAYOUT.entity(sale));
    String kek = "gcp-kms://projects/acme-sec/locations/europe-west1/keyRings/ef/cryptoKeys/kek";

    assertThat(fill((String) vars.get("masked_view_sql"), kek))
        .isEqualTo(
            MaskedViewSql.bigQuery(
                table, "customer_id", "acme-data", "prod_retail", "prod_entityflow"));
    assertThat(fill((String) vars.get("decrypted_view_sql"), kek))
        .isEqualTo(
            DecryptingViewSql.bigQuery(
                table, "customer_id", "acme-data", "prod_retail", "prod_entityflow", kek));
    assertThat(vars.get("pii_dataset")).isEqualTo("retail_pii");
  }

  private static String fill(String sql, String kek) {
    return sql.replace(EntityVariables.PROJECT_PLACEHOLDER, "acme-data")
        .replace(EntityVariables.DATASET_PLACEHOLDER, "prod_retail")
        .replace(PrivacyVariables.SYSTEM_DATASET_PLACEHOLDER, "prod_entityflow")
        .replace(PrivacyVariables.KEK_URI_PLACEHOLDER, kek);
  }

  @Test
  void entitiesWithoutPiiGetEmptyPrivacyVariables() {
    for (String name :
        List.of("acme.energy.installation.v1.Installation", "entityflow.keys.v1.SubjectKey")) {
      assertThat(PrivacyVariables.of(LAYOUT.entity(entity(name))))
          .as(name)
          .containsExactly(
              Map.entry("masked_view", ""),
              Map.entry("masked_view_sql", ""),
              Map.entry("pii_dataset", ""),
              Map.entry("decrypted_view", ""),
              Map.entry("decrypted_view_sql", ""));
    }
  }

  @Test
  void tfvarsHoldTheSweepOfForgottenSubjectsWithPlaceholders() {
    JsonObject tfvars =
        JsonParser.parseString(
                TerraformGenerator.generate(REGISTRY).content(TerraformGenerator.TFVARS_FILE))
            .getAsJsonObject();

    assertThat(tfvars.get("subject_key_sweep_sql").getAsString())
        .isEqualTo(
            "DELETE FROM `${project}.${system_dataset}.subject_key_v1`\n"
                + "WHERE operation != 'DELETED'\n"
                + "  AND EXISTS (\n"
                + "    SELECT 1 FROM `${project}.${system_dataset}.subject_key_v1` AS"
                + " entityflow_forget\n"
                + "    WHERE entityflow_forget.operation = 'DELETED'\n"
                + "      AND entityflow_forget.subject_id = subject_key_v1.subject_id\n"
                + "      AND entityflow_forget.occurred_at >= subject_key_v1.occurred_at)");
    assertThat(tfvars.keySet())
        .containsExactly("entities", "system_dataset", "system_tables", "subject_key_sweep_sql");
  }

  @Test
  void piiDatasetsAreOnePerDomainWithPii() {
    JsonObject entities =
        JsonParser.parseString(
                TerraformGenerator.generate(REGISTRY).content(TerraformGenerator.TFVARS_FILE))
            .getAsJsonObject()
            .getAsJsonObject("entities");
    Map<String, String> piiDatasets = new LinkedHashMap<>();
    entities
        .entrySet()
        .forEach(
            e ->
                piiDatasets.put(
                    e.getKey(), e.getValue().getAsJsonObject().get("pii_dataset").getAsString()));

    assertThat(piiDatasets)
        .containsExactly(
            Map.entry("installation_v1", ""),
            Map.entry("meter_reading_v1", ""),
            Map.entry("user_v1", "energy_pii"),
            Map.entry("customer_v1", "retail_pii"),
            Map.entry("loyalty_membership_v1", "retail_pii"),
            Map.entry("loyalty_accrual_v1", ""),
            Map.entry("sale_v1", "retail_pii"),
            Map.entry("call_record_v1", "telco_pii"),
            Map.entry("subject_key_v1", ""));
  }
}
