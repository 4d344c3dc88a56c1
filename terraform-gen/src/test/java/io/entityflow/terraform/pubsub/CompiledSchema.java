package io.entityflow.terraform.pubsub;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.entityflow.contract.compiler.ProtoCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Compiles a generated Pub/Sub schema with the real protoc, as Pub/Sub would parse it. */
final class CompiledSchema {
  private CompiledSchema() {}

  /**
   * The top-level message of a schema definition, compiled alone (no include path but the schema's
   * own directory, so any import would fail to compile).
   */
  static Descriptor compile(String definition, String messageName, Path dir) throws IOException {
    Path root = Files.createDirectories(dir.resolve("schema"));
    Files.writeString(root.resolve("schema.proto"), definition);
    FileDescriptorSet set = ProtoCompiler.locate().compile(root);
    FileDescriptorProto file =
        set.getFileList().stream()
            .filter(f -> f.getName().equals("schema.proto"))
            .findFirst()
            .orElseThrow();
    if (set.getFileCount() != 1 || file.getDependencyCount() != 0) {
      throw new AssertionError("schema is not self-contained: imports " + file.getDependencyList());
    }
    if (file.getMessageTypeCount() != 1 || file.getEnumTypeCount() != 0) {
      throw new AssertionError(
          "schema must declare exactly one top-level type, declares "
              + file.getMessageTypeCount()
              + " messages and "
              + file.getEnumTypeCount()
              + " enums");
    }
    try {
      FileDescriptor built = FileDescriptor.buildFrom(file, new FileDescriptor[0]);
      return built.findMessageTypeByName(messageName);
    } catch (DescriptorValidationException e) {
      throw new AssertionError("generated schema does not build: " + e.getMessage(), e);
    }
  }
}
