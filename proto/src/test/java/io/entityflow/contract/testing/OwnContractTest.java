package io.entityflow.contract.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.contract.source.ContractLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnContractTest {
  @Test
  void descriptorSetFileAndProtoDirectoryLoadAsTheSameOneEntityContract(@TempDir Path dir) {
    EntityRegistry fromFile =
        ContractLoader.registry(
            OwnContract.writeDescriptorSet(dir.resolve("contract.desc")).toString());
    EntityRegistry fromDirectory =
        ContractLoader.registry(OwnContract.writeProtoDirectory(dir.resolve("proto")).toString());

    for (EntityRegistry registry : new EntityRegistry[] {fromFile, fromDirectory}) {
      assertThat(registry.entities()).hasSize(1);
      EntityDefinition parcel = registry.entities().get(0);
      assertThat(parcel.fullName()).isEqualTo(OwnContract.FULL_NAME);
      assertThat(parcel.name()).isEqualTo(OwnContract.ENTITY);
      assertThat(parcel.topicName()).isEqualTo(OwnContract.TOPIC);
      assertThat(parcel.domain()).isEqualTo(OwnContract.DOMAIN);
      assertThat(parcel.owner()).isEqualTo(OwnContract.OWNER);
    }
  }
}
