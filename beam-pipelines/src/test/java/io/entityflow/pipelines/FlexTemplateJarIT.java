package io.entityflow.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.google.api.services.dataflow.model.DataflowPackage;
import io.entityflow.pipelines.dataflow.DataflowApiStub;
import io.entityflow.pipelines.dataflow.OfflineDataflow;
import io.entityflow.pipelines.dataflow.TranslatedJob;
import io.entityflow.pipelines.options.EntityTopicsToBigQueryOptions;
import io.entityflow.pipelines.testing.PipelineOptionSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Flex Template launcher jar {@code target/entityflow-pipeline-flex.jar} the way the
 * template's launcher does ({@code java -jar}): its help lists the pipeline's options, and its main
 * class submits the streaming job to the Dataflow API (a loopback stub) staging nothing but itself.
 */
class FlexTemplateJarIT {
  private static final Path JAR = Path.of("target/entityflow-pipeline-flex.jar");

  /** Pipeline arguments that keep start-up free of BigQuery calls (no table check). */
  /** The example contract's descriptor set, built before this module. */
  private static final Path EXAMPLE_CONTRACT =
      Path.of("../examples/acme-contract/target/classes/entityflow/contract.desc");

  private static final List<String> NO_START_UP_PROVISIONING = List.of("--verifyTables=false");

  @Test
  void manifestNamesThePipelineAsMainClass() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo(EntityTopicsToBigQuery.class.getName());
    }
  }

  @Test
  void jarRegistersBothRunnersAndLeavesOutTheLocalWarehouseDatabase() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      String runners =
          new String(
              jar.getInputStream(
                      jar.getEntry(
                          "META-INF/services/org.apache.beam.sdk.runners.PipelineRunnerRegistrar"))
                  .readAllBytes(),
              StandardCharsets.UTF_8);

      assertThat(runners.lines().filter(line -> !line.isBlank() && !line.startsWith("#")))
          .containsExactlyInAnyOrder(
              "org.apache.beam.runners.dataflow.DataflowPipelineRegistrar$Runner",
              "org.apache.beam.runners.direct.DirectRegistrar$Runner");
      assertThat(jar.stream().map(entry -> entry.getName()))
          .noneMatch(name -> name.startsWith("org/duckdb/"))
          .noneMatch(name -> name.startsWith("META-INF/") && name.endsWith(".SF"));
    }
  }

  @Test
  void helpListsEveryOptionOfThePipelineWithItsTypeDefaultAndDescription() throws Exception {
    Run help = java("--help=" + EntityTopicsToBigQueryOptions.class.getName());

    Map<String, String> expected = new LinkedHashMap<>();
    for (PipelineOptionSpec option :
        PipelineOptionSpec.declaredIn(
            EntityTopicsToBigQueryOptions.class,
            EntityTopicsToBigQueryOptions.class.getPackageName())) {
      expected.put(
          option.declaredBy().getName() + " --" + option.name() + "=<" + option.helpType() + ">",
          (option.defaultValue() == null
                  ? ""
                  : ("Default: " + option.defaultValue()).strip() + " | ")
              + option.description());
    }

    assertThat(help.exitCode()).as(help.output()).isZero();
    assertThat(helpEntries(help.output())).containsAllEntriesOf(expected);
  }

  @Test
  void mainSubmitsTheStreamingJobStagingOnlyTheJar(@TempDir Path tempDir) throws Exception {
    try (DataflowApiStub api = DataflowApiStub.start()) {
      List<String> args =
          new ArrayList<>(OfflineDataflow.runnerArgs(api, tempDir, "entityflow-flex-launch"));
      args.add(OfflineDataflow.STREAMING_ENGINE);
      args.add("--entities=Sale,Customer");
      // The launcher jar carries no contract: one image serves every contract version.
      args.add("--contract=" + EXAMPLE_CONTRACT.toAbsolutePath());
      args.addAll(NO_START_UP_PROVISIONING);

      Run launch = java(args.toArray(String[]::new));

      assertThat(launch.exitCode()).as(launch.output()).isZero();
      TranslatedJob job = new TranslatedJob(api.onlySubmittedJob());
      assertThat(api.requests())
          .containsExactly(
              "POST /v1b3/projects/"
                  + OfflineDataflow.PROJECT
                  + "/locations/"
                  + OfflineDataflow.REGION
                  + "/jobs");
      assertThat(job.type()).isEqualTo("JOB_TYPE_STREAMING");
      assertThat(job.pubsubReads())
          .containsExactly(
              entry(
                  "Read sale_v1/PubsubUnboundedSource",
                  "/subscriptions/" + OfflineDataflow.PROJECT + "/sale_v1_pipeline"),
              entry(
                  "Read customer_v1/PubsubUnboundedSource",
                  "/subscriptions/" + OfflineDataflow.PROJECT + "/customer_v1_pipeline"));
      List<DataflowPackage> packages =
          job.job().getEnvironment().getWorkerPools().get(0).getPackages();
      assertThat(packages).hasSize(1);
      assertThat(packages.get(0).getName())
          .matches("entityflow-pipeline-flex-[A-Za-z0-9_-]+\\.jar");
      assertThat(Files.size(tempDir.resolve("staging").resolve(packages.get(0).getName())))
          .isEqualTo(Files.size(JAR));
    }
  }

  /**
   * The option entries of {@code --help} output, keyed {@code "interface --name=<Type>"} (an option
   * can be declared by several interfaces), valued {@code "Default: x | description"} with the
   * description's wrapped lines joined by single spaces.
   */
  static Map<String, String> helpEntries(String output) {
    Map<String, String> entries = new LinkedHashMap<>();
    String section = "";
    String option = null;
    List<String> lines = new ArrayList<>();
    for (String line : (output + "\n").split("\n")) {
      if (option != null && line.startsWith("    ")) {
        lines.add(line.strip());
        continue;
      }
      if (option != null) {
        entries.put(section + " " + option, helpEntry(lines));
        option = null;
      }
      if (line.startsWith("  --")) {
        option = line.strip();
        lines = new ArrayList<>();
      } else if (!line.startsWith(" ") && line.endsWith(":")) {
        section = line.substring(0, line.length() - 1);
      }
    }
    return entries;
  }

  private static String helpEntry(List<String> lines) {
    if (!lines.isEmpty() && lines.get(0).startsWith("Default:")) {
      return lines.get(0) + " | " + String.join(" ", lines.subList(1, lines.size()));
    }
    return String.join(" ", lines);
  }

  private static Run java(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    Path output = Files.createTempFile("flex-jar-", ".out");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly().waitFor();
        throw new IllegalStateException(
            "java -jar did not exit within 5 minutes; output:\n" + Files.readString(output));
      }
      Run run = new Run(process.exitValue(), Files.readString(output));
      System.out.println(String.join(" ", command) + "\n" + run.output());
      return run;
    } finally {
      Files.deleteIfExists(output);
    }
  }

  /** A finished {@code java -jar} run: exit code and output (stdout and stderr). */
  record Run(int exitCode, String output) {}
}
