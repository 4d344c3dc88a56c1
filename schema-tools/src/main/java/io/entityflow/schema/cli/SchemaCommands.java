package io.entityflow.schema.cli;

import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.contract.source.ContractLoader;
import io.entityflow.schema.catalog.DataCatalog;
import io.entityflow.schema.catalog.LineageSources;
import io.entityflow.schema.compare.CheckResult;
import io.entityflow.schema.compare.Finding;
import io.entityflow.schema.compare.Severity;
import io.entityflow.schema.lookml.LookmlOptions;
import io.entityflow.schema.lookml.LookmlProject;
import io.entityflow.schema.report.PullRequestReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The commands {@code schema check}, {@code schema report}, {@code catalog} and {@code lookml}.
 * Each takes its options, writes to the given streams and returns the exit code.
 *
 * <pre>{@code
 * int exit = SchemaCommands.check(List.of("--against", "origin/main"), System.out);
 * }</pre>
 */
public final class SchemaCommands {
  private SchemaCommands() {}

  /**
   * {@code schema check}: one line per finding and a summary ({@code --format text}), a JSON
   * document ({@code json}) or GitHub annotations ({@code github}); exit 0 compatible, 1 breaking.
   */
  public static int check(List<String> argv, PrintStream out) {
    CliArguments args =
        CliArguments.parse(
            argv,
            List.of(
                "against",
                "current",
                "format",
                "repo",
                "contract-dir",
                "block",
                "ignore-unstable-packages"));
    String format = args.oneOf("format", List.of("text", "json", "github"), "text");
    CheckResult result = ComparedContracts.check(args);
    if (format.equals("json")) {
      out.println(CheckJson.of(result));
      return result.exitCode();
    }
    if (format.equals("github")) {
      GithubAnnotations.of(result, ComparedContracts.currentContractDir(args))
          .forEach(out::println);
      out.println(summary(result));
      return result.exitCode();
    }
    for (Finding finding : result.findings()) {
      out.println(finding.text());
    }
    out.println(summary(result));
    return result.exitCode();
  }

  /** {@code schema report}: the Markdown report to stdout or {@code --out}; exit 0. */
  public static int report(List<String> argv, PrintStream out) {
    CliArguments args =
        CliArguments.parse(
            argv,
            List.of(
                "against",
                "current",
                "out",
                "repo",
                "contract-dir",
                "block",
                "ignore-unstable-packages"));
    String markdown = PullRequestReport.markdown(ComparedContracts.check(args));
    if (args.get("out").isPresent()) {
      Path file = Path.of(args.get("out").get());
      write(file, markdown);
      out.println("wrote " + file);
    } else {
      out.print(markdown);
    }
    return CheckResult.COMPATIBLE;
  }

