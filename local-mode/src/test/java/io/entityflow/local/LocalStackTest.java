package io.entityflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalStackTest {
  @Test
  void pipelineRunsWithTheC1CompilerOnlyOnMachinesOfFourCoresOrFewer() {
    assertThat(LocalStack.pipelineJvmOptions(2))
        .containsExactly("-Xmx2g", "-XX:TieredStopAtLevel=1");
    assertThat(LocalStack.pipelineJvmOptions(4))
        .containsExactly("-Xmx2g", "-XX:TieredStopAtLevel=1");
    assertThat(LocalStack.pipelineJvmOptions(5)).containsExactly("-Xmx2g");
  }
}
