package io.entityflow.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.contract.testing.OwnContract;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformCliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @TempDir Path dir;

  private int run(String... args) {
    out.reset();
    err.reset();
    return TerraformCli.run(
        args,
        EntityRegistry.load(),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        dir);
  }

  @Test
  void writeThenCheckReportsNoDrift() {
    assertThat(run("--out", dir.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("wrote " + dir.resolve("entities.auto.tfvars.json"))
        .contains("wrote " + dir.resolve("schemas/pubsub/sale_v1.proto"));

    assertThat(run("--out", dir.toString(), "--check")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("entityflow terraform: 22 generated files up to date in " + dir + "\n");
  }

  @Test
  void checkExitsOneAndNamesEveryDriftedFile() throws Exception {
    run("--out", dir.toString());
    Files.writeString(dir.resolve("entities.auto.tfvars.json"), "{}\n");

    assertThat(run("--check", "--out", dir.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "entityflow terraform: 1 generated file(s) in "
                + dir
                + " differ from the contract; run 'entityflow terraform --out "
                + dir
                + "' and commit the result:\n"
                + "  entities.auto.tfvars.json: content differs from a fresh generation\n");
  }

  @Test
  void unknownArgumentExitsTwoNamingItAndTheAllowedOnes() {
    assertThat(run("--force")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "entityflow terraform: unknown argument '--force'; allowed: --out DIR, --check,"
                + " --contract X, --consumers FILE, --help\nusage: entityflow terraform [--out DIR]"
                + " [--check] [--contract <descriptor set|dir of .proto|git ref>]"
                + " [--consumers FILE]\n");
  }

  @Test
  void defaultEnvironmentIsFoundFromASubdirectoryOfTheRepository() throws Exception {
    Path environment = Files.createDirectories(dir.resolve("terraform/environments/example"));
    Path subdirectory = Files.createDirectories(dir.resolve("proto/src"));

    assertThat(TerraformCli.defaultOut(subdirectory))
        .isEqualTo(subdirectory.resolve("../../terraform/environments/example").normalize());
    assertThat(TerraformCli.defaultOut(subdirectory).toAbsolutePath())
        .isEqualTo(environment.toAbsolutePath());
    assertThat(run()).isZero();
    assertThat(environment.resolve("schemas/pubsub/call_record_v1.proto")).isRegularFile();
  }

  @Test
  void outWithoutDirectoryExitsTwo() {
    assertThat(run("--out")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("entityflow terraform: --out needs a directory\n");
  }

  @Test
  void contractOptionGeneratesTheEnvironmentOfThatContract() throws Exception {
    Path contract = OwnContract.writeDescriptorSet(dir.resolve("contract.desc"));
    Path env = dir.resolve("env");

    assertThat(run("--contract", contract.toString(), "--out", env.toString())).isZero();

    JsonObject entities =
        JsonParser.parseString(Files.readString(env.resolve("entities.auto.tfvars.json")))
            .getAsJsonObject()
            .getAsJsonObject("entities");
    assertThat(entities.keySet()).containsExactly("parcel_v1", "subject_key_v1");
    JsonObject parcel = entities.getAsJsonObject("parcel_v1");
    assertThat(parcel.get("full_name").getAsString()).isEqualTo(OwnContract.FULL_NAME);
    assertThat(parcel.get("topic").getAsString()).isEqualTo("parcel_v1");
    assertThat(parcel.get("pipeline_subscription").getAsString()).isEqualTo("parcel_v1_pipeline");
    assertThat(parcel.get("dead_letter_topic").getAsString()).isEqualTo("parcel_v1_dead_letter");
    assertThat(parcel.get("dataset").getAsString()).isEqualTo("logistics");
    assertThat(parcel.get("table").getAsString()).isEqualTo("parcel_v1");
    assertThat(parcel.get("owner").getAsString()).isEqualTo("team-depot");
    assertThat(parcel.get("bigquery_schema_file").getAsString())
        .isEqualTo("schemas/bigquery/logistics/parcel_v1.json");
    JsonArray columns =
        JsonParser.parseString(
                Files.readString(env.resolve("schemas/bigquery/logistics/parcel_v1.json")))
            .getAsJsonArray();
    List<String> names = new ArrayList<>();
    columns.forEach(c -> names.add(c.getAsJsonObject().get("name").getAsString()));
    assertThat(names)
        .containsExactly(
            "event_id",
            "operation",
            "occurred_at",
            "publish_time",
            "producer",
            "schema_version",
            "message_id",
            "ingestion_time",
            "trace_id",
            "parcel_id",
            "weight_grams",
            "destination");
    assertThat(env.resolve("schemas/pubsub/parcel_v1.proto")).isRegularFile();
    assertThat(env.resolve("schemas/pubsub/sale_v1.proto")).doesNotExist();
  }

  @Test
  void unreadableContractExitsTwoWithTheReason() throws Exception {
    Path garbage =
        Files.writeString(dir.resolve("contract.desc"), "this is not a descriptor set\n");

    assertThat(run("--contract", garbage.toString(), "--out", dir.resolve("env").toString()))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "entityflow terraform: --contract "
                + garbage
                + ": "
                + garbage
                + " is not a binary FileDescriptorSet: Protocol message end-group tag did not"
                + " match expected tag.\n");
    assertThat(dir.resolve("env")).doesNotExist();
  }

  @Test
  void consumersFileOfTheEnvironmentGivesEachConsumerItsLayoutNamesAndOptions() throws Exception {
    Files.writeString(
        dir.resolve("consumers.yaml"),
        "sale_v1:\n  - loyalty_accrual\n  - name: fraud_check\n    max_delivery_attempts: 5\n");

    assertThat(run("--out", dir.toString())).isZero();

    JsonObject consumers =
        JsonParser.parseString(Files.readString(dir.resolve("consumers.auto.tfvars.json")))
            .getAsJsonObject()
            .getAsJsonObject("consumers");
    assertThat(consumers.keySet())
        .containsExactly("sale_v1_loyalty_accrual", "sale_v1_fraud_check");
    assertThat(consumers.get("sale_v1_fraud_check"))
        .isEqualTo(
            JsonParser.parseString(
                "{\"consumer\": \"fraud_check\", \"entity\": \"acme.retail.sale.v1.Sale\","
                    + " \"topic\": \"sale_v1\", \"subscription\": \"sale_v1_fraud_check\","
                    + " \"dead_letter_topic\": \"sale_v1_fraud_check_dead_letter\","
                    + " \"dead_letter_hold_subscription\":"
                    + " \"sale_v1_fraud_check_dead_letter_hold\", \"replay\": true,"
                    + " \"replay_topic\": \"sale_v1_fraud_check_replay\","
                    + " \"replay_subscription\": \"sale_v1_fraud_check_replay\","
                    + " \"enable_message_ordering\": true, \"max_delivery_attempts\": 5,"
                    + " \"ack_deadline_seconds\": 60, \"minimum_backoff\": \"10s\","
                    + " \"maximum_backoff\": \"600s\"}"));
    assertThat(run("--out", dir.toString(), "--check")).isZero();

    Files.writeString(dir.resolve("consumers.yaml"), "sale_v1: [loyalty_accrual]\n");
    assertThat(run("--out", dir.toString(), "--check")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("  consumers.auto.tfvars.json: content differs from a fresh generation\n");
  }

  @Test
  void withoutConsumersFileTheConsumersMapIsEmpty() throws Exception {
    assertThat(run("--out", dir.toString())).isZero();

    assertThat(Files.readString(dir.resolve("consumers.auto.tfvars.json")))
        .isEqualTo("{\n  \"consumers\": {}\n}\n");
  }

  @Test
  void refusedConsumersFileExitsTwoNamingTheFileAndTheBadValue() throws Exception {
    Path file = Files.writeString(dir.resolve("mine.json"), "{\"sale_v1\": [\"pipeline\"]}");

    assertThat(run("--consumers", file.toString(), "--out", dir.resolve("env").toString()))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith(
            "entityflow terraform: consumers file "
                + file
                + ", sale_v1: consumer name 'pipeline' is not allowed (its resource names would"
                + " collide with the pipeline's or another consumer's); allowed: lower snake case");
    assertThat(dir.resolve("env")).doesNotExist();
  }
}
