package io.entityflow.contract.registry;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every contract artifact on a classpath and merges their descriptor sets into one. A
 * contract artifact is a jar with the generated classes and the descriptor set (with imports) at
 * {@value EntityRegistry#CONTRACT_RESOURCE}; {@code entityflow-proto} is one, a company's own
 * contract repository builds another.
 *
 * <pre>{@code
 * FileDescriptorSet merged = ContractArtifacts.merge(getClass().getClassLoader());
 * EntityRegistry registry = EntityRegistry.fromDescriptorSet(merged);
 * }</pre>
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>a file present in several artifacts with the same declarations is taken once (comments and
 *       line numbers may differ; the first artifact's are kept);
 *   <li>the same file name with different declarations is refused with a {@link ContractException}
 *       of rule {@link ContractRule#CONFLICTING_FILE} naming both resources, every conflict at
 *       once;
 *   <li>files of Protobuf itself ({@code google/protobuf/...}) and {@code entityflow/options.proto}
 *       are never a conflict: they differ between protoc and Entityflow versions, and linking uses
 *       the running Entityflow's own copies of them anyway;
 *   <li>files keep the order of the classpath, then of each set.
 * </ul>
 */
public final class ContractArtifacts {
  private static final String OPTIONS_FILE = "entityflow/options.proto";

  private ContractArtifacts() {}

  /**
   * The merged descriptor set of every {@value EntityRegistry#CONTRACT_RESOURCE} resource {@code
   * loader} sees.
   *
   * @throws IllegalStateException when there is none, saying where it was looked for and how to add
   *     a contract artifact, or when one is not a descriptor set
   * @throws ContractException when two artifacts hold different files of the same name
   */
  public static FileDescriptorSet merge(ClassLoader loader) {
    List<URL> resources;
    try {
      resources = Collections.list(loader.getResources(EntityRegistry.CONTRACT_RESOURCE));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot list the classpath resources " + EntityRegistry.CONTRACT_RESOURCE, e);
    }
    if (resources.isEmpty()) {
      throw new IllegalStateException(
          "no contract on the classpath: no resource "
              + EntityRegistry.CONTRACT_RESOURCE
              + " was found; add a contract artifact as a dependency (a jar with the generated"
              + " classes and the descriptor set with imports at "
              + EntityRegistry.CONTRACT_RESOURCE
              + ", e.g. examples/acme-contract or your own contract built like it, see proto/README.md),"
              + " or give the contract explicitly with --contract <descriptor set|dir of .proto>");
    }
    Map<String, FileDescriptorSet> sets = new LinkedHashMap<>();
    for (URL resource : resources) {
      sets.put(resource.toString(), read(resource));
    }
    return merge(sets);
  }

  /**
   * Merges descriptor sets, keyed by where each came from (shown in conflicts), as described in the
   * class documentation.
   *
   * @throws ContractException when two sets hold different files of the same name
   */
  public static FileDescriptorSet merge(Map<String, FileDescriptorSet> sets) {
    Map<String, FileDescriptorProto> files = new LinkedHashMap<>();
    Map<String, String> origins = new LinkedHashMap<>();
    List<ContractViolation> conflicts = new ArrayList<>();
    for (Map.Entry<String, FileDescriptorSet> set : sets.entrySet()) {
      for (FileDescriptorProto file : set.getValue().getFileList()) {
        FileDescriptorProto first = files.putIfAbsent(file.getName(), file);
        if (first == null) {
          origins.put(file.getName(), set.getKey());
        } else if (!exempt(file.getName()) && !sameDeclarations(first, file)) {
          conflicts.add(conflict(file, origins.get(file.getName()), set.getKey()));
        }
      }
    }
    if (!conflicts.isEmpty()) {
      throw new ContractException(conflicts);
    }
    return FileDescriptorSet.newBuilder().addAllFile(files.values()).build();
  }

  private static FileDescriptorSet read(URL resource) {
    try (InputStream in = resource.openStream()) {
      return FileDescriptorSet.parseFrom(in, DescriptorSets.extensions());
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read the contract descriptor set "
              + resource
              + ": "
              + e.getMessage()
              + "; allowed: a binary FileDescriptorSet (protoc --descriptor_set_out"
              + " --include_imports)",
          e);
    }
  }

  private static boolean exempt(String fileName) {
    return fileName.startsWith("google/protobuf/") || fileName.equals(OPTIONS_FILE);
  }

  private static boolean sameDeclarations(FileDescriptorProto a, FileDescriptorProto b) {
    return a.toBuilder()
        .clearSourceCodeInfo()
        .build()
        .equals(b.toBuilder().clearSourceCodeInfo().build());
  }

  private static ContractViolation conflict(FileDescriptorProto file, String first, String second) {
    String scope = file.getPackage().isEmpty() ? "(no package)" : file.getPackage();
    return new ContractViolation(
        file.getName(),
        scope,
        ContractRule.CONFLICTING_FILE,
        "file '"
            + file.getName()
            + "' differs between "
            + first
            + " and "
            + second
            + "; allowed: the same file name in several contract artifacts only with identical"
            + " declarations (take shared files from one artifact both depend on, or give each"
            + " artifact's files paths of their own)");
  }
}
