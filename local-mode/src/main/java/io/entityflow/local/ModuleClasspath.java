package io.entityflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The runtime classpath of a module of this repository: its {@code target/classes} plus the {@code
 * target/classpath.txt} every module's build writes.
 *
 * <pre>{@code
 * String cp = ModuleClasspath.of(repository, "alerting");
 * }</pre>
 */
public final class ModuleClasspath {
  private ModuleClasspath() {}

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
