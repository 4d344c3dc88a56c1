package io.entityflow.terraform.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.entityflow.testing.sql.BigQuerySqlParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The privacy queries of the committed {@code entities.auto.tfvars.json} parse as BigQuery SQL
 * (node-sql-parser, bigquery dialect) once the modules have filled in the placeholders as they do
 * with {@code replace(...)}: every masked and decrypting view, and the subject-key sweep.
 */
class PrivacySqlParsesAsBigQueryTest {
  private static final String KEK =
      "gcp-kms://projects/acme-sec/locations/europe-west1/keyRings/entityflow/cryptoKeys/kek";

  private static JsonObject tfvars() throws Exception {
    Path file =
        CommittedFilesUpToDateTest.repositoryRoot()
            .resolve("terraform/environments/example/entities.auto.tfvars.json");
    return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
  }

  private static String fill(String sql, String dataset) {
    return sql.replace(EntityVariables.PROJECT_PLACEHOLDER, "acme-data-prod")
        .replace(EntityVariables.DATASET_PLACEHOLDER, "prod_" + dataset)
        .replace(PrivacyVariables.SYSTEM_DATASET_PLACEHOLDER, "prod_entityflow")
        .replace(PrivacyVariables.KEK_URI_PLACEHOLDER, KEK);
  }

  @Test
  void committedMaskedAndDecryptingViewsOfEveryPiiEntityParseAsSelects() throws Exception {
    Map<String, String> types = new TreeMap<>();
    for (Map.Entry<String, JsonElement> entry : tfvars().getAsJsonObject("entities").entrySet()) {
      JsonObject entity = entry.getValue().getAsJsonObject();
      if (entity.get("masked_view").getAsString().isEmpty()) {
        continue;
      }
      String dataset = entity.get("dataset").getAsString();
      String masked = fill(entity.get("masked_view_sql").getAsString(), dataset);
      String decrypted = fill(entity.get("decrypted_view_sql").getAsString(), dataset);
      assertThat(masked + decrypted).doesNotContain("${");
      assertThat(decrypted).contains("KEYS.KEYSET_CHAIN('" + KEK + "', ");
      types.put(entity.get("masked_view").getAsString(), BigQuerySqlParser.parse(masked));
      types.put(entity.get("decrypted_view").getAsString(), BigQuerySqlParser.parse(decrypted));
    }

    assertThat(types)
        .containsOnlyKeys(
            "call_record_v1_decrypted",
            "call_record_v1_masked",
            "customer_v1_decrypted",
            "customer_v1_masked",
            "loyalty_membership_v1_decrypted",
            "loyalty_membership_v1_masked",
            "sale_v1_decrypted",
            "sale_v1_masked",
            "user_v1_decrypted",
            "user_v1_masked");
    assertThat(types.values()).containsOnly("select");
  }

  @Test
  void committedSubjectKeySweepParsesAsADelete() throws Exception {
    String sql = fill(tfvars().get("subject_key_sweep_sql").getAsString(), "unused");

    assertThat(sql).startsWith("DELETE FROM `acme-data-prod.prod_entityflow.subject_key_v1`");
    assertThat(BigQuerySqlParser.parse(sql)).isEqualTo("delete");
  }
}
