package io.entityflow.schema.cli;

import static io.entityflow.schema.ContractFixtures.baseFiles;
import static io.entityflow.schema.ContractFixtures.delete;
import static io.entityflow.schema.ContractFixtures.edit;
import static io.entityflow.schema.ContractFixtures.tempDir;
import static io.entityflow.schema.ContractFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.entityflow.contract.testing.OwnContract;
import io.entityflow.schema.ContractFixtures;
import io.entityflow.schema.SchemaToolsCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The command line: output formats and exit codes 0, 1 and 2. */
class SchemaToolsCliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private Path work;

  @BeforeEach
  void createWorkDir() {
    work = tempDir("entityflow-cli-");
    write(baseFiles(), work.resolve("base"));
  }

  @AfterEach
  void deleteWorkDir() {
    delete(work);
  }

  @Test
  void checkOfACompatibleChangeExitsZeroWithOneLinePerFinding() {
    write(
        edit(
            baseFiles(),
            ContractFixtures.ORDER,
            "bool gift = 12;",
            "bool gift = 12; int32 n = 14;"),
        work.resolve("current"));

    int exit = run("schema", "check", "--against", "base", "--current", "current");

    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "acme/shop/order/v1/order.proto:46: field-added [compatible] field 'n' (14, int32) of"
                + " acme.shop.order.v1.Order was added.\n"
                + "compatible: 1 compatible change(s), nothing breaks\n");
  }

  @Test
  void checkOfABreakingChangeExitsOne() {
    write(
        edit(baseFiles(), ContractFixtures.ORDER, "string note = 3;", "string remark = 3;"),
        work.resolve("current"));

    int exit = run("schema", "check", "--against", "base", "--current", "current");

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .endsWith(
            "breaking: 0 wire-breaking, 1 BigQuery-breaking, 0 compatible change(s); a breaking"
                + " change is allowed only as a new major package (.v2) beside the untouched"
                + " .v1\n");
  }

  @Test
  void jsonFormatListsEveryFindingForMachines() {
    write(
        edit(baseFiles(), ContractFixtures.ORDER, "string note = 3;", "string remark = 3;"),
        work.resolve("current"));

    int exit =
        run("schema", "check", "--against", "base", "--current", "current", "--format", "json");

    JsonObject json =
        JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
    assertThat(exit).isEqualTo(1);
    assertThat(json.get("breaking").getAsBoolean()).isTrue();
    assertThat(json.get("exitCode").getAsInt()).isEqualTo(1);
    JsonObject finding = json.getAsJsonArray("findings").get(0).getAsJsonObject();
    assertThat(finding.get("rule").getAsString()).isEqualTo("field-renamed");
    assertThat(finding.get("severity").getAsString()).isEqualTo("bigquery-breaking");
    assertThat(finding.get("file").getAsString()).isEqualTo("acme/shop/order/v1/order.proto");
    assertThat(finding.get("line").getAsInt()).isEqualTo(25);
    assertThat(finding.get("scope").getAsString()).isEqualTo("acme.shop.order.v1.Order");
    assertThat(json.getAsJsonArray("findings")).hasSize(1);
  }

  @Test
  void githubFormatAnnotatesTheProtoLineInTheRepository() {
    write(
        edit(baseFiles(), ContractFixtures.ORDER, "string note = 3;", "string remark = 3;"),
        work.resolve("current"));

    int exit =
        run("schema", "check", "--against", "base", "--current", "current", "--format", "github");

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith(
            "::error file=current/acme/shop/order/v1/order.proto,line=25,title=field-renamed"
                + " (bigquery-breaking)::field 3 of acme.shop.order.v1.Order was renamed from"
                + " 'note' to 'remark': the BigQuery column 'note' would vanish and break every"
                + " query using it. Fix: keep the name 'note' (document the new meaning in its"
                + " comment), or make the change in a new major package acme.shop.order.v2 beside"
                + " the untouched acme.shop.order.v1\nbreaking: ");
  }

  @Test
  void unreadableInputExitsTwoWithTheReason() {
    int exit = run("schema", "check", "--against", "missing-dir", "--current", "base");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "entityflow: 'missing-dir' is neither a descriptor set file, a directory of .proto"
                + " files nor a git ref of "
                + work
                + "\n");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void unknownFormatExitsTwoNamingTheAllowedOnes() {
    int exit = run("schema", "check", "--against", "base", "--format", "xml");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith(
            "entityflow: --format 'xml' is not supported; allowed: text, json, github\nusage:");
  }

  @Test
  void missingAgainstExitsTwo() {
    int exit = run("schema", "check");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("entityflow: option --against is required\n");
  }

  @Test
  void reportIsWrittenToTheOutFile() throws Exception {
    write(baseFiles(), work.resolve("current"));
    Path report = work.resolve("out/report.md");

    int exit =
        run(
            "schema",
            "report",
            "--against",
            "base",
            "--current",
            "current",
            "--out",
            report.toString());

    assertThat(exit).isZero();
    assertThat(Files.readString(report)).contains("**No contract changes.**");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("wrote " + report + "\n");
  }

  @Test
  void lookmlWritesViewsExploresAndTheModel() throws Exception {
    Path lookml = work.resolve("lookml");

    int exit = run("lookml", "--out", lookml.toString(), "--contract", "base", "--model", "shop");

    assertThat(exit).isZero();
    assertThat(lookml.resolve("views/order_v1.view.lkml")).exists();
    assertThat(lookml.resolve("views/refund_v1_latest.view.lkml")).exists();
    assertThat(lookml.resolve("explores/order_v1.explore.lkml")).exists();
    assertThat(Files.readString(lookml.resolve("shop.model.lkml")))
        .contains("connection: \"entityflow\"\n");
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "wrote the LookML of 2 entities (7 files) to "
                + lookml
                + "; include "
                + lookml.resolve("shop.model.lkml")
                + " or its views/ and explores/ from a Looker project\n");
  }

  @Test
  void lookmlRefusesABadModelName() {
    int exit = run("lookml", "--out", work.resolve("x").toString(), "--model", "Bad Name");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith(
            "entityflow: model name 'Bad Name' is not allowed; allowed: lower-case letters,"
                + " digits and underscores, starting with a letter\n");
  }

  @Test
  void catalogWritesIndexAndEntityPages() {
    Path catalog = work.resolve("catalog");

    int exit = run("catalog", "--out", catalog.toString(), "--contract", "base");

    assertThat(exit).isZero();
    assertThat(catalog.resolve("index.html")).exists();
    assertThat(catalog.resolve("shop/order_v1.md")).exists();
    assertThat(catalog.resolve("shop/refund_v1.html")).exists();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "wrote the catalog of 2 entities (6 files) to "
                + catalog
                + "; open "
                + catalog.resolve("index.html")
                + "\n");
  }

  @Test
  void catalogOfACompanyDescriptorSetDescribesItsOwnEntities() throws Exception {
    Path contract = OwnContract.writeDescriptorSet(work.resolve("contract.desc"));
    Path catalog = work.resolve("catalog");

    int exit = run("catalog", "--out", catalog.toString(), "--contract", contract.toString());

    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "wrote the catalog of 1 entities (4 files) to "
                + catalog
                + "; open "
                + catalog.resolve("index.html")
                + "\n");
    assertThat(Files.readString(catalog.resolve("logistics/parcel_v1.md")))
        .contains("Parcels handed to the depot, with weight and destination.")
        .contains("team-depot")
        .contains("weight_grams");
    assertThat(catalog.resolve("shop")).doesNotExist();
  }

  @Test
  void blockWireLetsAJsonBreakingChangePassAndSaysSo() {
    write(
        edit(
            baseFiles(),
            ContractFixtures.ORDER,
            "string note = 3;",
            "string note = 3 [json_name = \"remark\"];"),
        work.resolve("current"));

    int exit =
        run("schema", "check", "--against", "base", "--current", "current", "--block", "wire");

    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .endsWith(
            "passes: 0 wire-breaking, 1 JSON-breaking, 0 BigQuery-breaking, 0 compatible"
                + " change(s); none of the breaking changes blocks under --block wire\n");
  }

  @Test
  void blockWireJsonFailsOnAJsonNameChange() {
    write(
        edit(
            baseFiles(),
            ContractFixtures.ORDER,
            "string note = 3;",
            "string note = 3 [json_name = \"remark\"];"),
        work.resolve("current"));

    int exit =
        run("schema", "check", "--against", "base", "--current", "current", "--block", "wire-json");

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith(
            "acme/shop/order/v1/order.proto:25: field-json-name-changed [json-breaking] field"
                + " 'note' (3) of acme.shop.order.v1.Order changed its JSON name from 'note' to"
                + " 'remark'");
  }

  @Test
  void nonBlockingBreakingChangeIsAGithubWarningAndMarkedInJson() {
    write(
        edit(baseFiles(), ContractFixtures.ORDER, "string note = 3;", "bytes note = 3;"),
        work.resolve("current"));

    int github =
        run(
            "schema",
            "check",
            "--against",
            "base",
            "--current",
            "current",
            "--block",
            "wire-json",
            "--format",
            "github");
    String annotations = out.toString(StandardCharsets.UTF_8);
    out.reset();
    int json =
        run(
            "schema",
            "check",
            "--against",
            "base",
            "--current",
            "current",
            "--block",
            "wire-json",
            "--format",
            "json");

    assertThat(github).isZero();
    assertThat(annotations)
        .startsWith(
            "::warning file=current/acme/shop/order/v1/order.proto,line=25,"
                + "title=column-type-changed (bigquery-breaking)::");
    JsonObject root =
        JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
    assertThat(json).isZero();
    assertThat(root.get("block").getAsString()).isEqualTo("wire-json");
    assertThat(root.get("breaking").getAsBoolean()).isFalse();
    JsonObject finding = root.getAsJsonArray("findings").get(0).getAsJsonObject();
    assertThat(finding.get("rule").getAsString()).isEqualTo("column-type-changed");
    assertThat(finding.get("blocking").getAsBoolean()).isFalse();
  }

  @Test
  void unknownBlockCategoryIsAUsageError() {
    write(baseFiles(), work.resolve("current"));

    int exit =
        run("schema", "check", "--against", "base", "--current", "current", "--block", "file");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--block 'file' is not supported; allowed: wire, wire-json, bigquery");
  }

  private int run(String... args) {
    String[] withRepo = new String[args.length + 2];
    System.arraycopy(args, 0, withRepo, 0, args.length);
    withRepo[args.length] = "--repo";
    withRepo[args.length + 1] = work.toString();
    return SchemaToolsCli.run(withRepo, print(out), print(err));
  }

  private static PrintStream print(ByteArrayOutputStream buffer) {
    return new PrintStream(buffer, true, StandardCharsets.UTF_8);
  }
}
