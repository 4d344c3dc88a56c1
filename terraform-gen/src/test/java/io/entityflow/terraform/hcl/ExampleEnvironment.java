package io.entityflow.terraform.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.testing.Hcl2Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * What Terraform would bind in the example environment: its variables (test values plus the
 * generated {@code entities}), the arguments of its module calls evaluated per entity, and the
 * resulting module variables (defaults overridden by arguments; every required one bound, no
 * undeclared one).
 */
final class ExampleEnvironment {
  static final String ENV = "environments/example";
  static final String ENTITY = "modules/entity";
  static final String CONSUMER = "modules/consumer";
  static final String PROJECT_NUMBER = "123456789012";
  static final Set<String> META = Set.of("source", "count", "for_each", "depends_on", "providers");

  private static ExampleEnvironment shared;

  private final Path terraformDirectory;
  private final TerraformTree tree;
  private final JsonObject tfvars;
  private final JsonObject entities;
  private final EntityRegistry registry;

  private ExampleEnvironment(
      Path terraformDirectory, TerraformTree tree, JsonObject tfvars, EntityRegistry registry) {
    this.terraformDirectory = terraformDirectory;
    this.tree = tree;
    this.tfvars = tfvars;
    this.entities = tfvars.getAsJsonObject("entities");
    this.registry = registry;
  }

  /** The repository's terraform/ directory, parsed once per JVM. */
  static synchronized ExampleEnvironment shared() throws Exception {
    if (shared == null) {
      String root = System.getProperty("entityflow.repository.root", "..");
      Path terraform = Path.of(root).resolve("terraform").toAbsolutePath().normalize();
      JsonObject tfvars =
          JsonParser.parseString(
                  Files.readString(terraform.resolve(ENV).resolve("entities.auto.tfvars.json")))
              .getAsJsonObject();
      JsonParser.parseString(
              Files.readString(terraform.resolve(ENV).resolve("consumers.auto.tfvars.json")))
          .getAsJsonObject()
          .entrySet()
          .forEach(e -> tfvars.add(e.getKey(), e.getValue()));
      shared =
          new ExampleEnvironment(
              terraform,
              new TerraformTree(Hcl2Json.parseAll(terraform)),
              tfvars,
              EntityRegistry.load());
    }
    return shared;
  }

  Path terraformDirectory() {
    return terraformDirectory;
  }

  TerraformTree tree() {
    return tree;
  }

  /** The generated {@code entities} map. */
  JsonObject entities() {
    return entities;
  }

  /** The generated {@code consumers} map. */
  JsonObject consumers() {
    return tfvars.getAsJsonObject("consumers");
  }

  /**
   * The scope of the consumer module's resources for one consumer (key = its subscription): {@code
   * var} and {@code local} (locals calling functions left out).
   */
  JsonObject consumerModuleScope(String key) {
    JsonObject call = tree.module(ENV, "consumer");
    JsonObject envScope = scope("var", envVariables());
    envScope.add("each", each(key, consumers().get(key)));
    envScope.add("data", projectData());
    JsonObject entityOutputs = new JsonObject();
    for (String topic : entities.keySet()) {
      JsonObject outputs = new JsonObject();
      outputs.addProperty("topic", topic);
      entityOutputs.add(topic, outputs);
    }
    envScope.add("module", scope("entity", entityOutputs));
    JsonObject args = new JsonObject();
    for (Map.Entry<String, JsonElement> arg : call.entrySet()) {
      if (!META.contains(arg.getKey())) {
        args.add(arg.getKey(), Expressions.evaluate(arg.getValue(), envScope));
      }
    }
    JsonObject scope = scope("var", moduleVariables(CONSUMER, args));
    JsonObject locals = new JsonObject();
    for (Map.Entry<String, JsonElement> local : tree.locals(CONSUMER).entrySet()) {
      try {
        locals.add(local.getKey(), Expressions.evaluate(local.getValue(), scope));
      } catch (UnsupportedOperationException functionCall) {
        // Left out: a reference to it fails loudly instead.
      }
    }
    scope.add("local", locals);
    return scope;
  }

  private static JsonObject projectData() {
    JsonObject data = new JsonObject();
    JsonObject project = new JsonObject();
    JsonObject self = new JsonObject();
    self.addProperty("number", PROJECT_NUMBER);
    project.add("this", self);
    data.add("google_project", project);
    return data;
  }

  EntityRegistry registry() {
    return registry;
  }

