package io.entityflow.terraform.hcl;

import static io.entityflow.terraform.hcl.ExampleEnvironment.each;
import static io.entityflow.terraform.hcl.ExampleEnvironment.eval;
import static io.entityflow.terraform.hcl.ExampleEnvironment.scope;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.entityflow.contract.bigquery.DecryptingViewSql;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.MaskedViewSql;
import io.entityflow.contract.bigquery.SubjectKeySweepSql;
import io.entityflow.contract.registry.EntityDefinition;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The privacy resources of the example environment, evaluated offline for Customer with a dataset
 * prefix: the masked and decrypting views (names, datasets, the queries Terraform renders), their
 * authorization on the entity and system datasets, the restricted {@code _pii} datasets and who
 * reads them, the KEK grant and the subject-key sweep.
 */
class PrivacyResourcesIT {
  private static final String ENV = ExampleEnvironment.ENV;
  private static final String VIEWS = "modules/privacy-views";
  private static final String IAM = "modules/iam";
  private static final String SWEEP = "modules/subject-key-sweep";
  private static final String KEK =
      "gcp-kms://projects/acme-sec/locations/europe-west1/keyRings/entityflow/cryptoKeys/kek";
  private static final Pattern REPLACE = Pattern.compile("\"\\$\\$\\{(\\w+)}\", var\\.(\\w+)\\)");

  private static ExampleEnvironment environment;
  private static TerraformTree tree;
  private static EntityDefinition customer;

  @BeforeAll
  static void parse() throws Exception {
    environment = ExampleEnvironment.shared();
    tree = environment.tree();
    customer = environment.registry().find("acme.retail.customer.v1.Customer").orElseThrow();
  }

  /** The privacy-views module's variables for Customer, deployed with dataset prefix prod_. */
  private static JsonObject customerViewsScope() {
    JsonObject envVars = environment.envVariables();
    envVars.addProperty("dataset_prefix", "prod_");
    envVars.addProperty("kms_kek_uri", KEK);
    JsonObject envScope = scope("var", envVars);
    envScope.add("each", each("customer_v1", environment.entities().get("customer_v1")));
    envScope.add(
        "module",
        JsonParser.parseString("{\"system_dataset\": {\"dataset\": \"prod_entityflow\"}}"));
    JsonObject args = new JsonObject();
    for (Map.Entry<String, JsonElement> arg : tree.module(ENV, "privacy_views").entrySet()) {
      if (!ExampleEnvironment.META.contains(arg.getKey())) {
        args.add(arg.getKey(), Expressions.evaluate(arg.getValue(), envScope));
      }
    }
    return scope("var", environment.moduleVariables(VIEWS, args));
  }

  /**
   * What a local of nested {@code replace(replace(var.x, "$${a}", var.a), ...)} calls renders: its
   * exact shape is asserted, then each placeholder replaced by the variable it names.
   */
  private static String renderReplaceChain(String dir, String local, JsonObject scope) {
    String expression = tree.locals(dir).get(local).getAsString();
    Matcher source = Pattern.compile("^\\$\\{(?:replace\\()+var\\.(\\w+), ").matcher(expression);
    assertThat(source.find()).as("%s: %s", local, expression).isTrue();
    String text = scope.getAsJsonObject("var").get(source.group(1)).getAsString();
    Matcher replace = REPLACE.matcher(expression);
    int replaced = 0;
    while (replace.find()) {
      String value = scope.getAsJsonObject("var").get(replace.group(2)).getAsString();
      text = text.replace("${" + replace.group(1) + "}", value);
      replaced++;
    }
    assertThat(expression).startsWith("${" + "replace(".repeat(replaced) + "var.");
    return text;
  }

