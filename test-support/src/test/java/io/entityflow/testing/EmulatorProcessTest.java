package io.entityflow.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmulatorProcessTest {
  private static final Path JAR = Path.of("/sdk/cloud-pubsub-emulator-0.8.20-all.jar");

  @Test
  void emulatorRunsWithTheParallelCollectorPromotingSurvivorsAtOnce() {
    assertThat(EmulatorProcess.command("/jdk/bin/java", "2g", "", JAR, 8085))
        .containsExactly(
            "/jdk/bin/java",
            "-Xmx2g",
            "-XX:+UseParallelGC",
            "-XX:MaxTenuringThreshold=0",
            "-jar",
            "/sdk/cloud-pubsub-emulator-0.8.20-all.jar",
            "--host=127.0.0.1",
            "--port=8085");
  }

  @Test
  void extraOptionsComeAfterTheDefaultsSoThatTheyWin() {
    assertThat(
            EmulatorProcess.command(
                "java", "14g", "  -Xms14g   -XX:+UseG1GC -XX:+AlwaysPreTouch ", JAR, 9000))
        .containsExactly(
            "java",
            "-Xmx14g",
            "-XX:+UseParallelGC",
            "-XX:MaxTenuringThreshold=0",
            "-Xms14g",
            "-XX:+UseG1GC",
            "-XX:+AlwaysPreTouch",
            "-jar",
            "/sdk/cloud-pubsub-emulator-0.8.20-all.jar",
            "--host=127.0.0.1",
            "--port=9000");
  }

  @Test
  void heapThatIsNotASizeIsRefusedNamingTheProperty() {
    String before = System.getProperty(EmulatorProcess.HEAP_PROPERTY);
    System.setProperty(EmulatorProcess.HEAP_PROPERTY, "lots");
    try {
      assertThatThrownBy(EmulatorProcess::heap)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "entityflow.emulator.heap 'lots' is not a heap size; allowed: a number and k, m or"
                  + " g (2g)");
    } finally {
      if (before == null) {
        System.clearProperty(EmulatorProcess.HEAP_PROPERTY);
      } else {
        System.setProperty(EmulatorProcess.HEAP_PROPERTY, before);
      }
    }
  }
}
