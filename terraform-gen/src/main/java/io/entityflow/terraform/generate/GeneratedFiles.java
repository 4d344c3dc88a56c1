package io.entityflow.terraform.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files one generation produces: relative path (with {@code /}) to exact content. Written into
 * an environment directory, or compared with the copies committed there.
 *
 * <pre>{@code
 * GeneratedFiles files = TerraformGenerator.generate(EntityRegistry.load());
 * files.writeTo(Path.of("terraform/environments/example"));
 * List<Drift> drift = files.driftFrom(Path.of("terraform/environments/example"));
 * }</pre>
 *
 * <p>Guarantees: paths are sorted; the content map is unmodifiable; the drift check reports every
 * missing, changed and stale generated file (a stale file is one under a generated directory that
 * this generation no longer produces, e.g. the schema of a removed entity).
 */
public final class GeneratedFiles {
  private final Map<String, String> files;
  private final List<String> generatedDirectories;

  GeneratedFiles(Map<String, String> files, List<String> generatedDirectories) {
    this.files = Collections.unmodifiableMap(new TreeMap<>(files));
    this.generatedDirectories = List.copyOf(generatedDirectories);
  }

  /** Relative path to content, sorted by path. */
  public Map<String, String> files() {
    return files;
  }

  /** The content of one generated file. */
  public String content(String relativePath) {
    String content = files.get(relativePath);
    if (content == null) {
      throw new IllegalArgumentException(
          "'" + relativePath + "' is not a generated file; generated: " + files.keySet());
    }
    return content;
  }

  /**
   * Writes every file under {@code directory} and deletes stale files under the generated
   * directories, so the directory ends up exactly as generated. Returns the paths written.
   */
  public List<Path> writeTo(Path directory) throws IOException {
    for (Drift drift : driftFrom(directory)) {
      if (drift.kind() == Drift.Kind.STALE) {
        Files.delete(directory.resolve(drift.path()));
      }
    }
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = directory.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
      written.add(target);
    }
    return written;
  }

  /** Every difference between this generation and the files under {@code directory}. */
  public List<Drift> driftFrom(Path directory) throws IOException {
    List<Drift> drift = new ArrayList<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path existing = directory.resolve(file.getKey());
      if (!Files.isRegularFile(existing)) {
        drift.add(new Drift(file.getKey(), Drift.Kind.MISSING));
      } else if (!Files.readString(existing, StandardCharsets.UTF_8).equals(file.getValue())) {
        drift.add(new Drift(file.getKey(), Drift.Kind.CHANGED));
      }
    }
    for (String generated : generatedDirectories) {
      Path root = directory.resolve(generated);
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(Files::isRegularFile)
            .map(p -> directory.relativize(p).toString().replace('\\', '/'))
            .filter(p -> !files.containsKey(p))
            .sorted()
            .forEach(p -> drift.add(new Drift(p, Drift.Kind.STALE)));
      }
    }
    return drift;
  }
}
