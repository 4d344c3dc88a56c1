package io.entityflow.terraform.hcl;

import static io.entityflow.terraform.hcl.ExampleEnvironment.each;
import static io.entityflow.terraform.hcl.ExampleEnvironment.eval;
import static io.entityflow.terraform.hcl.ExampleEnvironment.producerAccount;
import static io.entityflow.terraform.hcl.ExampleEnvironment.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Access and layout of the Terraform configuration, checked offline on the parsed {@code .tf}
 * files: producer, pipeline and analyst bindings, module calls against module variables, the
 * standard files of every module, and {@code terraform fmt}.
 */
class AccessAndLayoutIT {
  private static final String ENV = ExampleEnvironment.ENV;
  private static final String ENTITY = ExampleEnvironment.ENTITY;
  private static final String IAM = "modules/iam";
  private static final Set<String> META = ExampleEnvironment.META;

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

  @Test
  void eachProducerMayPublishOnlyToItsOwnEntitiesTopics() {
    JsonObject iamCall = tree.module(ENV, "iam");
    assertThat(iamCall.get("entities").getAsString()).isEqualTo("${var.entities}");
    assertThat(iamCall.get("producer_service_accounts").getAsString())
        .isEqualTo("${var.producer_service_accounts}");
    JsonObject binding = tree.resource(IAM, "google_pubsub_topic_iam_member", "producer_publish");
    assertThat(binding.get("role").getAsString()).isEqualTo("roles/pubsub.publisher");
    assertThat(binding.get("for_each").getAsString()).isEqualTo("${var.entities}");

    JsonObject vars = environment.moduleVariables(IAM, environment.iamArgsWithoutModuleOutputs());
    Map<String, Set<String>> topicsByMember = new TreeMap<>();
    for (Map.Entry<String, JsonElement> entity : entities.entrySet()) {
      JsonObject scope = scope("var", vars);
      scope.add("each", each(entity.getKey(), entity.getValue()));
      topicsByMember
          .computeIfAbsent(eval(binding, "member", scope), m -> new TreeSet<>())
          .add(eval(binding, "topic", scope));
    }

    Map<String, Set<String>> expected = new TreeMap<>();
    for (EntityDefinition entity :
        io.entityflow.contract.layout.PhysicalLayout.of(registry).entities().stream()
            .map(io.entityflow.contract.layout.EntityResources::entity)
            .toList()) {
      expected
          .computeIfAbsent(
              "serviceAccount:" + producerAccount(entity.owner()), m -> new TreeSet<>())
          .add(entity.topicName());
    }
    assertThat(topicsByMember).isEqualTo(expected);
    assertThat(topicsByMember.get("serviceAccount:" + producerAccount("team-checkout")))
        .containsExactly("sale_v1");
    assertThat(topicsByMember.get("serviceAccount:" + producerAccount("entityflow")))
        .containsExactly("subject_key_v1");

    for (String type :
        List.of(
            "google_project_iam_member",
            "google_project_iam_binding",
            "google_project_iam_policy")) {
      for (Map.Entry<String, JsonObject> grant : tree.resourcesOfType(type)) {
        assertThat(grant.getValue().toString())
            .as("project-level grant %s", grant.getKey())
            .doesNotContain("roles/pubsub.");
      }
    }
    for (Map.Entry<String, JsonObject> grant :
        tree.resourcesOfType("google_pubsub_topic_iam_member")) {
      if (grant.getValue().get("role").getAsString().equals("roles/pubsub.publisher")) {
        assertThat(grant.getKey())
            .isIn(
                "modules/iam:google_pubsub_topic_iam_member.producer_publish",
                "modules/entity:google_pubsub_topic_iam_member.dead_letter_forwarding",
                "modules/consumer:google_pubsub_topic_iam_member.consumer_dead_letter_publisher",
                "modules/consumer:google_pubsub_topic_iam_member.dead_letter_forwarding");
        if (grant.getKey().startsWith("modules/consumer:")) {
          // a consumer publishes only its own dead letters, never into an entity topic
          assertThat(grant.getValue().get("topic").getAsString())
              .isEqualTo("${google_pubsub_topic.dead_letter.name}");
        }
      }
    }
    JsonObject forwarding =
        tree.resource(ENTITY, "google_pubsub_topic_iam_member", "dead_letter_forwarding");
    assertThat(forwarding.get("topic").getAsString())
        .isEqualTo("${google_pubsub_topic.dead_letter.name}");
  }

