package io.entityflow.terraform.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SchemaCheck} on small synthetic configurations against the real hashicorp/google and
 * hashicorp/google-beta 6.50.0 schemas: each mistake {@code terraform validate} would refuse is
 * reported with the file, the block address, the bad name and the allowed names.
 */
class SchemaCheckTest {
  private static final String PROVIDERS =
      """
      terraform {
        required_providers {
          google = {
            source  = "hashicorp/google"
            version = ">= 6.50.0, < 7.0.0"
          }
          google-beta = {
            source  = "hashicorp/google-beta"
            version = ">= 6.50.0, < 7.0.0"
          }
        }
      }
      """;

  @TempDir Path root;

  private List<String> violations(String mainTf) throws Exception {
    Files.writeString(root.resolve("versions.tf"), PROVIDERS);
    Files.writeString(root.resolve("main.tf"), mainTf);
    return new SchemaCheck(ProviderSchema.loadAll()).check(root).violations();
  }

  @Test
  void misspeltArgumentIsNamedWithEveryAllowedName() throws Exception {
    assertThat(
            violations(
                """
                resource "google_bigquery_table" "entity" {
                  dataset_id          = "retail"
                  table_id            = "sale_v1"
                  deletion_protektion = false
                }
                """))
        .containsExactly(
            "main.tf: google_bigquery_table.entity: unsupported argument \"deletion_protektion\";"
                + " arguments of google_bigquery_table: [clustering, dataset_id,"
                + " deletion_protection, description, expiration_time, friendly_name, id,"
                + " ignore_auto_generated_schema, ignore_schema_changes, labels, max_staleness,"
                + " project, require_partition_filter, resource_tags, schema, table_id,"
                + " table_metadata_view], blocks: [biglake_configuration,"
                + " encryption_configuration, external_catalog_table_options,"
                + " external_data_configuration, materialized_view, range_partitioning,"
                + " schema_foreign_type_info, table_constraints, table_replication_info,"
                + " time_partitioning, view]");
  }

  @Test
  void missingRequiredArgumentIsReported() throws Exception {
    assertThat(
            violations(
                """
                resource "google_bigquery_table" "entity" {
                  dataset_id = "retail"
                }
                """))
        .containsExactly(
            "main.tf: google_bigquery_table.entity: missing required argument \"table_id\"");
  }

  @Test
  void blockWrittenAsAnArgumentIsReportedInBothForms() throws Exception {
    assertThat(
            violations(
                """
                resource "google_bigquery_table" "entity" {
                  dataset_id        = "retail"
                  table_id          = "sale_v1"
                  time_partitioning = { type = "DAY" }
                  view              = [{ query = "SELECT 1" }]
                }
                """))
        .containsExactly(
            "main.tf: google_bigquery_table.entity: \"time_partitioning\" is a block, written as"
                + " an argument (write time_partitioning { ... })",
            "main.tf: google_bigquery_table.entity: \"view\" is a block, written as an argument"
                + " (write view { ... })");
  }

  @Test
  void argumentWrittenAsABlockIsReported() throws Exception {
    assertThat(
            violations(
                """
                resource "google_bigquery_table" "entity" {
                  dataset_id = "retail"
                  table_id   = "sale_v1"
                  labels {
                    owner = "team-checkout"
                  }
                }
                """))
        .containsExactly(
            "main.tf: google_bigquery_table.entity: \"labels\" is an argument, written as a block"
                + " (write labels = ...)");
  }

