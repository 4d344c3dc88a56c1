package io.entityflow.schema.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Finds the repository the commands work on: the {@code --repo} option, else the git top level of
 * the current directory, else the current directory.
 *
 * <pre>{@code
 * Path repo = RepositoryRoot.resolve(args.get("repo"));
 * }</pre>
 */
public final class RepositoryRoot {
  private RepositoryRoot() {}

  /** The repository root. */
  public static Path resolve(java.util.Optional<String> option) {
    if (option.isPresent()) {
      return Path.of(option.get()).toAbsolutePath().normalize();
    }
    Path cwd = Path.of("").toAbsolutePath();
    try {
      Process git =
          new ProcessBuilder("git", "-C", cwd.toString(), "rev-parse", "--show-toplevel")
              .redirectErrorStream(true)
              .start();
      String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0) {
        return Path.of(output.strip());
      }
      git.destroyForcibly();
      return cwd;
    } catch (IOException e) {
      return cwd;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return cwd;
    }
  }
}
