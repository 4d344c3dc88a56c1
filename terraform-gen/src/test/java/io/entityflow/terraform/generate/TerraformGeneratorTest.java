package io.entityflow.terraform.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.entityflow.contract.bigquery.BigQueryJsonSchema;
import io.entityflow.contract.bigquery.DecryptingViewSql;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.MaskedViewSql;
import io.entityflow.contract.layout.EntityResources;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.layout.TableDefinition;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.terraform.pubsub.PubSubSchemaGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformGeneratorTest {
  private static final EntityRegistry REGISTRY = EntityRegistry.load();
  private static final PhysicalLayout LAYOUT = PhysicalLayout.of(REGISTRY);

  @TempDir Path dir;

  @Test
  void saleVariablesNameItsTopicTableSchemasViewsAndPiiColumns() {
    EntityDefinition sale = REGISTRY.find("acme.retail.sale.v1.Sale").orElseThrow();

    Map<String, Object> vars = EntityVariables.of(LAYOUT.entity(sale));

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("name", "Sale");
    expected.put("full_name", "acme.retail.sale.v1.Sale");
    expected.put("schema_version", "1.0");
    expected.put("topic", "sale_v1");
    expected.put("pipeline_subscription", "sale_v1_pipeline");
    expected.put("dead_letter_topic", "sale_v1_dead_letter");
    expected.put("dead_letter_hold_subscription", "sale_v1_dead_letter_hold");
    expected.put("dataset", "retail");
    expected.put("table", "sale_v1");
    expected.put("id_field", "sale_id");
    expected.put("owner", "team-checkout");
    expected.put(
        "description", "Every sale at a till or in the web shop, with line items and payment.");
    expected.put("partition_field", "occurred_at");
    expected.put("clustering_fields", List.of("sale_id"));
    expected.put("bigquery_schema_file", "schemas/bigquery/retail/sale_v1.json");
    expected.put("pubsub_schema_file", "schemas/pubsub/sale_v1.proto");
    expected.put("latest_view", "sale_v1_latest");
    expected.put(
        "latest_view_sql",
        "SELECT * EXCEPT (entityflow_rank)\n"
            + "FROM (\n"
            + "  SELECT *, ROW_NUMBER() OVER (\n"
            + "    PARTITION BY `sale_id`\n"
            + "    ORDER BY occurred_at DESC, publish_time DESC, ingestion_time DESC, event_id"
            + " DESC\n"
            + "  ) AS entityflow_rank\n"
            + "  FROM `${project}.${dataset}.sale_v1`\n"
            + ")\n"
            + "WHERE entityflow_rank = 1 AND operation != 'DELETED'");
    expected.put("pii_columns", List.of("card.cardholder_name"));
    expected.put("masked_view", "sale_v1_masked");
    expected.put(
        "masked_view_sql",
        MaskedViewSql.bigQuery(
            EntityTable.of(sale), "customer_id", "${project}", "${dataset}", "${system_dataset}"));
    expected.put("pii_dataset", "retail_pii");
    expected.put("decrypted_view", "sale_v1_decrypted");
    expected.put(
        "decrypted_view_sql",
        DecryptingViewSql.bigQuery(
                EntityTable.of(sale),
                "customer_id",
                "${project}",
                "${dataset}",
                "${system_dataset}",
                "gcp-kms://projects/p/locations/l/keyRings/r/cryptoKeys/k")
            .replace("gcp-kms://projects/p/locations/l/keyRings/r/cryptoKeys/k", "${kek_uri}"));
    assertThat(vars).containsExactlyEntriesOf(expected);
  }

  @Test
  void systemTablesAreGeneratedFromTheLayoutWithTheirPartitioningAndClustering() {
    JsonObject tfvars =
        JsonParser.parseString(
                TerraformGenerator.generate(REGISTRY).content("entities.auto.tfvars.json"))
            .getAsJsonObject();
    assertThat(tfvars.get("system_dataset").getAsString()).isEqualTo("entityflow");
    assertThat(tfvars.getAsJsonObject("system_tables").toString())
        .isEqualTo(
            "{\"dead_letter\":{\"table\":\"dead_letter\",\"description\":\"Messages the pipeline"
                + " could not write, with the error and the original payload.\","
                + "\"partition_field\":\"failed_at\","
                + "\"clustering_fields\":[\"source_topic\",\"error_kind\"],"
                + "\"bigquery_schema_file\":\"schemas/bigquery/entityflow/dead_letter.json\"},"
                + "\"heartbeat\":{\"table\":\"pipeline_heartbeat\",\"description\":\"Periodic"
                + " heartbeat of the pipeline: every event published before ingested_through is"
                + " written.\",\"partition_field\":\"written_at\","
                + "\"clustering_fields\":[\"pipeline\"],"
                + "\"bigquery_schema_file\":\"schemas/bigquery/entityflow/pipeline_heartbeat.json\"}}");
  }

  @Test
  void piiColumnsOfCustomerIncludeTheWrappedPhone() {
    EntityDefinition customer = REGISTRY.find("acme.retail.customer.v1.Customer").orElseThrow();

    assertThat(EntityVariables.of(LAYOUT.entity(customer)).get("pii_columns"))
        .isEqualTo(List.of("email", "full_name", "phone"));
  }

  @Test
  void generationHoldsTfvarsAndBothSchemasOfEveryEntity() {
    GeneratedFiles files = TerraformGenerator.generate(REGISTRY);

    List<String> expectedPaths = new ArrayList<>();
    expectedPaths.add("entities.auto.tfvars.json");
    expectedPaths.add("consumers.auto.tfvars.json");
    List<EntityDefinition> layoutEntities =
        LAYOUT.entities().stream().map(EntityResources::entity).toList();
    for (EntityDefinition entity : layoutEntities) {
      expectedPaths.add(
          "schemas/bigquery/" + entity.dataset() + "/" + entity.tableName() + ".json");
      expectedPaths.add("schemas/pubsub/" + entity.topicName() + ".proto");
      assertThat(
              files.content(
                  "schemas/bigquery/" + entity.dataset() + "/" + entity.tableName() + ".json"))
          .isEqualTo(
              TemplateEscaping.escape(BigQueryJsonSchema.toJson(EntityTable.of(entity).columns())));
      assertThat(files.content("schemas/pubsub/" + entity.topicName() + ".proto"))
          .isEqualTo(PubSubSchemaGenerator.generate(entity.descriptor()));
    }
    for (TableDefinition table : List.of(LAYOUT.deadLetterTable(), LAYOUT.heartbeatTable())) {
      String path = "schemas/bigquery/entityflow/" + table.name() + ".json";
      expectedPaths.add(path);
      assertThat(files.content(path))
          .isEqualTo(TemplateEscaping.escape(BigQueryJsonSchema.toJson(table.columns())));
    }
    assertThat(files.files().keySet()).containsExactlyInAnyOrderElementsOf(expectedPaths);

    JsonObject entities =
        JsonParser.parseString(files.content("entities.auto.tfvars.json"))
            .getAsJsonObject()
            .getAsJsonObject("entities");
    assertThat(entities.keySet())
        .containsExactlyElementsOf(
            layoutEntities.stream().map(EntityDefinition::topicName).toList())
        .endsWith("call_record_v1", "subject_key_v1");
    assertThat(entities.getAsJsonObject("subject_key_v1").get("dataset").getAsString())
        .isEqualTo("entityflow");
    assertThat(entities.getAsJsonObject("call_record_v1").get("owner").getAsString())
        .isEqualTo("team-billing");
  }

  @Test
  void generationIsByteIdenticalAcrossRuns() {
    assertThat(TerraformGenerator.generate(REGISTRY).files())
        .isEqualTo(TerraformGenerator.generate(REGISTRY).files());
  }

  @Test
  void driftReportsChangedMissingAndStaleFilesAndWritingRemovesIt() throws Exception {
    GeneratedFiles files = TerraformGenerator.generate(REGISTRY);
    files.writeTo(dir);
    assertThat(files.driftFrom(dir)).isEmpty();

    Files.writeString(dir.resolve("schemas/pubsub/sale_v1.proto"), "syntax = \"proto3\";\n");
    Files.delete(dir.resolve("schemas/bigquery/telco/call_record_v1.json"));
    Files.writeString(dir.resolve("schemas/pubsub/removed_v1.proto"), "old");
    Files.writeString(dir.resolve("main.tf"), "# hand-written, not generated\n");

    assertThat(files.driftFrom(dir))
        .containsExactly(
            new Drift("schemas/bigquery/telco/call_record_v1.json", Drift.Kind.MISSING),
            new Drift("schemas/pubsub/sale_v1.proto", Drift.Kind.CHANGED),
            new Drift("schemas/pubsub/removed_v1.proto", Drift.Kind.STALE));

    files.writeTo(dir);
    assertThat(files.driftFrom(dir)).isEmpty();
    assertThat(dir.resolve("schemas/pubsub/removed_v1.proto")).doesNotExist();
    assertThat(dir.resolve("main.tf")).hasContent("# hand-written, not generated");
  }

  @Test
  void driftDescriptionsSayWhatToDo() {
    assertThat(new Drift("a.json", Drift.Kind.CHANGED).describe())
        .isEqualTo("a.json: content differs from a fresh generation");
    assertThat(new Drift("b.json", Drift.Kind.MISSING).describe())
        .isEqualTo("b.json: missing, a fresh generation creates it");
    assertThat(new Drift("c.json", Drift.Kind.STALE).describe())
        .isEqualTo("c.json: no longer generated (stale), a fresh generation deletes it");
  }
}