  @Test
  void nestedAndDynamicBlocksAreCheckedAtEveryDepth() throws Exception {
    assertThat(
            violations(
                """
                resource "google_cloud_run_v2_service" "alerting" {
                  name     = "alerting"
                  location = "europe-west1"
                  template {
                    scaling {
                      max_instance_count = 1
                      max_instances      = 1
                    }
                    containers {
                      image = "alerting:1"
                      dynamic "env" {
                        for_each = var.secrets
                        content {
                          name = env.key
                          value_source {
                            secret_key_ref {
                              secret_id = env.value
                            }
                          }
                        }
                      }
                      dynamic "envs" {
                        for_each = var.plain
                        content {
                          name = envs.key
                        }
                      }
                    }
                  }
                }
                """))
        .containsExactly(
            "main.tf: google_cloud_run_v2_service.alerting.template.containers.env.value_source"
                + ".secret_key_ref: unsupported argument \"secret_id\"; arguments of"
                + " google_cloud_run_v2_service.template.containers.env.value_source.secret_key_ref:"
                + " [secret, version], blocks: []",
            "main.tf: google_cloud_run_v2_service.alerting.template.containers.env.value_source"
                + ".secret_key_ref: missing required argument \"secret\"",
            "main.tf: google_cloud_run_v2_service.alerting.template.containers: dynamic \"envs\""
                + " generates no block of google_cloud_run_v2_service.template.containers; blocks:"
                + " [env, liveness_probe, ports, resources, startup_probe, volume_mounts]",
            "main.tf: google_cloud_run_v2_service.alerting.template.scaling: unsupported argument"
                + " \"max_instances\"; arguments of google_cloud_run_v2_service.template.scaling:"
                + " [max_instance_count, min_instance_count], blocks: []");
  }

  @Test
  void missingRequiredBlockAndRepeatedSingleBlockAreReported() throws Exception {
    assertThat(
            violations(
                """
                resource "google_cloud_run_v2_service" "alerting" {
                  name     = "alerting"
                  location = "europe-west1"
                }

                resource "google_bigquery_table" "entity" {
                  dataset_id = "retail"
                  table_id   = "sale_v1"
                  time_partitioning {
                    type = "DAY"
                  }
                  time_partitioning {
                    type = "HOUR"
                  }
                }
                """))
        .containsExactly(
            "main.tf: google_bigquery_table.entity: block \"time_partitioning\" may appear once,"
                + " found 2",
            "main.tf: google_cloud_run_v2_service.alerting: missing required block \"template\"");
  }

  @Test
  void typeIsLookedUpInTheProviderTheBlockIsBoundTo() throws Exception {
    assertThat(
            violations(
                """
                resource "google_dataflow_flex_template_job" "default_provider" {
                  name                    = "pipeline"
                  container_spec_gcs_path = "gs://b/t.json"
                }

                resource "google_dataflow_flex_template_job" "beta" {
                  provider                = google-beta
                  name                    = "pipeline"
                  container_spec_gcs_path = "gs://b/t.json"
                }

                data "google_projekt" "this" {
                  project_id = "acme"
                }
                """))
        .containsExactly(
            "main.tf: google_dataflow_flex_template_job.default_provider: hashicorp/google 6.50.0"
                + " has no resource type \"google_dataflow_flex_template_job\""
                + " (hashicorp/google-beta has it: bind the resource to that provider)",
            "main.tf: data.google_projekt.this: hashicorp/google 6.50.0 has no data source type"
                + " \"google_projekt\"");
  }

  @Test
  void moduleCallPassesOnlyDeclaredVariablesAndEveryOneWithoutDefault() throws Exception {
    Path module = Files.createDirectories(root.resolve("modules/topic"));
    Files.writeString(module.resolve("versions.tf"), PROVIDERS);
    Files.writeString(
        module.resolve("variables.tf"),
        """
        variable "name" {
          type = string
        }

        variable "labels" {
          type    = map(string)
          default = {}
        }
        """);
    assertThat(
            violations(
                """
                module "topic" {
                  source   = "./modules/topic"
                  for_each = toset(["a"])
                  label    = { team = "x" }
                }
                """))
        .containsExactly(
            "main.tf: module.topic: argument \"label\" is not a variable of modules/topic;"
                + " variables: [labels, name]",
            "main.tf: module.topic: missing variable \"name\" of modules/topic (it has no"
                + " default)");
  }

  @Test
  void providerBoundResourcesNeedTheProviderInRequiredProviders() throws Exception {
    Files.writeString(root.resolve("versions.tf"), "terraform {\n}\n");
    Files.writeString(
        root.resolve("main.tf"),
        """
        provider "google" {
          project = "acme"
          regoin  = "europe-west1"
        }
        """);
    assertThat(new SchemaCheck(ProviderSchema.loadAll()).check(root).violations())
        .containsExactly(
            "main.tf: provider google: provider \"google\" has no source in the"
                + " required_providers of .; declared: []");
  }
}