  /**
   * {@code catalog}: writes the catalog of {@code --contract} (default: working tree), with the
   * lineage of each entity from {@code --warehouse} (default {@code .entityflow/warehouse} when it
   * exists), {@code --alert-rules} (default {@code .entityflow/alert-rules.yaml} when it exists),
   * {@code --consumers} and {@code --pipeline-job}.
   */
  public static int catalog(List<String> argv, PrintStream out) {
    CliArguments args =
        CliArguments.parse(
            argv,
            List.of(
                "out",
                "contract",
                "repo",
                "contract-dir",
                "warehouse",
                "alert-rules",
                "consumers",
                "pipeline-job"));
    Path target = Path.of(args.require("out"));
    ContractLoader loader = ComparedContracts.loader(args);
    EntityRegistry registry =
        loader
            .load(args.get("contract").orElse(loader.workingTreeContract().toString()))
            .registry();
    Path home = RepositoryRoot.resolve(args.get("repo")).resolve(".entityflow");
    LineageSources sources;
    try {
      sources =
          LineageSources.read(
              registry,
              file(args, "warehouse", home.resolve("warehouse")),
              file(args, "alert-rules", home.resolve("alert-rules.yaml")),
              args.get("consumers").map(Path::of),
              args.get("pipeline-job").orElse(LineageSources.DEFAULT_PIPELINE_JOB));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    List<Path> written = DataCatalog.of(registry, sources).write(target);
    out.println(
        "wrote the catalog of "
            + registry.entities().size()
            + " entities ("
            + written.size()
            + " files) to "
            + target
            + "; open "
            + target.resolve("index.html"));
    return 0;
  }

  /**
   * {@code lookml}: writes the LookML of {@code --contract} (default: working tree) to {@code
   * --out}, with the optional {@code --model}, {@code --connection}, {@code --pii-connection},
   * {@code --project} and {@code --dataset-prefix}.
   */
  public static int lookml(List<String> argv, PrintStream out) {
    CliArguments args =
        CliArguments.parse(
            argv,
            List.of(
                "out",
                "contract",
                "repo",
                "contract-dir",
                "model",
                "connection",
                "pii-connection",
                "project",
                "dataset-prefix"));
    Path target = Path.of(args.require("out"));
    LookmlOptions options;
    try {
      options =
          new LookmlOptions(
              args.get("model").orElse(LookmlOptions.DEFAULT_MODEL),
              args.get("connection").orElse(LookmlOptions.DEFAULT_CONNECTION),
              args.get("project").orElse(""),
              args.get("dataset-prefix").orElse(""),
              args.get("pii-connection").orElse(""));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    ContractLoader loader = ComparedContracts.loader(args);
    EntityRegistry registry =
        loader
            .load(args.get("contract").orElse(loader.workingTreeContract().toString()))
            .registry();
    List<Path> written = LookmlProject.of(registry, options).write(target);
    Path piiModel = target.resolve(options.piiModel() + ".model.lkml");
    out.println(
        "wrote the LookML of "
            + registry.entities().size()
            + " entities ("
            + written.size()
            + " files) to "
            + target
            + "; include "
            + target.resolve(options.model() + ".model.lkml")
            + " or its views/ and explores/ from a Looker project"
            + (written.contains(piiModel)
                ? "; PII readers only: " + piiModel + " (decrypted views)"
                : ""));
    return 0;
  }

  /** The option's path (which must exist), else {@code fallback} when it exists, else none. */
  private static Optional<Path> file(CliArguments args, String option, Path fallback) {
    if (args.get(option).isPresent()) {
      Path path = Path.of(args.get(option).get());
      if (!Files.exists(path)) {
        throw new UsageException("--" + option + " " + path + " does not exist");
      }
      return Optional.of(path);
    }
    return Files.exists(fallback) ? Optional.of(fallback) : Optional.empty();
  }

  static String summary(CheckResult result) {
    long wire = count(result, Severity.WIRE_BREAKING);
    long json = count(result, Severity.JSON_BREAKING);
    long bigquery = count(result, Severity.BIGQUERY_BREAKING);
    long compatible = count(result, Severity.COMPATIBLE);
    if (result.findings().isEmpty()) {
      return "compatible: no contract changes";
    }
    if (wire + json + bigquery == 0) {
      return "compatible: " + compatible + " compatible change(s), nothing breaks";
    }
    String counts =
        wire
            + " wire-breaking, "
            + (json > 0 ? json + " JSON-breaking, " : "")
            + bigquery
            + " BigQuery-breaking, "
            + compatible
            + " compatible change(s)";
    long notBlocking = wire + json + bigquery - result.blockingFindings().size();
    String policy =
        "--block "
            + result.policy().block().id()
            + (result.policy().ignoreUnstablePackages() ? " with unstable packages ignored" : "");
    if (!result.breaking()) {
      return "passes: " + counts + "; none of the breaking changes blocks under " + policy;
    }
    return "breaking: "
        + counts
        + (notBlocking > 0 ? "; " + notBlocking + " of them do not block under " + policy : "")
        + "; a breaking change is allowed only as a new major package"
        + " (.v2) beside the untouched .v1";
  }

  private static long count(CheckResult result, Severity severity) {
    return result.findings().stream().filter(f -> f.severity() == severity).count();
  }

  private static void write(Path file, String text) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
