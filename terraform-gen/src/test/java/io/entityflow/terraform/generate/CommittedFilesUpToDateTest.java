package io.entityflow.terraform.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.terraform.consumers.ConsumerSpec;
import io.entityflow.terraform.consumers.ConsumersFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The drift check of the build: the generated files committed in the example environment equal a
 * fresh generation from the contract and the environment's {@code consumers.yaml}. When it fails,
 * run {@code ./entityflow terraform} and commit.
 */
class CommittedFilesUpToDateTest {
  static Path repositoryRoot() {
    String root = System.getProperty("entityflow.repository.root");
    return root == null ? Path.of("..") : Path.of(root);
  }

  @Test
  void committedExampleEnvironmentMatchesAFreshGeneration() throws Exception {
    Path environment = repositoryRoot().resolve("terraform/environments/example");

    EntityRegistry registry = EntityRegistry.load();
    List<ConsumerSpec> consumers =
        ConsumersFile.read(environment.resolve("consumers.yaml"), registry);

    assertThat(consumers).isNotEmpty();
    assertThat(TerraformGenerator.generate(registry, consumers).driftFrom(environment))
        .as("drift of %s; run './entityflow terraform' and commit the result", environment)
        .isEmpty();
  }
}
