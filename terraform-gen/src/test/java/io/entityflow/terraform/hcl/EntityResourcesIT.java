package io.entityflow.terraform.hcl;

import static io.entityflow.terraform.hcl.ExampleEnvironment.array;
import static io.entityflow.terraform.hcl.ExampleEnvironment.eval;
import static io.entityflow.terraform.hcl.ExampleEnvironment.scope;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.entityflow.contract.bigquery.BigQueryJsonSchema;
import io.entityflow.contract.bigquery.BigQueryType;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.layout.EntityResources;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.options.Sensitivity;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What Terraform would create for each entity of the generated {@code entities.auto.tfvars.json},
 * evaluated offline from the parsed module calls and resources: topic and table names, the table
 * schema with its policy tags, and the dead-letter setup of the subscriptions.
 */
class EntityResourcesIT {
  private static final String ENV = ExampleEnvironment.ENV;
  private static final String ENTITY = ExampleEnvironment.ENTITY;
  private static final String PII_TAG =
      "projects/acme-test/locations/europe-west1/taxonomies/1/policyTags/2";

  private static Path terraform;
  private static TerraformTree tree;
  private static JsonObject entities;
  private static EntityRegistry registry;
  private static ExampleEnvironment environment;

  @BeforeAll
  static void parse() throws Exception {
    environment = ExampleEnvironment.shared();
    terraform = environment.terraformDirectory();
    tree = environment.tree();
    entities = environment.entities();
    registry = environment.registry();
  }

  /** The contract's entities, then the system entities the layout adds (SubjectKey). */
  private java.util.List<EntityDefinition> layoutEntities() {
    return io.entityflow.contract.layout.PhysicalLayout.of(registry).entities().stream()
        .map(io.entityflow.contract.layout.EntityResources::entity)
        .toList();
  }

  @Test
  void everyEntityGetsATopicAndATableWithTheSameNameInItsDomainDataset() {
    JsonObject call = tree.module(ENV, "entity");
    assertThat(call.get("source").getAsString()).isEqualTo("../../modules/entity");
    assertThat(call.get("for_each").getAsString()).isEqualTo("${var.entities}");
    assertThat(entities.keySet())
        .containsExactlyInAnyOrderElementsOf(
            layoutEntities().stream().map(EntityDefinition::topicName).toList())
        .contains("subject_key_v1");

    for (EntityDefinition entity : layoutEntities()) {
      JsonObject scope = environment.entityModuleScope(entity);
      String topic = eval(tree.resource(ENTITY, "google_pubsub_topic", "entity"), "name", scope);
      JsonObject table = tree.resource(ENTITY, "google_bigquery_table", "entity");

      assertThat(topic).isEqualTo(entity.topicName());
      assertThat(eval(table, "table_id", scope)).isEqualTo(topic);
      assertThat(eval(table, "dataset_id", scope)).isEqualTo(entity.dataset());
      JsonObject partitioning = table.getAsJsonArray("time_partitioning").get(0).getAsJsonObject();
      assertThat(partitioning.get("type").getAsString()).isEqualTo("DAY");
      assertThat(eval(partitioning, "field", scope)).isEqualTo("occurred_at");
      assertThat(Expressions.evaluate(table.get("clustering"), scope))
          .isEqualTo(array(entity.idField().getName()));
      assertThat(eval(table, "description", scope)).isEqualTo(entity.description());
      JsonObject view = tree.resource(ENTITY, "google_bigquery_table", "latest");
      assertThat(eval(view, "table_id", scope)).isEqualTo(entity.tableName() + "_latest");
      JsonObject schemaSettings =
          tree.resource(ENTITY, "google_pubsub_topic", "entity")
              .getAsJsonArray("schema_settings")
              .get(0)
              .getAsJsonObject();
      assertThat(schemaSettings.get("encoding").getAsString()).isEqualTo("BINARY");
      assertThat(schemaSettings.get("schema").getAsString())
          .isEqualTo("${google_pubsub_schema.entity.id}");
      assertThat(eval(tree.resource(ENTITY, "google_pubsub_schema", "entity"), "name", scope))
          .isEqualTo(topic);
    }
  }

