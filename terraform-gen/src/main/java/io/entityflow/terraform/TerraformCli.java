package io.entityflow.terraform;

import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.contract.source.ContractLoader;
import io.entityflow.contract.source.ContractUnreadableException;
import io.entityflow.terraform.consumers.ConsumerSpec;
import io.entityflow.terraform.consumers.ConsumersFile;
import io.entityflow.terraform.generate.Drift;
import io.entityflow.terraform.generate.GeneratedFiles;
import io.entityflow.terraform.generate.TerraformGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code entityflow terraform [--out DIR] [--check] [--contract X] [--consumers FILE]}: writes (or
 * checks) the generated Terraform inputs of the example environment from the compiled contract, or
 * from the company's contract {@code --contract} names (descriptor set file, {@code .proto}
 * directory or git ref, see {@link ContractLoader}), and the consumers' inputs from the consumers
 * file ({@link ConsumersFile}; by default the first of {@link ConsumersFile#DEFAULT_NAMES} in the
 * environment directory, none = no consumers).
 *
 * <pre>{@code
 * ./entityflow terraform                      # regenerate terraform/environments/example
 * ./entityflow terraform --check              # exit 1 and list the files when they drifted
 * ./entityflow terraform --out /tmp/env       # write elsewhere
 * ./entityflow terraform --contract build/contract.desc --out ../infra/prod
 * ./entityflow terraform --consumers ../infra/prod/consumers.yaml --out ../infra/prod
 * }</pre>
 *
 * <p>Exit codes: 0 done (or no drift), 1 drift found by {@code --check}, 2 bad arguments or an I/O
 * error (a consumers file it refuses included). Never deletes anything outside the generated {@code
 * schemas/} directory of the target.
 */
public final class TerraformCli {
  /**
   * The environment written when {@code --out} is not given: this path under the working directory
   * or its nearest parent that has it (so the command works from any directory of the repository).
   */
  public static final String DEFAULT_OUT = "terraform/environments/example";

  private static final String USAGE =
      "usage: entityflow terraform [--out DIR] [--check]"
          + " [--contract <descriptor set|dir of .proto|git ref>] [--consumers FILE]";

  private TerraformCli() {}

  /** Entry point. */
  public static void main(String[] args) {
    System.exit(run(args, EntityRegistry.load(), System.out, System.err, Path.of("")));
  }

  /**
   * Runs the command and returns its exit code; {@code registry} is the contract used without
   * {@code --contract}; {@code workingDirectory} is where the default environment is looked up from
   * and what a relative {@code --contract} path or git ref refers to.
   */
  public static int run(
      String[] args,
      EntityRegistry registry,
      PrintStream out,
      PrintStream err,
      Path workingDirectory) {
    Path dir = defaultOut(workingDirectory);
    boolean check = false;
    String contract = null;
    Path consumersFile = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--check" -> check = true;
        case "--out" -> {
          if (i + 1 >= args.length) {
            err.println("entityflow terraform: --out needs a directory\n" + USAGE);
            return 2;
          }
          dir = Path.of(args[++i]);
        }
        case "--contract" -> {
          if (i + 1 >= args.length) {
            err.println(
                "entityflow terraform: --contract needs a descriptor set file, a directory of"
                    + " .proto files or a git ref\n"
                    + USAGE);
            return 2;
          }
          contract = args[++i];
        }
        case "--consumers" -> {
          if (i + 1 >= args.length) {
            err.println(
                "entityflow terraform: --consumers needs a consumers file (YAML or JSON)\n"
                    + USAGE);
            return 2;
          }
          consumersFile = workingDirectory.resolve(args[++i]);
        }
        case "-h", "--help" -> {
          out.println(USAGE);
          return 0;
        }
        default -> {
          err.println(
              "entityflow terraform: unknown argument '"
                  + args[i]
                  + "'; allowed: --out DIR, --check, --contract X, --consumers FILE,"
                  + " --help\n"
                  + USAGE);
          return 2;
        }
      }
    }
    if (contract != null) {
      try {
        registry = ContractLoader.forRepository(workingDirectory).load(contract).registry();
      } catch (ContractUnreadableException e) {
        err.println("entityflow terraform: --contract " + contract + ": " + e.getMessage());
        return 2;
      }
    }
    if (consumersFile == null) {
      consumersFile = ConsumersFile.find(dir).orElse(null);
    }
    List<ConsumerSpec> consumers = List.of();
    if (consumersFile != null) {
      try {
        consumers = ConsumersFile.read(consumersFile, registry);
      } catch (IOException e) {
        err.println("entityflow terraform: cannot read consumers file " + consumersFile + ": " + e);
        return 2;
      } catch (IllegalArgumentException e) {
        err.println("entityflow terraform: " + e.getMessage());
        return 2;
      }
    }
    GeneratedFiles files = TerraformGenerator.generate(registry, consumers);
    try {
      if (check) {
        List<Drift> drift = files.driftFrom(dir);
        if (drift.isEmpty()) {
          out.println(
              "entityflow terraform: "
                  + files.files().size()
                  + " generated files up to date in "
                  + dir);
          return 0;
        }
        err.println(
            "entityflow terraform: "
                + drift.size()
                + " generated file(s) in "
                + dir
                + " differ from the contract; run 'entityflow terraform --out "
                + dir
                + "' and commit the result:");
        drift.forEach(d -> err.println("  " + d.describe()));
        return 1;
      }
      for (Path written : files.writeTo(dir)) {
        out.println("wrote " + written);
      }
      return 0;
    } catch (IOException e) {
      err.println("entityflow terraform: cannot access " + dir + ": " + e);
      return 2;
    }
  }

  /** {@link #DEFAULT_OUT} under the nearest of the directory and its parents that has it. */
  static Path defaultOut(Path workingDirectory) {
    Path start = workingDirectory.toAbsolutePath().normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(DEFAULT_OUT))) {
        return workingDirectory.resolve(start.relativize(dir)).resolve(DEFAULT_OUT).normalize();
      }
    }
    return workingDirectory.resolve(DEFAULT_OUT);
  }
}
