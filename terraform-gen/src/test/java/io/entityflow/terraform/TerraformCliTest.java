package io.entityflow.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.contract.registry.EntityRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        .isEqualTo("entityflow terraform: 19 generated files up to date in " + dir + "\n");
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
                + " --help\nusage: entityflow terraform [--out DIR] [--check]\n");
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
}
