package io.entityflow.terraform.generate;

import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.LatestViewSql;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.layout.EntityResources;
import io.entityflow.contract.registry.EntityDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Terraform input of one entity: the object the example environment's {@code entities} map
 * holds under the entity's topic name, and the paths of its generated schema files.
 *
 * <pre>{@code
 * Map<String, Object> sale = EntityVariables.of(layout.entity(saleDefinition));
 * sale.get("topic");                 // "sale_v1"
 * sale.get("bigquery_schema_file");  // "schemas/bigquery/retail/sale_v1.json"
 * }</pre>
 *
 * <p>Guarantees: keys in a fixed order (the order of the Terraform variable's object type); every
 * name comes from the physical layout ({@link EntityResources}); {@code latest_view_sql} reads
 * {@code `${project}.${dataset}.table`}, placeholders the entity module replaces with the project
 * id and the deployed (prefixed) dataset id; the privacy views of an entity with PII follow ({@link
 * PrivacyVariables}).
 */
public final class EntityVariables {
  /** Placeholder for the project id in {@code latest_view_sql}. */
  public static final String PROJECT_PLACEHOLDER = "${project}";

  /** Placeholder for the deployed dataset id (with any prefix) in {@code latest_view_sql}. */
  public static final String DATASET_PLACEHOLDER = "${dataset}";

  private EntityVariables() {}

  /** The variables of an entity. */
  public static Map<String, Object> of(EntityResources resources) {
    EntityDefinition entity = resources.entity();
    EntityTable table = EntityTable.of(entity);
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("name", entity.name());
    vars.put("full_name", entity.fullName());
    vars.put("schema_version", entity.schemaVersion());
    vars.put("topic", resources.topic());
    vars.put("pipeline_subscription", resources.pipelineSubscription());
    vars.put("dead_letter_topic", resources.deadLetterTopic());
    vars.put("dead_letter_hold_subscription", resources.deadLetterHoldSubscription());
    vars.put("dataset", resources.table().dataset());
    vars.put("table", resources.table().name());
    vars.put("id_field", entity.idField().getName());
    vars.put("owner", entity.owner());
    vars.put("description", entity.description());
    vars.put("partition_field", resources.table().partitionField());
    vars.put("clustering_fields", resources.table().clusteringFields());
    vars.put("bigquery_schema_file", bigQuerySchemaFile(entity));
    vars.put("pubsub_schema_file", pubSubSchemaFile(entity));
    vars.put("latest_view", resources.latestView());
    vars.put(
        "latest_view_sql", LatestViewSql.bigQuery(table, PROJECT_PLACEHOLDER, DATASET_PLACEHOLDER));
    vars.put("pii_columns", piiColumns(table.columns()));
    vars.putAll(PrivacyVariables.of(resources));
    return vars;
  }

  /** {@code schemas/bigquery/<dataset>/<table>.json}, relative to the environment. */
  public static String bigQuerySchemaFile(EntityDefinition entity) {
    return TerraformGenerator.SCHEMAS_DIRECTORY
        + "/bigquery/"
        + entity.dataset()
        + "/"
        + entity.tableName()
        + ".json";
  }

  /** {@code schemas/pubsub/<topic>.proto}, relative to the environment. */
  public static String pubSubSchemaFile(EntityDefinition entity) {
    return TerraformGenerator.SCHEMAS_DIRECTORY + "/pubsub/" + entity.topicName() + ".proto";
  }

  /** Dotted paths of the columns that carry the PII policy tag, in schema order. */
  public static List<String> piiColumns(List<TableColumn> columns) {
    List<String> paths = new ArrayList<>();
    collectPii(columns, "", paths);
    return paths;
  }

  private static void collectPii(List<TableColumn> columns, String prefix, List<String> out) {
    for (TableColumn column : columns) {
      if (column.policyTag().isPresent()) {
        out.add(prefix + column.name());
      }
      collectPii(column.fields(), prefix + column.name() + ".", out);
    }
  }
}