  @Test
  void customerViewsLiveInItsDatasetAndRetailPiiAndRenderTheContractsQueries() {
    JsonObject scope = customerViewsScope();
    JsonObject masked = tree.resource(VIEWS, "google_bigquery_table", "masked");
    JsonObject decrypted = tree.resource(VIEWS, "google_bigquery_table", "decrypted");
    EntityTable table = EntityTable.of(customer);

    assertThat(eval(masked, "dataset_id", scope)).isEqualTo("prod_retail");
    assertThat(eval(masked, "table_id", scope)).isEqualTo("customer_v1_masked");
    assertThat(eval(decrypted, "dataset_id", scope)).isEqualTo("prod_retail_pii");
    assertThat(eval(decrypted, "table_id", scope)).isEqualTo("customer_v1_decrypted");
    for (JsonObject view : List.of(masked, decrypted)) {
      JsonObject body = view.getAsJsonArray("view").get(0).getAsJsonObject();
      assertThat(body.get("use_legacy_sql").getAsBoolean()).isFalse();
    }
    assertThat(masked.getAsJsonArray("view").get(0).getAsJsonObject().get("query").getAsString())
        .isEqualTo("${local.masked_query}");
    assertThat(decrypted.getAsJsonArray("view").get(0).getAsJsonObject().get("query").getAsString())
        .isEqualTo("${local.decrypted_query}");

    assertThat(renderReplaceChain(VIEWS, "masked_query", scope))
        .isEqualTo(
            MaskedViewSql.bigQuery(
                table, "customer_id", "acme-test", "prod_retail", "prod_entityflow"));
    assertThat(renderReplaceChain(VIEWS, "decrypted_query", scope))
        .isEqualTo(
            DecryptingViewSql.bigQuery(
                table, "customer_id", "acme-test", "prod_retail", "prod_entityflow", KEK));
  }

  @Test
  void bothViewsAreAuthorizedOnTheEntityDatasetAndTheSystemDataset() {
    JsonObject scope = customerViewsScope();
    JsonObject sources = tree.locals(VIEWS).getAsJsonObject("source_datasets");
    JsonObject evaluated = new JsonObject();
    sources
        .entrySet()
        .forEach(e -> evaluated.add(e.getKey(), Expressions.evaluate(e.getValue(), scope)));
    assertThat(evaluated)
        .isEqualTo(
            JsonParser.parseString(
                "{\"entity_dataset\": \"prod_retail\", \"system_dataset\": \"prod_entityflow\"}"));

    for (String view : List.of("masked", "decrypted")) {
      JsonObject access = tree.resource(VIEWS, "google_bigquery_dataset_access", view);
      assertThat(access.get("for_each").getAsString()).isEqualTo("${local.source_datasets}");
      assertThat(access.get("dataset_id").getAsString()).isEqualTo("${each.value}");
      assertThat(access.has("role")).as("an authorized view has no role").isFalse();
      assertThat(access.getAsJsonArray("view").get(0))
          .isEqualTo(
              JsonParser.parseString(
                  "{\"project_id\": \"${var.project_id}\","
                      + " \"dataset_id\": \"${google_bigquery_table."
                      + view
                      + ".dataset_id}\", \"table_id\": \"${google_bigquery_table."
                      + view
                      + ".table_id}\"}"));
    }
    JsonObject call = tree.module(ENV, "privacy_views");
    assertThat(call.get("for_each").getAsString()).isEqualTo("${local.pii_entities}");
    assertThat(call.getAsJsonArray("depends_on").toString())
        .isEqualTo("[\"${module.entity}\",\"${google_bigquery_dataset.pii}\"]");
    assertThat(tree.locals(ENV).get("pii_entities").getAsString())
        .isEqualTo(
            "${{ for key, entity in var.entities : key => entity if entity.masked_view != \"\" }}");
  }

