package io.entityflow.local;

import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.schema.SchemaToolsCli;
import io.entityflow.terraform.TerraformCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One in-process run of an {@code entityflow} command line: its exit code and what it printed, for
 * tests that run the tools exactly as the launcher does, without a child process.
 *
 * <pre>{@code
 * CommandRun check = CommandRun.schemaTools("contract", "check", "proto");
 * assertThat(check.exit()).as("%s", check).isZero();
 * }</pre>
 *
 * @param exit the exit code
 * @param out what the command printed to stdout
 * @param err what the command printed to stderr
 */
record CommandRun(int exit, String out, String err) {

  /** {@code entityflow schema|contract|catalog ...} ({@link SchemaToolsCli}). */
  static CommandRun schemaTools(String... args) {
    return capture((out, err) -> SchemaToolsCli.run(args, out, err));
  }

  /** {@code entityflow terraform ...} ({@link TerraformCli}) from the working directory. */
  static CommandRun terraform(String... args) {
    return capture(
        (out, err) -> TerraformCli.run(args, EntityRegistry.load(), out, err, Path.of("")));
  }

  /** {@code entityflow sql|status ...} ({@link LocalModeCli}) on the given local home. */
  static CommandRun localMode(LocalHome home, String... args) {
    return capture((out, err) -> new LocalModeCli(home, out, err).run(args));
  }

  private static CommandRun capture(BiFunction<PrintStream, PrintStream, Integer> command) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        command.apply(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CommandRun(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The lines printed to stdout. */
  List<String> outLines() {
    return out.lines().toList();
  }

  @Override
  public String toString() {
    return "exit " + exit + "\nstdout:\n" + out + "stderr:\n" + err;
  }
}