  @Test
  void analystsReadOnlyDomainDatasetsNeverTheSystemDatasetWithDeadLetters() {
    JsonObject read = tree.resource(IAM, "google_bigquery_dataset_access", "analyst_read");
    assertThat(read.get("role").getAsString()).isEqualTo("READER");
    assertThat(read.get("for_each").getAsString()).isEqualTo("${local.analyst_grants}");
    String grants = tree.locals(IAM).get("analyst_grants").getAsString();
    assertThat(grants).contains("var.domain_datasets").doesNotContain("system_dataset");
    assertThat(tree.module(ENV, "iam").get("domain_datasets").getAsString())
        .isEqualTo("${local.domain_datasets}");
    assertThat(tree.locals(ENV).get("domain_datasets").getAsString())
        .isEqualTo(
            "${toset([\n    for entity in var.entities : \"${var.dataset_prefix}${entity.dataset}\"\n"
                + "    if entity.dataset != var.system_dataset\n  ])}");
    assertThat(tree.module(ENV, "system_dataset").get("dataset").getAsString())
        .isEqualTo("${var.dataset_prefix}${var.system_dataset}");
    String systemDataset = PhysicalLayout.SYSTEM_DATASET;
    assertThat(registry.entities()).noneMatch(e -> e.dataset().equals(systemDataset));

    for (String dir : tree.directories()) {
      tree.blocks(dir, "resource")
          .entrySet()
          .forEach(
              type ->
                  type.getValue()
                      .getAsJsonObject()
                      .entrySet()
                      .forEach(
                          resource -> {
                            String body = resource.getValue().toString();
                            String id = dir + ":" + type.getKey() + "." + resource.getKey();
                            if (body.contains("analyst")) {
                              assertThat(id)
                                  .isIn(
                                      "modules/iam:google_bigquery_dataset_access.analyst_read",
                                      "modules/iam:google_project_iam_member.analyst_jobs");
                            }
                          }));
    }
    assertThat(
            tree.resource(IAM, "google_project_iam_member", "analyst_jobs")
                .get("role")
                .getAsString())
        .isEqualTo("roles/bigquery.jobUser");
  }

  @Test
  void everyModuleCallPassesEveryRequiredVariableAndNoUndeclaredOne() {
    JsonObject calls = tree.blocks(ENV, "module");
    assertThat(calls.keySet())
        .containsExactlyInAnyOrder(
            "policy_tags",
            "system_dataset",
            "entity",
            "privacy_views",
            "subject_key_sweep",
            "consumer",
            "iam",
            "pipeline",
            "alerting");
    for (String name : calls.keySet()) {
      JsonObject call = tree.module(ENV, name);
      String dir = Path.of(ENV).resolve(call.get("source").getAsString()).normalize().toString();
      JsonObject variables = tree.blocks(dir, "variable");
      Set<String> passed = new TreeSet<>(call.keySet());
      passed.removeAll(META);
      assertThat(variables.keySet()).as("variables of %s", dir).containsAll(passed);
      for (Map.Entry<String, JsonElement> variable : variables.entrySet()) {
        JsonObject body = TerraformTree.single(variable.getValue());
        assertThat(body.has("description") && body.has("type"))
            .as("%s variable %s has a description and a type", dir, variable.getKey())
            .isTrue();
        if (!body.has("default")) {
          assertThat(passed).as("required variables of %s", dir).contains(variable.getKey());
        }
      }
    }
  }

  @Test
  void everyModuleHasItsStandardFilesAndAReadmeWithAnExample() throws Exception {
    List<String> modules = new ArrayList<>();
    try (var dirs = Files.list(terraform.resolve("modules"))) {
      dirs.filter(Files::isDirectory).forEach(d -> modules.add(d.getFileName().toString()));
    }
    assertThat(modules)
        .containsExactlyInAnyOrder(
            "entity",
            "consumer",
            "iam",
            "pipeline",
            "alerting",
            "system-dataset",
            "policy-tags",
            "privacy-views",
            "subject-key-sweep");
    for (String module : modules) {
      Path dir = terraform.resolve("modules").resolve(module);
      for (String file : List.of("main.tf", "variables.tf", "outputs.tf", "versions.tf")) {
        assertThat(tree.files())
            .as("%s/%s", module, file)
            .containsKey("modules/" + module + "/" + file);
      }
      assertThat(Files.readString(dir.resolve("README.md")))
          .as("README of %s", module)
          .contains("```hcl\nmodule \"")
          .contains("source");
    }
    assertThat(tree.resource("modules/pipeline", "google_dataflow_flex_template_job", "pipeline"))
        .isNotNull();
    assertThat(tree.resource("modules/alerting", "google_cloud_run_v2_service", "alerting"))
        .isNotNull();
    assertThat(
            tree.resource("modules/system-dataset", "google_bigquery_table", "dead_letter")
                .get("table_id")
                .getAsString())
        .isEqualTo("${var.dead_letter.table}");
  }

  @Test
  void terraformFmtFindsNothingToRewrite() throws Exception {
    Path binary = Path.of("/usr/local/bin/terraform");
    assumeThat(Files.isExecutable(binary)).as("terraform at %s", binary).isTrue();
    Process fmt =
        new ProcessBuilder(
                binary.toString(), "fmt", "-check", "-recursive", "-diff", terraform.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(fmt.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(fmt.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(fmt.exitValue()).as("terraform fmt -check output:\n%s", output).isZero();
  }
}