  @Test
  void piiDatasetsAreOnePerDomainWithPiiAndOnlyPiiReadersReadThemAndUseTheKek() {
    assertThat(tree.locals(ENV).get("pii_datasets").getAsString())
        .isEqualTo(
            "${toset([for entity in local.pii_entities :"
                + " \"${var.dataset_prefix}${entity.pii_dataset}\"])}");
    TreeSet<String> piiDatasets = new TreeSet<>();
    environment
        .entities()
        .entrySet()
        .forEach(
            e -> {
              String pii = e.getValue().getAsJsonObject().get("pii_dataset").getAsString();
              if (!pii.isEmpty()) {
                piiDatasets.add(pii);
              }
            });
    assertThat(piiDatasets).containsExactly("energy_pii", "retail_pii", "telco_pii");
    JsonObject dataset = tree.resource(ENV, "google_bigquery_dataset", "pii");
    assertThat(dataset.get("for_each").getAsString()).isEqualTo("${local.pii_datasets}");

    JsonObject iam = tree.module(ENV, "iam");
    assertThat(iam.get("pii_datasets").getAsString()).isEqualTo("${local.pii_datasets}");
    assertThat(iam.get("pii_readers").getAsString()).isEqualTo("${var.pii_readers}");
    assertThat(iam.get("kms_kek_uri").getAsString()).isEqualTo("${var.kms_kek_uri}");
    JsonObject read = tree.resource(IAM, "google_bigquery_dataset_access", "pii_read");
    assertThat(read.get("role").getAsString()).isEqualTo("READER");
    assertThat(read.get("for_each").getAsString()).isEqualTo("${local.pii_grants}");
    assertThat(tree.locals(IAM).get("pii_grants").getAsString())
        .contains("setproduct(sort(tolist(var.pii_datasets)), var.pii_readers)");
    assertThat(tree.locals(IAM).get("analyst_grants").getAsString()).doesNotContain("pii");

    JsonObject kek = tree.resource(IAM, "google_kms_crypto_key_iam_member", "pii_kek_decrypt");
    assertThat(kek.get("role").getAsString())
        .isEqualTo("roles/cloudkms.cryptoKeyDecrypterViaDelegation");
    assertThat(kek.get("for_each").getAsString())
        .isEqualTo("${var.kms_kek_uri == \"\" ? toset([]) : toset(var.pii_readers)}");
    assertThat(kek.get("crypto_key_id").getAsString()).isEqualTo("${local.kek_crypto_key_id}");
    assertThat(tree.locals(IAM).get("kek_crypto_key_id").getAsString())
        .isEqualTo("${trimprefix(var.kms_kek_uri, \"gcp-kms://\")}");
    assertThat(tree.resourcesOfType("google_kms_crypto_key_iam_member"))
        .extracting(Map.Entry::getKey)
        .containsExactly("modules/iam:google_kms_crypto_key_iam_member.pii_kek_decrypt");
  }

  @Test
  void analystsReadThePiiTagMaskedSoTheirMaskedViewQueriesAreNotRefused() {
    String tags = "modules/policy-tags";
    JsonObject policy = tree.resource(tags, "google_bigquery_datapolicy_data_policy", "pii_masked");
    assertThat(policy.get("policy_tag").getAsString())
        .isEqualTo("${google_data_catalog_policy_tag.pii.name}");
    assertThat(policy.get("data_policy_type").getAsString()).isEqualTo("DATA_MASKING_POLICY");
    assertThat(
            TerraformTree.single(policy.get("data_masking_policy"))
                .get("predefined_expression")
                .getAsString())
        .isEqualTo("SHA256");
    assertThat(policy.get("data_policy_id").getAsString()).isEqualTo("${var.masking_policy_id}");
    assertThat(
            TerraformTree.single(tree.blocks(tags, "variable").get("masking_policy_id"))
                .get("default")
                .getAsString())
        .isEqualTo("entityflow_pii_sha256");

    JsonObject reader =
        tree.resource(
            tags, "google_bigquery_datapolicy_data_policy_iam_member", "pii_masked_reader");
    assertThat(reader.get("role").getAsString()).isEqualTo("roles/bigquerydatapolicy.maskedReader");
    assertThat(reader.get("for_each").getAsString()).isEqualTo("${toset(var.masked_readers)}");
    assertThat(reader.get("data_policy_id").getAsString())
        .isEqualTo("${google_bigquery_datapolicy_data_policy.pii_masked.data_policy_id}");

    JsonObject call = tree.module(ENV, "policy_tags");
    assertThat(call.get("masked_readers").getAsString()).isEqualTo("${var.analyst_members}");
    assertThat(call.get("pii_readers").getAsString()).isEqualTo("${var.pii_readers}");
  }

