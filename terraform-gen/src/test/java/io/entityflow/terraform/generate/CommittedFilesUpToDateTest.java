package io.entityflow.terraform.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.contract.registry.EntityRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The drift check of the build: the generated files committed in the example environment equal a
 * fresh generation from the contract. When it fails, run {@code ./entityflow terraform} and commit.
 */
class CommittedFilesUpToDateTest {
  static Path repositoryRoot() {
    String root = System.getProperty("entityflow.repository.root");
    return root == null ? Path.of("..") : Path.of(root);
  }

  @Test
  void committedExampleEnvironmentMatchesAFreshGeneration() throws Exception {
    Path environment = repositoryRoot().resolve("terraform/environments/example");

    assertThat(TerraformGenerator.generate(EntityRegistry.load()).driftFrom(environment))
        .as("drift of %s; run './entityflow terraform' and commit the result", environment)
        .isEmpty();
  }
}