  @Test
  void everyTableSchemaIsTheContractsMappingWithPolicyTagsOnExactlyThePiiColumns()
      throws Exception {
    assertThat(tree.module(ENV, "entity").get("bigquery_schema").getAsString())
        .isEqualTo(
            "${templatefile(\"${path.module}/${each.value.bigquery_schema_file}\", {"
                + " policy_tag_pii = module.policy_tags.pii_policy_tag })}");
    assertThat(tree.resource(ENTITY, "google_bigquery_table", "entity").get("schema").getAsString())
        .isEqualTo("${var.bigquery_schema}");
    assertThat(tree.output("modules/policy-tags", "pii_policy_tag").get("value").getAsString())
        .isEqualTo("${google_data_catalog_policy_tag.pii.name}");

    int taggedColumns = 0;
    for (EntityDefinition entity : registry.entities()) {
      String rendered = bigQuerySchemaAsTerraformRendersIt(entity);
      List<TableColumn> columns = EntityTable.of(entity).columns();

      assertThat(JsonParser.parseString(rendered))
          .as("schema of %s", entity.tableName())
          .isEqualTo(
              JsonParser.parseString(
                  BigQueryJsonSchema.toJson(columns).replace(TableColumn.PII_POLICY_TAG, PII_TAG)));

      List<String> expectedPii = new ArrayList<>();
      entity
          .sensitivities()
          .forEach(
              (path, sensitivity) -> {
                Optional<TableColumn> column = columnAt(columns, path);
                if (sensitivity == Sensitivity.PII
                    && column.isPresent()
                    && column.get().type() != BigQueryType.RECORD) {
                  expectedPii.add(path);
                }
              });
      Map<String, JsonElement> tags = new TreeMap<>();
      collectPolicyTags(JsonParser.parseString(rendered).getAsJsonArray(), "", tags);
      assertThat(tags.keySet())
          .as("PII columns of %s", entity.tableName())
          .containsExactlyInAnyOrderElementsOf(expectedPii);
      tags.values().forEach(names -> assertThat(names).isEqualTo(array(PII_TAG)));
      assertThat(entities.getAsJsonObject(entity.topicName()).get("pii_columns"))
          .isEqualTo(array(expectedPii.toArray(String[]::new)));
      taggedColumns += tags.size();
    }
    assertThat(taggedColumns).isEqualTo(9);
  }

  @Test
  void everyPipelineSubscriptionHasADeadLetterPolicyAndTheDeadLettersAreKept() {
    for (Map.Entry<String, JsonObject> subscription :
        tree.resourcesOfType("google_pubsub_subscription")) {
      JsonObject body = subscription.getValue();
      boolean readsDeadLetters =
          body.get("topic").getAsString().equals("${google_pubsub_topic.dead_letter.id}");
      if (!readsDeadLetters) {
        assertThat(body.has("dead_letter_policy"))
            .as("%s has a dead_letter_policy", subscription.getKey())
            .isTrue();
      }
    }
    JsonObject pipeline = tree.resource(ENTITY, "google_pubsub_subscription", "pipeline");
    JsonObject policy = pipeline.getAsJsonArray("dead_letter_policy").get(0).getAsJsonObject();
    assertThat(policy.get("dead_letter_topic").getAsString())
        .isEqualTo("${google_pubsub_topic.dead_letter.id}");
    JsonObject hold = tree.resource(ENTITY, "google_pubsub_subscription", "dead_letter_hold");

    for (EntityDefinition entity : registry.entities()) {
      JsonObject scope = environment.entityModuleScope(entity);
      EntityResources resources = PhysicalLayout.of(registry).entity(entity);
      assertThat(eval(pipeline, "name", scope)).isEqualTo(resources.pipelineSubscription());
      assertThat(pipeline.get("topic").getAsString()).isEqualTo("${google_pubsub_topic.entity.id}");
      assertThat(Expressions.evaluate(policy.get("max_delivery_attempts"), scope).getAsInt())
          .isEqualTo(10);
      assertThat(eval(tree.resource(ENTITY, "google_pubsub_topic", "dead_letter"), "name", scope))
          .isEqualTo(resources.deadLetterTopic());
      assertThat(eval(hold, "name", scope)).isEqualTo(resources.deadLetterHoldSubscription());
    }
    assertThat(tree.module(ENV, "iam").get("pipeline_subscriptions").getAsString())
        .isEqualTo("${{ for key, entity in module.entity : key => entity.pipeline_subscription }}");
  }

  private static String bigQuerySchemaAsTerraformRendersIt(EntityDefinition entity)
      throws Exception {
    String file =
        entities.getAsJsonObject(entity.topicName()).get("bigquery_schema_file").getAsString();
    String template = Files.readString(terraform.resolve(ENV).resolve(file));
    String rendered = template.replace("${policy_tag_pii}", PII_TAG);
    assertThat(rendered).as("template variables left in %s", file).doesNotContain("${", "%{");
    return rendered;
  }

  private static Optional<TableColumn> columnAt(List<TableColumn> columns, String path) {
    String[] parts = path.split("\\.");
    Optional<TableColumn> current = Optional.empty();
    List<TableColumn> level = columns;
    for (String part : parts) {
      current = level.stream().filter(c -> c.name().equals(part)).findFirst();
      if (current.isEmpty()) {
        return current;
      }
      level = current.get().fields();
    }
    return current;
  }

  private static void collectPolicyTags(
      JsonArray columns, String prefix, Map<String, JsonElement> out) {
    for (JsonElement element : columns) {
      JsonObject column = element.getAsJsonObject();
      String path = prefix + column.get("name").getAsString();
      if (column.has("policyTags")) {
        out.put(path, column.getAsJsonObject("policyTags").get("names"));
      }
      if (column.has("fields")) {
        collectPolicyTags(column.getAsJsonArray("fields"), path + ".", out);
      }
    }
  }
}