  @Test
  void noDatasetIamResourceAnywhereSinceItWouldRemoveTheAuthorizedViews() {
    for (String type :
        List.of(
            "google_bigquery_dataset_iam_member",
            "google_bigquery_dataset_iam_binding",
            "google_bigquery_dataset_iam_policy")) {
      assertThat(tree.resourcesOfType(type)).as(type).isEmpty();
    }
    assertThat(tree.resourcesOfType("google_bigquery_dataset_access"))
        .extracting(Map.Entry::getKey)
        .containsExactlyInAnyOrder(
            "modules/alerting:google_bigquery_dataset_access.alerting_read",
            "modules/iam:google_bigquery_dataset_access.pipeline_write",
            "modules/iam:google_bigquery_dataset_access.analyst_read",
            "modules/iam:google_bigquery_dataset_access.pii_read",
            "modules/privacy-views:google_bigquery_dataset_access.masked",
            "modules/privacy-views:google_bigquery_dataset_access.decrypted",
            "modules/subject-key-sweep:google_bigquery_dataset_access.sweep_write");
  }

  @Test
  void sweepIsAnHourlyScheduledQueryOfTheGeneratedDeleteThatAVariableSwitchesOff() {
    JsonObject call = tree.module(ENV, "subject_key_sweep");
    assertThat(call.get("count").getAsString())
        .isEqualTo("${var.subject_key_sweep_enabled && var.subject_key_sweep_sql != \"\" ? 1 : 0}");
    JsonObject envVars = environment.envVariables();
    assertThat(envVars.get("subject_key_sweep_enabled").getAsBoolean()).isTrue();
    assertThat(envVars.get("subject_key_sweep_schedule").getAsString()).isEqualTo("every 1 hours");

    JsonObject envScope = scope("var", envVars);
    envScope.add(
        "module",
        JsonParser.parseString("{\"system_dataset\": {\"dataset\": \"prod_entityflow\"}}"));
    envScope.add(
        "data",
        JsonParser.parseString("{\"google_project\": {\"this\": {\"number\": \"123456789012\"}}}"));
    JsonObject args = new JsonObject();
    for (Map.Entry<String, JsonElement> arg : call.entrySet()) {
      if (!ExampleEnvironment.META.contains(arg.getKey())) {
        args.add(arg.getKey(), Expressions.evaluate(arg.getValue(), envScope));
      }
    }
    JsonObject scope = scope("var", environment.moduleVariables(SWEEP, args));
    JsonObject config = tree.resource(SWEEP, "google_bigquery_data_transfer_config", "sweep");
    assertThat(config.get("data_source_id").getAsString()).isEqualTo("scheduled_query");
    assertThat(eval(config, "schedule", scope)).isEqualTo("every 1 hours");
    assertThat(eval(config, "location", scope)).isEqualTo("europe-west1");
    assertThat(config.getAsJsonObject("params").get("query").getAsString())
        .isEqualTo("${local.query}");
    assertThat(renderReplaceChain(SWEEP, "query", scope))
        .isEqualTo(SubjectKeySweepSql.bigQuery("acme-test", "prod_entityflow"));

    JsonObject write = tree.resource(SWEEP, "google_bigquery_dataset_access", "sweep_write");
    assertThat(write.get("role").getAsString()).isEqualTo("WRITER");
    assertThat(eval(write, "dataset_id", scope)).isEqualTo("prod_entityflow");
  }

  @Test
  void kekUriIsValidatedTheWayBigQueryNeedsItEverywhereItIsDeclared() {
    for (String dir : List.of(ENV, IAM, VIEWS)) {
      JsonObject variable = TerraformTree.single(tree.blocks(dir, "variable").get("kms_kek_uri"));
      String condition =
          variable
              .getAsJsonArray("validation")
              .get(0)
              .getAsJsonObject()
              .get("condition")
              .toString();
      Matcher regex = Pattern.compile("regex\\(\\\\\"(.*?)\\\\\", var").matcher(condition);
      assertThat(regex.find()).as("%s: %s", dir, condition).isTrue();
      Pattern kek = Pattern.compile(regex.group(1).replace("\\\\\\\\", "\\"));

      assertThat(kek.matcher(KEK).matches()).as(dir).isTrue();
      assertThat(kek.matcher("projects/p/locations/l/keyRings/r/cryptoKeys/k").matches())
          .as(dir)
          .isFalse();
      assertThat(
              kek.matcher("gcp-kms://projects/p/locations/l/keyRings/r/cryptoKeys/k'--").matches())
          .as(dir)
          .isFalse();
      assertThat(kek.matcher("gcp-kms://projects/p/locations/l/keyRings/r").matches())
          .as(dir)
          .isFalse();
    }
  }
}
