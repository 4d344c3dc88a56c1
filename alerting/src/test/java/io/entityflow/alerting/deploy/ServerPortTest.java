package io.entityflow.alerting.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which port the service listens on, by environment (application.yml's placeholder). */
class ServerPortTest {
  static final String PORT = "micronaut.server.port";

  @Test
  void cloudRunsPortWinsOverTheServicesOwnVariable() {
    assertThat(
            ConfigurationKeys.resolve(
                PORT, Map.of("PORT", "9001", "ENTITYFLOW_ALERTING_PORT", "9002")))
        .contains("9001");
  }

  @Test
  void theServicesOwnVariableServesRunsWithoutPort() {
    assertThat(ConfigurationKeys.resolve(PORT, Map.of("ENTITYFLOW_ALERTING_PORT", "9002")))
        .contains("9002");
  }

  @Test
  void withNeitherVariableTheServiceListensOn8080() {
    assertThat(ConfigurationKeys.resolve(PORT, Map.of())).contains("8080");
  }
}
