package io.entityflow.terraform.generate;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.entityflow.contract.bigquery.BigQueryJsonSchema;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.layout.EntityResources;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.layout.TableDefinition;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.terraform.consumers.ConsumerSpec;
import io.entityflow.terraform.pubsub.PubSubSchemaGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the Terraform inputs of an environment from the contract's physical layout: {@value
 * #TFVARS_FILE} (one object per entity, keyed by topic name, with its privacy views when it has
 * PII; the system dataset and its tables; the sweep of forgotten subjects' keys), the system
 * tables' BigQuery JSON schemas, {@value #CONSUMERS_TFVARS_FILE} (the consumers' resource names and
 * subscription options), and per entity its BigQuery JSON schema (the contract's mapping, with the
 * {@code ${policy_tag_pii}} placeholder on PII columns, other template sequences escaped by {@link
 * TemplateEscaping}) and its self-contained Pub/Sub schema.
 *
 * <pre>{@code
 * GeneratedFiles files = TerraformGenerator.generate(EntityRegistry.load());
 * files.writeTo(Path.of("terraform/environments/example"));
 * }</pre>
 *
 * <p>Guarantees: deterministic (the same contract gives byte-identical files), so the committed
 * copies can be checked for drift; every file under {@value #SCHEMAS_DIRECTORY}/ is generated.
 */
public final class TerraformGenerator {
  /** The variables file Terraform loads automatically. */
  public static final String TFVARS_FILE = "entities.auto.tfvars.json";

  /**
   * The consumers' variables file: {@code consumers}, one object per consumer keyed by its
   * subscription ({@link ConsumerVariables}); an empty map without consumers file.
   */
  public static final String CONSUMERS_TFVARS_FILE = "consumers.auto.tfvars.json";

  /** The directory of generated schema files, relative to the environment. */
  public static final String SCHEMAS_DIRECTORY = "schemas";

  private static final Gson JSON =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private TerraformGenerator() {}

  /** Every generated file of the registry's entities, without consumers. */
  public static GeneratedFiles generate(EntityRegistry registry) {
    return generate(registry, List.of());
  }

  /**
   * Every generated file of the registry's entities and of the consumers (read by {@link
   * io.entityflow.terraform.consumers.ConsumersFile}).
   */
  public static GeneratedFiles generate(EntityRegistry registry, List<ConsumerSpec> consumers) {
    Map<String, String> files = new LinkedHashMap<>();
    PhysicalLayout layout = PhysicalLayout.of(registry);
    Map<String, Object> entities = new LinkedHashMap<>();
    for (EntityResources resources : layout.entities()) {
      EntityDefinition entity = resources.entity();
      Map<String, Object> variables = new LinkedHashMap<>(EntityVariables.of(resources));
      variables.putAll(CurrentTableVariables.of(layout, resources));
      entities.put(resources.topic(), variables);
      files.put(
          EntityVariables.bigQuerySchemaFile(entity),
          TemplateEscaping.escape(BigQueryJsonSchema.toJson(EntityTable.of(entity).columns())));
      files.put(
          EntityVariables.pubSubSchemaFile(entity),
          PubSubSchemaGenerator.generate(entity.descriptor()));
    }
    Map<String, Object> systemTables = new LinkedHashMap<>();
    for (TableDefinition table : List.of(layout.deadLetterTable(), layout.heartbeatTable())) {
      systemTables.put(SystemTableVariables.key(table), SystemTableVariables.of(table));
      files.put(
          SystemTableVariables.bigQuerySchemaFile(table),
          TemplateEscaping.escape(BigQueryJsonSchema.toJson(table.columns())));
    }
    Map<String, Object> tfvars = new LinkedHashMap<>();
    tfvars.put("entities", entities);
    tfvars.put("system_dataset", PhysicalLayout.SYSTEM_DATASET);
    tfvars.put("system_tables", systemTables);
    tfvars.put("subject_key_sweep_sql", PrivacyVariables.subjectKeySweepSql(layout));
    files.put(TFVARS_FILE, JSON.toJson(tfvars) + "\n");
    Map<String, Object> consumerVariables = new LinkedHashMap<>();
    for (ConsumerSpec consumer : consumers) {
      consumerVariables.put(consumer.resources().subscription(), ConsumerVariables.of(consumer));
    }
    files.put(CONSUMERS_TFVARS_FILE, JSON.toJson(Map.of("consumers", consumerVariables)) + "\n");
    return new GeneratedFiles(files, List.of(SCHEMAS_DIRECTORY));
  }
}
