package io.entityflow.terraform.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.terraform.hcl.ProviderSchema.Block;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ProviderSchema}: what the jsii assemblies of the provider packages say, read right. */
class ProviderSchemaTest {
  @Test
  void namesRequirednessAndBlockShapesComeFromTheAssembly() throws Exception {
    ProviderSchema google = ProviderSchema.loadAll().get("hashicorp/google");
    assertThat(google.version()).isEqualTo("6.50.0");

    Block table = google.resource("google_bigquery_table").orElseThrow();
    assertThat(table.attributes()).containsEntry("table_id", true).containsEntry("labels", false);
    assertThat(table.blocks().get("time_partitioning").single()).isTrue();
    assertThat(table.blocks().get("time_partitioning").body().attributes())
        .containsExactly(
            Map.entry("expiration_ms", false),
            Map.entry("field", false),
            Map.entry("require_partition_filter", false),
            Map.entry("type", true));

    Block service = google.resource("google_cloud_run_v2_service").orElseThrow();
    assertThat(service.blocks().get("template").required()).isTrue();
    assertThat(service.blocks().get("template").body().blocks().get("containers").single())
        .isFalse();

    // Names the camelCase property does not spell: the registry anchor is used.
    assertThat(
            google
                .resource("google_compute_security_policy")
                .orElseThrow()
                .blocks()
                .get("adaptive_protection_config")
                .body()
                .blocks())
        .containsKey("layer_7_ddos_defense_config");
    assertThat(google.resource("google_cloudbuild_trigger").orElseThrow().blocks())
        .containsKey("build");

    assertThat(google.dataSource("google_project").orElseThrow().attributes())
        .containsEntry("project_id", false);
    assertThat(google.provider().attributes()).containsKeys("project", "region", "alias");
    assertThat(google.resource("google_dataflow_flex_template_job")).isEmpty();
    assertThat(
            ProviderSchema.loadAll()
                .get("hashicorp/google-beta")
                .resource("google_dataflow_flex_template_job"))
        .isPresent();
  }
}
