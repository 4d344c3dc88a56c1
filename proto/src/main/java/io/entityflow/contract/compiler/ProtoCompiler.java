package io.entityflow.contract.compiler;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import io.entityflow.contract.registry.DescriptorSets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs {@code protoc} on a directory of {@code .proto} files and returns the descriptor set, with
 * imports and source info (comments, line numbers), parsed with Entityflow's options understood.
 * Well-known types ({@code google/protobuf/*.proto}) come from the protobuf-java jar and {@code
 * entityflow/options.proto} from the {@code entityflow-proto} jar, so only the contract's own files
 * are needed (a copy of {@code entityflow/options.proto} in the directory takes precedence).
 *
 * <p>protoc is found in this order: system property {@code entityflow.protoc}, environment variable
 * {@code ENTITYFLOW_PROTOC}, the {@code com.google.protobuf:protoc} executable of the build's
 * protobuf version in the local Maven repository ({@code ./mvnw -pl proto install} downloads it),
 * then {@code protoc} on the {@code PATH}.
 *
 * <pre>{@code
 * FileDescriptorSet set = ProtoCompiler.locate().compile(Path.of("examples/acme-contract/src/main/proto"));
 * EntityRegistry registry = EntityRegistry.fromDescriptorSet(set);
 * }</pre>
 */
public final class ProtoCompiler {
  private static final List<String> WELL_KNOWN =
      List.of(
          "any",
          "api",
          "descriptor",
          "duration",
          "empty",
          "field_mask",
          "source_context",
          "struct",
          "timestamp",
          "type",
          "wrappers");

  private static final String OPTIONS_FILE = "entityflow/options.proto";

  private final Path protoc;

  private ProtoCompiler(Path protoc) {
    this.protoc = protoc;
  }

  /** A compiler using the given protoc executable. */
  public static ProtoCompiler using(Path protoc) {
    return new ProtoCompiler(protoc);
  }

  /**
   * Finds protoc as described in the class documentation.
   *
   * @throws IllegalStateException saying how to get protoc when none is found
   */
  public static ProtoCompiler locate() {
    String configured = System.getProperty("entityflow.protoc", System.getenv("ENTITYFLOW_PROTOC"));
    if (configured != null && !configured.isBlank()) {
      return new ProtoCompiler(Path.of(configured));
    }
    String version = protobufVersion();
    Path repository =
        Path.of(
            System.getProperty(
                "maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
    Path fromMaven =
        repository.resolve(
            "com/google/protobuf/protoc/"
                + version
                + "/protoc-"
                + version
                + "-"
                + classifier()
                + ".exe");
    if (Files.isRegularFile(fromMaven)) {
      return new ProtoCompiler(executableCopy(fromMaven));
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(dir, "protoc");
        if (Files.isExecutable(candidate)) {
          return new ProtoCompiler(candidate);
        }
      }
    }
    throw new IllegalStateException(
        "protoc not found: expected "
            + fromMaven
            + " (run './mvnw -pl proto install' once, which downloads com.google.protobuf:protoc:"
            + version
            + "), or set ENTITYFLOW_PROTOC to a protoc executable");
  }

  /** Compiles every {@code .proto} file under {@code root}. */
  public FileDescriptorSet compile(Path root) {
    List<String> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(p -> p.toString().endsWith(".proto"))
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list .proto files under " + root, e);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no .proto files under " + root);
    }
    return compile(root, files);
  }

  /**
   * Compiles the given files (paths relative to {@code root}).
   *
   * @throws IllegalArgumentException with protoc's own error output when the files do not compile
   */
  public FileDescriptorSet compile(Path root, List<String> files) {
    Path work = null;
    try {
      work = Files.createTempDirectory("entityflow-protoc");
      Path include = work.resolve("include");
      extractWellKnownTypes(include);
      extractResource(OPTIONS_FILE, include);
      Path out = work.resolve("set.desc");
      List<String> command = new ArrayList<>();
      command.add(protoc.toString());
      command.add("--include_imports");
      command.add("--include_source_info");
      command.add("--descriptor_set_out=" + out);
      command.add("--proto_path=" + root.toAbsolutePath());
      command.add("--proto_path=" + include);
      command.addAll(files);
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("protoc did not finish within 120 s");
      }
      if (process.exitValue() != 0) {
        throw new IllegalArgumentException(
            "the .proto files under " + root + " do not compile:\n" + output.strip());
      }
      return DescriptorSets.parse(Files.readAllBytes(out));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + protoc, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running protoc", e);
    } finally {
      deleteQuietly(work);
    }
  }

  /** The protobuf-java version the contract is built with. */
  public static String protobufVersion() {
    try (InputStream in =
        ProtoCompiler.class.getClassLoader().getResourceAsStream("entityflow/build.properties")) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("protobuf.version");
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException(
          "entityflow/build.properties is missing from the classpath", e);
    }
  }

  private static void extractWellKnownTypes(Path include) throws IOException {
    Path dir = Files.createDirectories(include.resolve("google/protobuf"));
    for (String name : WELL_KNOWN) {
      try (InputStream in =
          ProtoCompiler.class
              .getClassLoader()
              .getResourceAsStream("google/protobuf/" + name + ".proto")) {
        if (in != null) {
          Files.copy(in, dir.resolve(name + ".proto"), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void extractResource(String name, Path include) throws IOException {
    try (InputStream in = ProtoCompiler.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "classpath resource " + name + " is missing; it is part of the entityflow-proto jar");
      }
      Path target = include.resolve(name);
      Files.createDirectories(target.getParent());
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Path executableCopy(Path exe) {
    if (Files.isExecutable(exe)) {
      return exe;
    }
    try {
      Path copy = Files.createTempFile("protoc-", ".exe");
      Files.copy(exe, copy, StandardCopyOption.REPLACE_EXISTING);
      copy.toFile().setExecutable(true);
      copy.toFile().deleteOnExit();
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make " + exe + " executable", e);
    }
  }

  private static String classifier() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String osPart = os.contains("mac") ? "osx" : os.contains("win") ? "windows" : "linux";
    String archPart = arch.contains("aarch64") || arch.contains("arm64") ? "aarch_64" : "x86_64";
    return osPart + "-" + archPart;
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete temporary directory " + dir, e);
    }
  }
}
