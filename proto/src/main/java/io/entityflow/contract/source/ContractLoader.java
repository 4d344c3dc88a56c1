package io.entityflow.contract.source;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.InvalidProtocolBufferException;
import io.entityflow.contract.compiler.ProtoCompiler;
import io.entityflow.contract.registry.ContractException;
import io.entityflow.contract.registry.DescriptorSets;
import io.entityflow.contract.registry.EntityRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Loads a contract from what the user typed ({@code --contract}, {@code --against}): a binary
 * descriptor set file ({@code protoc --descriptor_set_out --include_imports}), a directory of
 * {@code .proto} files, or a git ref of the repository (its {@code
 * examples/acme-contract/src/main/proto}).
 *
 * <pre>{@code
 * ContractLoader loader = ContractLoader.forRepository(Path.of("."));
 * ContractSnapshot base = loader.load("origin/main");
 * ContractSnapshot current = loader.load("examples/acme-contract/src/main/proto");
 * EntityRegistry mine = ContractLoader.registry("build/contract.desc"); // null: the classpath's
 * }</pre>
 *
 * <p>Guarantees: anything that cannot be read ends in a {@link ContractUnreadableException} naming
 * the input and the reason (never a half-loaded contract); temporary directories are deleted.
 */
public final class ContractLoader {
  /**
   * Where the contract lives inside this repository (the example contract); a company's contract
   * repository names its own directory ({@link #forRepository(Path, String)}).
   */
  public static final String CONTRACT_DIR = "examples/acme-contract/src/main/proto";

  private final Path repository;
  private final String contractDir;

  private ContractLoader(Path repository, String contractDir) {
    this.repository = repository;
    this.contractDir = contractDir;
  }

  /** A loader resolving relative paths and git refs against this repository root. */
  public static ContractLoader forRepository(Path repository) {
    return forRepository(repository, CONTRACT_DIR);
  }

  /**
   * A loader for a repository whose {@code .proto} files live in {@code contractDir} (relative to
   * the repository root, e.g. {@code src/main/proto}): the working tree's contract and what a git
   * ref reads.
   */
  public static ContractLoader forRepository(Path repository, String contractDir) {
    return new ContractLoader(repository.toAbsolutePath().normalize(), contractDir);
  }

  /** The contract directory relative to the repository root. */
  public String contractDir() {
    return contractDir;
  }

  /**
   * The registry of the contract at {@code location} (descriptor set file, {@code .proto} directory
   * or git ref of the repository in the working directory); the contract on the classpath ({@link
   * EntityRegistry#load()}) when {@code location} is null or blank.
   *
   * @throws ContractUnreadableException naming the location and the reason
   */
  public static EntityRegistry registry(String location) {
    if (location == null || location.isBlank()) {
      return EntityRegistry.load();
    }
    return forRepository(Path.of("")).load(location).registry();
  }

  /** The working tree's contract directory. */
  public Path workingTreeContract() {
    return repository.resolve(contractDir);
  }

  /** Loads a descriptor set file, a {@code .proto} directory or a git ref, in that order. */
  public ContractSnapshot load(String input) {
    Path path = Path.of(input);
    Path resolved = path.isAbsolute() ? path : repository.resolve(path);
    if (Files.isRegularFile(resolved)) {
      return fromDescriptorSetFile(resolved);
    }
    if (Files.isDirectory(resolved)) {
      return fromDirectory(resolved);
    }
    GitContractArchive git = new GitContractArchive(repository, contractDir);
    if (!git.isRef(input)) {
      throw new ContractUnreadableException(
          "'"
              + input
              + "' is neither a descriptor set file, a directory of .proto files nor a git ref of "
              + repository);
    }
    Path temp = GitContractArchive.tempDir();
    try {
      Path root = git.extract(input, temp);
      return compile("git ref " + input, root);
    } finally {
      delete(temp);
    }
  }

  /** Loads a binary {@code FileDescriptorSet} file. */
  public ContractSnapshot fromDescriptorSetFile(Path file) {
    FileDescriptorSet set;
    try {
      set = DescriptorSets.parse(Files.readAllBytes(file));
    } catch (InvalidProtocolBufferException e) {
      throw new ContractUnreadableException(
          file + " is not a binary FileDescriptorSet: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ContractUnreadableException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return fromDescriptorSet("descriptor set " + file, set);
  }

  /** Compiles a directory of {@code .proto} files with the build's protoc. */
  public ContractSnapshot fromDirectory(Path root) {
    return compile("directory " + root, root);
  }

  /** Links a descriptor set and validates it as a contract. */
  public static ContractSnapshot fromDescriptorSet(String label, FileDescriptorSet set) {
    try {
      return new ContractSnapshot(label, DescriptorSets.link(set));
    } catch (IllegalArgumentException e) {
      throw new ContractUnreadableException(label + " cannot be linked: " + e.getMessage(), e);
    } catch (ContractException e) {
      throw new ContractUnreadableException(
          label + " is not a valid contract: " + e.getMessage(), e);
    }
  }

  private static ContractSnapshot compile(String label, Path root) {
    FileDescriptorSet set;
    try {
      set = ProtoCompiler.locate().compile(root);
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      throw new ContractUnreadableException(label + ": " + e.getMessage(), e);
    }
    return fromDescriptorSet(label, set);
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete temporary directory " + dir, e);
    }
  }
}
