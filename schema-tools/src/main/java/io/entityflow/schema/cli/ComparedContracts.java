package io.entityflow.schema.cli;

import io.entityflow.contract.source.ContractLoader;
import io.entityflow.schema.compare.Category;
import io.entityflow.schema.compare.CheckPolicy;
import io.entityflow.schema.compare.CheckResult;
import io.entityflow.schema.compare.ContractComparator;
import java.nio.file.Path;

/**
 * Loads the two sides named by {@code --against} and {@code --current} (default: the working tree's
 * {@code examples/acme-contract/src/main/proto}) and compares them under the policy of {@code
 * --block} and {@code --ignore-unstable-packages}; shared by check and report.
 *
 * <pre>{@code
 * CheckResult result = ComparedContracts.check(args);
 * }</pre>
 */
final class ComparedContracts {
  private ComparedContracts() {}

  /**
   * Where the current contract's files live relative to the repository: the {@code --current}
   * directory when it is inside the repository, else {@code examples/acme-contract/src/main/proto}.
   */
  static String currentContractDir(CliArguments args) {
    Path repo = RepositoryRoot.resolve(args.get("repo"));
    String contractDir = contractDir(args);
    if (args.get("current").isEmpty()) {
      return contractDir;
    }
    Path current = repo.resolve(args.get("current").get()).toAbsolutePath().normalize();
    return java.nio.file.Files.isDirectory(current) && current.startsWith(repo)
        ? repo.relativize(current).toString().replace('\\', '/')
        : contractDir;
  }

  /** {@code --contract-dir}: the repository's contract directory, default the example contract. */
  static String contractDir(CliArguments args) {
    return args.get("contract-dir").orElse(ContractLoader.CONTRACT_DIR);
  }

  /** The loader of {@code --repo} and {@code --contract-dir}. */
  static ContractLoader loader(CliArguments args) {
    return ContractLoader.forRepository(
        RepositoryRoot.resolve(args.get("repo")), contractDir(args));
  }

  static CheckResult check(CliArguments args) {
    ContractLoader loader = loader(args);
    String against = args.require("against");
    String current = args.get("current").orElse(loader.workingTreeContract().toString());
    return ContractComparator.compare(loader.load(against), loader.load(current))
        .withPolicy(policy(args));
  }

  /** {@code --block} (default {@code bigquery}) and {@code --ignore-unstable-packages}. */
  static CheckPolicy policy(CliArguments args) {
    String block = args.oneOf("block", Category.ids(), Category.BIGQUERY.id());
    String unstable =
        args.oneOf("ignore-unstable-packages", java.util.List.of("true", "false"), "false");
    return new CheckPolicy(Category.of(block), Boolean.parseBoolean(unstable));
  }
}
