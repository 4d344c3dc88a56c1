package io.entityflow.contract;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.entityflow.contract.registry.DescriptorSets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The test contract compiled from {@code src/test/proto}, with source info. */
public final class TestContract {
  private static final String RESOURCE = "entityflow-testing/test-contract.desc";
  private static final String FILE = "entityflow/testing/v1/all_types.proto";

  private TestContract() {}

  /** The linked test file. */
  public static FileDescriptor file() {
    try (InputStream in = TestContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      FileDescriptorSet set = DescriptorSets.parse(in.readAllBytes());
      List<FileDescriptor> files = DescriptorSets.link(set);
      return files.stream().filter(f -> f.getName().equals(FILE)).findFirst().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A message of the test file by simple name. */
  public static Descriptor message(String name) {
    return file().findMessageTypeByName(name);
  }
}
