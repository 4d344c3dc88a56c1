package io.entityflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The runtime classpath of a module of this repository: its {@code target/classes} plus the {@code
 * target/classpath.txt} every module's build writes; for the pipeline and alerting, also the
 * contract artifact the demo runs on ({@value #EXAMPLE_CONTRACT}), since both read the contract
 * from their classpath as in production.
 *
 * <pre>{@code
 * String cp = ModuleClasspath.of(repository, "demo-service");
 * String pipeline = ModuleClasspath.withContract(repository, "beam-pipelines");
 * }</pre>
 */
public final class ModuleClasspath {
  /** The module of the example contract the demo publishes. */
  public static final String EXAMPLE_CONTRACT = "examples/acme-contract";

  private ModuleClasspath() {}

  /** The classpath of {@code module} followed by the example contract's classes. */
  public static String withContract(Path repository, String module) {
    Path contract = repository.resolve(EXAMPLE_CONTRACT).resolve("target/classes");
    if (!Files.isDirectory(contract)) {
      throw new IllegalStateException(
          "the example contract is not built (missing "
              + contract
              + "); run './mvnw -DskipTests -pl "
              + EXAMPLE_CONTRACT
              + " -am install' from "
              + repository);
    }
    return of(repository, module) + java.io.File.pathSeparator + contract;
  }

  /**
   * The classpath of {@code module}.
   *
   * @throws IllegalStateException saying how to build the module when it is not built
   */
  public static String of(Path repository, String module) {
    Path classes = repository.resolve(module).resolve("target/classes");
    Path list = repository.resolve(module).resolve("target/classpath.txt");
    if (!Files.isDirectory(classes) || !Files.isRegularFile(list)) {
      throw new IllegalStateException(
          "module '"
              + module
              + "' is not built (missing "
              + list
              + "); run './mvnw -DskipTests -pl "
              + module
              + " -am install' from "
              + repository);
    }
    try {
      String dependencies = Files.readString(list).strip();
      return dependencies.isEmpty()
          ? classes.toString()
          : classes + java.io.File.pathSeparator + dependencies;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + list, e);
    }
  }
}
