package io.entityflow.terraform.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every module and environment under {@code terraform/} against the real provider schemas
 * (hashicorp/google and hashicorp/google-beta 6.50.0), as {@code terraform validate} would check
 * them with the providers installed, and the provider versions every {@code versions.tf} allows.
 */
class ProviderSchemaIT {
  private static Path terraform;
  private static TerraformTree tree;
  private static Map<String, ProviderSchema> schemas;
  private static SchemaCheck.Report report;

  @BeforeAll
  static void check() throws Exception {
    ExampleEnvironment environment = ExampleEnvironment.shared();
    terraform = environment.terraformDirectory();
    tree = environment.tree();
    schemas = ProviderSchema.loadAll();
    report = new SchemaCheck(schemas).check(terraform);
  }

  @Test
  void everyBlockAndModuleCallMatchesTheSchemaItIsBoundTo() {
    assertThat(report.violations())
        .as("violations of the provider schemas in %s", terraform)
        .isEmpty();
  }

  @Test
  void everyResourceDataProviderAndModuleBlockIsChecked() {
    int blocks = 0;
    for (JsonObject file : tree.files().values()) {
      for (String kind : new String[] {"resource", "data", "provider", "module"}) {
        if (file.has(kind)) {
          for (Map.Entry<String, JsonElement> type : file.getAsJsonObject(kind).entrySet()) {
            if (kind.equals("resource") || kind.equals("data")) {
              for (Map.Entry<String, JsonElement> named :
                  type.getValue().getAsJsonObject().entrySet()) {
                blocks += named.getValue().getAsJsonArray().size();
              }
            } else {
              blocks += type.getValue().getAsJsonArray().size();
            }
          }
        }
      }
    }
    assertThat(report.checked()).hasSize(blocks);
    assertThat(report.checked())
        .contains(
            "environments/example/main.tf: provider google-beta",
            "environments/example/main.tf: data.google_project.this",
            "environments/example/main.tf: module.entity",
            "modules/alerting/main.tf: google_cloud_run_v2_service.alerting",
            "modules/pipeline/main.tf: google_dataflow_flex_template_job.pipeline",
            "modules/system-dataset/main.tf: google_bigquery_table.dead_letter");
  }

  @Test
  void everyVersionsFilePinsTheProvidersToTheRangeTheSchemaWasCheckedAgainst() {
    assertThat(schemas.keySet()).containsExactly("hashicorp/google", "hashicorp/google-beta");
    schemas
        .values()
        .forEach(
            schema ->
                assertThat(ProviderSchema.CHECKED_RANGE)
                    .startsWith(">= " + schema.version() + ", < "));
    Map<String, String> pins = new TreeMap<>();
    Map<String, String> expected = new TreeMap<>();
    for (String dir : tree.directories()) {
      JsonObject versions = tree.files().get(dir + "/versions.tf");
      assertThat(versions).as("%s/versions.tf", dir).isNotNull();
      for (JsonElement settings : versions.getAsJsonArray("terraform")) {
        for (JsonElement providers :
            settings.getAsJsonObject().getAsJsonArray("required_providers")) {
          for (Map.Entry<String, JsonElement> provider : providers.getAsJsonObject().entrySet()) {
            JsonObject requirement = provider.getValue().getAsJsonObject();
            String key = dir + " " + requirement.get("source").getAsString();
            pins.put(key, requirement.get("version").getAsString());
            expected.put(key, ProviderSchema.CHECKED_RANGE);
          }
        }
      }
    }
    assertThat(pins).isNotEmpty().isEqualTo(expected);
    assertThat(pins.keySet())
        .contains(
            "environments/example hashicorp/google",
            "environments/example hashicorp/google-beta",
            "modules/pipeline hashicorp/google-beta");
  }
}