  /** The scope of the entity module's resources for one entity: {@code var} and {@code local}. */
  JsonObject entityModuleScope(EntityDefinition entity) {
    JsonObject call = tree.module(ENV, "entity");
    JsonObject envScope = scope("var", envVariables());
    envScope.add("each", each(entity.topicName(), entities.get(entity.topicName())));
    envScope.add("data", projectData());

    JsonObject args = new JsonObject();
    for (Map.Entry<String, JsonElement> arg : call.entrySet()) {
      if (META.contains(arg.getKey())
          || arg.getKey().equals("bigquery_schema")
          || arg.getKey().equals("pubsub_schema")) {
        continue;
      }
      args.add(arg.getKey(), Expressions.evaluate(arg.getValue(), envScope));
    }
    args.addProperty("bigquery_schema", "(rendered schema)");
    args.addProperty("pubsub_schema", "(generated definition)");
    JsonObject vars = moduleVariables(ENTITY, args);
    JsonObject scope = scope("var", vars);
    JsonObject locals = new JsonObject();
    for (Map.Entry<String, JsonElement> local : tree.locals(ENTITY).entrySet()) {
      try {
        locals.add(local.getKey(), Expressions.evaluate(local.getValue(), scope));
      } catch (UnsupportedOperationException functionCall) {
        // Left out: a reference to it fails loudly instead.
      }
    }
    scope.add("local", locals);
    return scope;
  }

  JsonObject iamArgsWithoutModuleOutputs() {
    JsonObject envScope = scope("var", envVariables());
    JsonObject args = new JsonObject();
    for (Map.Entry<String, JsonElement> arg : tree.module(ENV, "iam").entrySet()) {
      if (META.contains(arg.getKey())) {
        continue;
      }
      try {
        args.add(arg.getKey(), Expressions.evaluate(arg.getValue(), envScope));
      } catch (UnsupportedOperationException dependsOnOtherResources) {
        args.addProperty(arg.getKey(), "(known after apply)");
      }
    }
    return args;
  }

  /** Module variables as Terraform binds them: defaults, overridden by the call's arguments. */
  JsonObject moduleVariables(String dir, JsonObject args) {
    JsonObject vars = new JsonObject();
    JsonObject declared = tree.blocks(dir, "variable");
    for (Map.Entry<String, JsonElement> variable : declared.entrySet()) {
      JsonObject body = TerraformTree.single(variable.getValue());
      if (body.has("default")) {
        vars.add(variable.getKey(), body.get("default"));
      }
    }
    for (Map.Entry<String, JsonElement> arg : args.entrySet()) {
      assertThat(declared.has(arg.getKey())).as("%s declares %s", dir, arg.getKey()).isTrue();
      vars.add(arg.getKey(), arg.getValue());
    }
    assertThat(vars.keySet())
        .as("every variable of %s is bound", dir)
        .containsAll(declared.keySet());
    return vars;
  }

  JsonObject envVariables() {
    JsonObject vars = new JsonObject();
    JsonObject declared = tree.blocks(ENV, "variable");
    for (Map.Entry<String, JsonElement> variable : declared.entrySet()) {
      JsonObject body = TerraformTree.single(variable.getValue());
      if (body.has("default")) {
        vars.add(variable.getKey(), body.get("default"));
      }
    }
    vars.addProperty("project_id", "acme-test");
    tfvars.entrySet().forEach(generated -> vars.add(generated.getKey(), generated.getValue()));
    JsonObject producers = new JsonObject();
    io.entityflow.contract.layout.PhysicalLayout.of(registry)
        .entities()
        .forEach(
            e -> producers.addProperty(e.entity().owner(), producerAccount(e.entity().owner())));
    vars.add("producer_service_accounts", producers);
    JsonObject consumerAccounts = new JsonObject();
    consumers()
        .entrySet()
        .forEach(
            c -> {
              String name = c.getValue().getAsJsonObject().get("consumer").getAsString();
              consumerAccounts.addProperty(name, consumerAccount(name));
            });
    vars.add("consumer_service_accounts", consumerAccounts);
    vars.addProperty("pipeline_template_gcs_path", "gs://acme-test/templates/pipeline.json");
    vars.addProperty("pipeline_temp_location", "gs://acme-test/tmp");
    vars.addProperty("contract_bucket", "acme-test-contracts");
    vars.addProperty("contract_object", "contracts/acme-1.0.desc");
    vars.addProperty("alerting_image", "europe-west1-docker.pkg.dev/acme-test/ef/alerting:1");
    assertThat(vars.keySet()).containsAll(declared.keySet());
    return vars;
  }

  static String producerAccount(String owner) {
    return owner + "@acme-services.iam.gserviceaccount.com";
  }

  static String consumerAccount(String consumer) {
    return consumer.replace('_', '-') + "@acme-services.iam.gserviceaccount.com";
  }

  static String eval(JsonObject body, String attribute, JsonObject scope) {
    JsonElement value = body.get(attribute);
    assertThat(value).as("attribute %s of %s", attribute, body).isNotNull();
    return Expressions.evaluate(value, scope).getAsString();
  }

  static JsonObject scope(String name, JsonObject value) {
    JsonObject scope = new JsonObject();
    scope.add(name, value);
    return scope;
  }

  static JsonObject each(String key, JsonElement value) {
    JsonObject each = new JsonObject();
    each.addProperty("key", key);
    each.add("value", value);
    return each;
  }

  static JsonArray array(String... values) {
    JsonArray array = new JsonArray();
    for (String value : values) {
      array.add(new JsonPrimitive(value));
    }
    return array;
  }
}
