package io.entityflow.contract.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Extracts the contract directory of a git ref into a directory, with {@code git archive <ref>
 * <dir>} and {@code tar -x} (no shell), without touching the working tree or the index.
 *
 * <pre>{@code
 * Path protoRoot = new GitContractArchive(repo, "examples/acme-contract/src/main/proto").extract("origin/main", tmp);
 * }</pre>
 *
 * <p>Guarantees: fails with a {@link ContractUnreadableException} carrying git's own message when
 * the ref is unknown or does not contain the directory.
 */
public final class GitContractArchive {
  private final Path repository;
  private final String contractDir;

  /** An archive reader of {@code contractDir} (relative to the repository root). */
  public GitContractArchive(Path repository, String contractDir) {
    this.repository = repository;
    this.contractDir = contractDir;
  }

  /** Whether {@code ref} names a commit of the repository (refs starting with '-' never do). */
  public boolean isRef(String ref) {
    if (ref.startsWith("-")) {
      return false;
    }
    List<String> command =
        List.of(
            "git",
            "-C",
            repository.toString(),
            "rev-parse",
            "--verify",
            "--quiet",
            ref + "^{commit}");
    return run(command).exit == 0;
  }

  /**
   * Extracts the contract directory of {@code ref} into {@code target}.
   *
   * @return the extracted contract directory ({@code target/<contractDir>})
   */
  public Path extract(String ref, Path target) {
    if (!isRef(ref)) {
      throw new ContractUnreadableException(
          "'" + ref + "' is not a commit of the git repository " + repository);
    }
    Path tar = target.resolve("contract.tar");
    Result archive =
        run(
            List.of(
                "git",
                "-C",
                repository.toString(),
                "archive",
                "--format=tar",
                "--output=" + tar,
                ref,
                contractDir));
    if (archive.exit != 0) {
      throw new ContractUnreadableException(
          "cannot read '" + contractDir + "' at git ref '" + ref + "': " + archive.output.strip());
    }
    Result untar = run(List.of("tar", "-x", "-f", tar.toString(), "-C", target.toString()));
    if (untar.exit != 0) {
      throw new ContractUnreadableException(
          "cannot unpack '" + contractDir + "' of git ref '" + ref + "': " + untar.output.strip());
    }
    return target.resolve(contractDir);
  }

  private record Result(int exit, String output) {}

  private static Result run(List<String> command) {
    try {
      Process process =
          new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new ContractUnreadableException("'" + String.join(" ", command) + "' timed out");
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run git: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContractUnreadableException("interrupted while running git", e);
    }
  }

  /** Creates a fresh temporary directory for an extraction. */
  static Path tempDir() {
    try {
      return Files.createTempDirectory("entityflow-contract-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory", e);
    }
  }
}
