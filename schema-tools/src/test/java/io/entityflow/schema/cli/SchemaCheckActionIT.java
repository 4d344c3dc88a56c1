package io.entityflow.schema.cli;

import static io.entityflow.schema.ContractFixtures.ORDER;
import static io.entityflow.schema.ContractFixtures.baseFiles;
import static io.entityflow.schema.ContractFixtures.delete;
import static io.entityflow.schema.ContractFixtures.git;
import static io.entityflow.schema.ContractFixtures.tempDir;
import static io.entityflow.schema.ContractFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The reusable action {@code .github/actions/schema-check} as a company's repository runs it: its
 * report and check steps are run with bash in a contract repository of another layout ({@code
 * src/main/proto}, base branch {@code main}), with {@code .entityflow-tools} being this checkout,
 * as the action's checkout step would make it.
 */
class SchemaCheckActionIT {
  private static final Path ENTITYFLOW =
      Path.of(System.getProperty("entityflow.repository.root", "..")).toAbsolutePath().normalize();
  private static final Path ACTION = ENTITYFLOW.resolve(".github/actions/schema-check/action.yml");

  private Path repo;
  private Path runnerTemp;

  @BeforeEach
  void companyRepository() throws Exception {
    repo = tempDir("company-contract-");
    runnerTemp = tempDir("runner-temp-");
    write(baseFiles(), repo.resolve("src/main/proto"));
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", ".");
    git(
        repo,
        "-c",
        "user.name=test",
        "-c",
        "user.email=test@example.com",
        "commit",
        "-q",
        "-m",
        "v1");
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD");
    Files.createSymbolicLink(repo.resolve(".entityflow-tools"), ENTITYFLOW);
  }

  @AfterEach
  void cleanUp() throws Exception {
    Files.deleteIfExists(repo.resolve(".entityflow-tools"));
    delete(repo);
    delete(runnerTemp);
  }

  @Test
  void renamedFieldFailsTheCheckStepWithAnAnnotationAndTheReportLandsInTheSummary()
      throws Exception {
    Path order = repo.resolve("src/main/proto").resolve(ORDER);
    Files.writeString(
        order, Files.readString(order).replace("string note = 3;", "string remark = 3;"));
    Path summary = runnerTemp.resolve("summary.md");

    Step report = runStep("Report against the base branch", summary);
    Step check = runStep("Check against the base branch (fails on breaking changes)", summary);

    assertThat(report.exit()).as(report.output()).isZero();
    assertThat(Files.readString(summary))
        .contains("**field-renamed** (bigquery-breaking)")
        .contains("acme/shop/order/v1/order.proto:25");
    assertThat(check.exit()).as(check.output()).isEqualTo(1);
    assertThat(check.output())
        .contains(
            "::error file=src/main/proto/acme/shop/order/v1/order.proto,line=25,"
                + "title=field-renamed (bigquery-breaking)::");
  }

  @Test
  void unchangedContractPassesTheCheckStep() throws Exception {
    Step check =
        runStep(
            "Check against the base branch (fails on breaking changes)",
            runnerTemp.resolve("summary.md"));

    assertThat(check.exit()).as(check.output()).isZero();
    assertThat(check.output()).endsWith("compatible: no contract changes\n");
  }

  @Test
  void blockWireInputLetsARenamePassWithAWarning() throws Exception {
    Path order = repo.resolve("src/main/proto").resolve(ORDER);
    Files.writeString(
        order, Files.readString(order).replace("string note = 3;", "string remark = 3;"));

    Step check =
        runStep(
            "Check against the base branch (fails on breaking changes)",
            runnerTemp.resolve("summary.md"),
            Map.of("block", "wire"));

    assertThat(check.exit()).as(check.output()).isZero();
    assertThat(check.output())
        .contains(
            "::warning file=src/main/proto/acme/shop/order/v1/order.proto,line=25,"
                + "title=field-renamed (bigquery-breaking)::");
  }

  private record Step(int exit, String output) {}

  private Step runStep(String name, Path summary) throws Exception {
    return runStep(name, summary, Map.of());
  }

  /**
   * Runs the named step's script with its {@code env:} block resolved as GitHub would: {@code
   * inputs.X} from {@code inputs} or the action's default, {@code github.base_ref} = main.
   */
  @SuppressWarnings("unchecked")
  private Step runStep(String name, Path summary, Map<String, String> given) throws Exception {
    Map<String, Object> action = new Yaml().load(Files.readString(ACTION));
    List<Map<String, Object>> steps =
        (List<Map<String, Object>>) ((Map<String, Object>) action.get("runs")).get("steps");
    Map<String, Object> step =
        steps.stream().filter(s -> name.equals(s.get("name"))).findFirst().orElseThrow();
    assertThat(step.get("shell")).isEqualTo("bash");
    Map<String, Object> inputs = (Map<String, Object>) action.get("inputs");
    assertThat(inputs.keySet()).containsAll(given.keySet());

    ProcessBuilder bash =
        new ProcessBuilder("bash", "-eo", "pipefail", "-c", (String) step.get("run"))
            .directory(repo.toFile())
            .redirectErrorStream(true);
    bash.environment().put("GITHUB_WORKSPACE", repo.toString());
    bash.environment().put("GITHUB_STEP_SUMMARY", summary.toString());
    bash.environment().put("RUNNER_TEMP", runnerTemp.toString());
    Map<String, Object> env = (Map<String, Object>) step.get("env");
    for (Map.Entry<String, Object> variable : env.entrySet()) {
      String expression = String.valueOf(variable.getValue());
      Matcher input = INPUT.matcher(expression);
      String value;
      if (input.matches()) {
        String inputName = input.group(1);
        value =
            given.getOrDefault(
                inputName,
                String.valueOf(((Map<String, Object>) inputs.get(inputName)).get("default")));
        if (value.equals("${{ github.base_ref }}")) {
          value = "main";
        }
      } else {
        value = expression;
      }
      bash.environment().put(variable.getKey(), value);
    }
    Process process = bash.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Step(process.waitFor(), output);
  }

  private static final Pattern INPUT = Pattern.compile("\\$\\{\\{ inputs\\.([a-z-]+) }}");
}
