package io.entityflow.contract.registry;

import com.google.protobuf.Any;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Duration;
import com.google.protobuf.Empty;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Int64Value;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import io.entityflow.contract.options.EntityflowOptionsProto;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads binary {@link FileDescriptorSet}s (what {@code protoc --descriptor_set_out} and the build
 * write) with Entityflow's options understood, and links them into {@link FileDescriptor}s.
 *
 * <pre>{@code
 * List<FileDescriptor> files = DescriptorSets.link(DescriptorSets.parse(bytes));
 * }</pre>
 *
 * <p>Well-known types and {@code entityflow/options.proto} link to the compiled classes, so that
 * descriptors compare equal to the generated ones.
 */
public final class DescriptorSets {
  /**
   * The classpath resource of a contract artifact; see {@link EntityRegistry#CONTRACT_RESOURCE}.
   */
  public static final String CONTRACT_RESOURCE = EntityRegistry.CONTRACT_RESOURCE;

  private static final ExtensionRegistry EXTENSIONS = ExtensionRegistry.newInstance();

  private static final Map<String, FileDescriptor> BUILT_IN = new LinkedHashMap<>();

  static {
    EntityflowOptionsProto.registerAllExtensions(EXTENSIONS);
    for (FileDescriptor file :
        List.of(
            DescriptorProtos.getDescriptor(),
            EntityflowOptionsProto.getDescriptor(),
            Timestamp.getDescriptor().getFile(),
            Duration.getDescriptor().getFile(),
            Int64Value.getDescriptor().getFile(),
            Struct.getDescriptor().getFile(),
            Any.getDescriptor().getFile(),
            FieldMask.getDescriptor().getFile(),
            Empty.getDescriptor().getFile())) {
      BUILT_IN.put(file.getName(), file);
    }
  }

  private DescriptorSets() {}

  /** The extension registry that knows Entityflow's options. */
  public static ExtensionRegistry extensions() {
    return EXTENSIONS;
  }

  /** Parses a binary descriptor set. */
  public static FileDescriptorSet parse(byte[] bytes) throws InvalidProtocolBufferException {
    return FileDescriptorSet.parseFrom(bytes, EXTENSIONS);
  }

  /**
   * The merged descriptor set of every contract artifact on this class's classpath (see {@link
   * ContractArtifacts#merge(ClassLoader)}).
   */
  public static FileDescriptorSet contract() {
    return ContractArtifacts.merge(DescriptorSets.class.getClassLoader());
  }

  /**
   * Links every file of a set. Files must appear with all their imports (a set written with {@code
   * --include_imports}); well-known types may be left out.
   *
   * @throws IllegalArgumentException naming the file when an import is missing or a file is invalid
   */
  public static List<FileDescriptor> link(FileDescriptorSet set) {
    Map<String, FileDescriptorProto> byName = new LinkedHashMap<>();
    for (FileDescriptorProto file : set.getFileList()) {
      byName.put(file.getName(), file);
    }
    Map<String, FileDescriptor> linked = new LinkedHashMap<>();
    List<FileDescriptor> result = new ArrayList<>();
    for (String name : byName.keySet()) {
      result.add(link(name, byName, linked, new HashSet<>()));
    }
    return result;
  }

  private static FileDescriptor link(
      String name,
      Map<String, FileDescriptorProto> byName,
      Map<String, FileDescriptor> linked,
      Set<String> inProgress) {
    FileDescriptor builtIn = BUILT_IN.get(name);
    if (builtIn != null) {
      return builtIn;
    }
    FileDescriptor done = linked.get(name);
    if (done != null) {
      return done;
    }
    FileDescriptorProto proto = byName.get(name);
    if (proto == null) {
      throw new IllegalArgumentException(
          "descriptor set lacks imported file '"
              + name
              + "'; write it with all imports (protoc --include_imports)");
    }
    if (!inProgress.add(name)) {
      throw new IllegalArgumentException("file '" + name + "' imports itself through a cycle");
    }
    FileDescriptor[] dependencies = new FileDescriptor[proto.getDependencyCount()];
    for (int i = 0; i < dependencies.length; i++) {
      dependencies[i] = link(proto.getDependency(i), byName, linked, inProgress);
    }
    try {
      FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies);
      linked.put(name, file);
      return file;
    } catch (DescriptorValidationException e) {
      throw new IllegalArgumentException(
          "file '" + name + "' is not a valid Protobuf file: " + e.getMessage(), e);
    }
  }
}
