package io.entityflow.pipelines.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.testing.OwnContract;
import io.entityflow.pipelines.options.EntityTopicsToBigQueryOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractFileTest {
  private static final String ALLOWED =
      "; allowed: a binary FileDescriptorSet (protoc --include_imports --descriptor_set_out) as a"
          + " local path or gs:// URL, or no --contract for the contract compiled into the"
          + " pipeline";

  private static EntityTopicsToBigQueryOptions options(String... args) {
    return PipelineOptionsFactory.fromArgs(args).as(EntityTopicsToBigQueryOptions.class);
  }

  @Test
  void withoutTheOptionTheClasspathContractIsRead() {
    assertThat(ContractFile.registry(options())).isSameAs(RegistrySource.contract());
  }

  @Test
  void descriptorSetFileIsReadOnceAndTravelsAsBytes(@TempDir Path dir) throws Exception {
    Path file = OwnContract.writeDescriptorSet(dir.resolve("contract.desc"));

    RegistrySource source = ContractFile.registry(options("--contract=" + file));
    Files.delete(file);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(source);
    }
    RegistrySource copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (RegistrySource) in.readObject();
    }

    assertThat(copy.registry().entities())
        .extracting(EntityDefinition::fullName, EntityDefinition::topicName)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(OwnContract.FULL_NAME, "parcel_v1"));
  }

  @Test
  void missingFileIsRefusedNamingTheOptionAndTheValue(@TempDir Path dir) {
    Path missing = dir.resolve("no-such.desc");

    assertThatThrownBy(() -> ContractFile.registry(options("--contract=" + missing)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--contract=" + missing + " is refused: no such file" + ALLOWED);
  }

  @Test
  void bytesThatAreNoDescriptorSetAreRefusedWithTheReason(@TempDir Path dir) throws Exception {
    Path garbage = dir.resolve("contract.desc");
    Files.writeString(garbage, "this is not a descriptor set\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ContractFile.registry(options("--contract=" + garbage)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--contract="
                + garbage
                + " is refused: it is not a binary FileDescriptorSet (Protocol message end-group"
                + " tag did not match expected tag.)"
                + ALLOWED);
  }

  @Test
  void descriptorSetWithoutEntitiesIsRefused(@TempDir Path dir) throws Exception {
    Path empty = Files.write(dir.resolve("empty.desc"), new byte[0]);

    assertThatThrownBy(() -> ContractFile.registry(options("--contract=" + empty)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--contract=" + empty + " is refused: it declares no entity" + ALLOWED);
  }
}
