package io.entityflow.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs pinned npm packages into a directory under the module's {@code target/npm} (system
 * property {@code entityflow.npm.prefix}) and runs {@code node} scripts, so the tests need nothing
 * but {@code node} and {@code npm} on the machine.
 *
 * <pre>{@code
 * Path prefix = Npm.prefix().resolve("provider-schema");
 * Npm.install(prefix, List.of("@cdktf/provider-google@16.12.1"));
 * String out = Npm.run(List.of("node", script.toString()), prefix);
 * }</pre>
 *
 * <p>Every package of one prefix must be installed in one call: {@code npm install --no-save}
 * removes what an earlier call installed there.
 */
public final class Npm {
  private static final long TIMEOUT_SECONDS = 600;

  private Npm() {}

  /** The npm prefix of the tests: {@code entityflow.npm.prefix}, {@code target/npm} by default. */
  public static Path prefix() {
    return Path.of(System.getProperty("entityflow.npm.prefix", "target/npm")).toAbsolutePath();
  }

  /** Installs the packages ({@code name@version}) into {@code prefix}, without peer packages. */
  public static void install(Path prefix, List<String> packages)
      throws IOException, InterruptedException {
    Files.createDirectories(prefix);
    List<String> command =
        new ArrayList<>(
            List.of(
                "npm",
                "install",
                "--no-audit",
                "--no-fund",
                "--no-save",
                "--legacy-peer-deps",
                "--prefix",
                prefix.toString()));
    command.addAll(packages);
    run(command, prefix);
  }

  /** Runs a command in {@code dir} and returns its standard output; fails with its error output. */
  public static String run(List<String> command, Path dir)
      throws IOException, InterruptedException {
    Path stderr = Files.createTempFile("npm", ".err");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectError(stderr.toFile())
              .start();
      process.getOutputStream().close();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            command + " did not finish within " + TIMEOUT_SECONDS + " s");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            command + " failed (exit " + process.exitValue() + "): " + Files.readString(stderr));
      }
      return out;
    } finally {
      Files.deleteIfExists(stderr);
    }
  }
}
