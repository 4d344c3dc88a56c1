package io.entityflow.schema;

import io.entityflow.contract.compiler.ProtoCompiler;
import io.entityflow.contract.source.ContractLoader;
import io.entityflow.contract.source.ContractSnapshot;
import io.entityflow.schema.compare.CheckResult;
import io.entityflow.schema.compare.ContractComparator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Test contracts: the base pair files ({@code pairs/order.proto}, {@code pairs/refund.proto}),
 * edited copies of them, written to fresh directories and compiled with the build's protoc.
 */
public final class ContractFixtures {
  /** Path of the order file inside the contract. */
  public static final String ORDER = "acme/shop/order/v1/order.proto";

  /** Path of the refund file inside the contract. */
  public static final String REFUND = "acme/shop/refund/v1/refund.proto";

  private static ContractSnapshot base;

  private ContractFixtures() {}

  /** The base contract files: order and refund, by path. */
  public static Map<String, String> baseFiles() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(ORDER, resource("pairs/order.proto"));
    files.put(REFUND, resource("pairs/refund.proto"));
    return files;
  }

  /** The base contract, compiled once. */
  public static synchronized ContractSnapshot base() {
    if (base == null) {
      base = compile(baseFiles());
    }
    return base;
  }

  /** Compares the base with a copy of it where {@code from} in the order file became {@code to}. */
  public static CheckResult changeOrder(String from, String to) {
    return compare(baseFiles(), edit(baseFiles(), ORDER, from, to));
  }

  /** Like {@link #changeOrder(String, String)} with several edits: from, to, from, to, ... */
  public static CheckResult changeOrder(String... fromTo) {
    Map<String, String> after = baseFiles();
    for (int i = 0; i < fromTo.length; i += 2) {
      after = edit(after, ORDER, fromTo[i], fromTo[i + 1]);
    }
    return compare(baseFiles(), after);
  }

  /** Compares two contracts given as file contents by path. */
  public static CheckResult compare(Map<String, String> before, Map<String, String> after) {
    ContractSnapshot left = before.equals(baseFiles()) ? base() : compile(before);
    return ContractComparator.compare(left, compile(after));
  }

  /** A copy of {@code files} where {@code from} in {@code path} became {@code to}. */
  public static Map<String, String> edit(
      Map<String, String> files, String path, String from, String to) {
    String text = files.get(path);
    if (!text.contains(from)) {
      throw new IllegalArgumentException("'" + from + "' is not in " + path);
    }
    Map<String, String> copy = new LinkedHashMap<>(files);
    copy.put(path, text.replace(from, to));
    return copy;
  }

  /** Each finding as {@code "<rule id> <file:line>"}, in result order. */
  public static java.util.List<String> ruleAndLocation(CheckResult result) {
    return result.findings().stream().map(f -> f.rule().id() + " " + f.location()).toList();
  }

  /** Writes files (plus entityflow/options.proto) under {@code root}. */
  public static Path write(Map<String, String> files, Path root) {
    try {
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path target = root.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue());
      }
      Path options = root.resolve("entityflow/options.proto");
      Files.createDirectories(options.getParent());
      Files.writeString(options, resource("entityflow/options.proto"));
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compiles contract files in a temporary directory that is deleted afterwards. */
  public static ContractSnapshot compile(Map<String, String> files) {
    Path root = tempDir("entityflow-pair-");
    try {
      write(files, root);
      return ContractLoader.fromDescriptorSet("test", ProtoCompiler.locate().compile(root));
    } finally {
      delete(root);
    }
  }

  /** A fresh temporary directory. */
  public static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a directory tree. */
  public static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A classpath resource as text. */
  public static String resource(String name) {
    try (InputStream in = ContractFixtures.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code git} in {@code repo} and fails with git's output when it exits non-zero. */
  public static void git(Path repo, String... args) throws Exception {
    java.util.List<String> command =
        new java.util.ArrayList<>(java.util.List.of("git", "-C", repo.toString()));
    command.addAll(java.util.List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output =
        new String(
            process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new AssertionError(command + " failed: " + output);
    }
  }
}
