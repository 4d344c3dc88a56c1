package io.entityflow.outbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboxConfigurationTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of("spec.name", "OutboxConfigurationTest", "entityflow.outbox.enabled", false))) {
      OutboxConfiguration configuration = context.getBean(OutboxConfiguration.class);
      assertThat(configuration.getDatasource()).isEqualTo("default");
      assertThat(configuration.isMigrate()).isTrue();
      assertThat(configuration.getMetricsInterval()).isEqualTo(Duration.ofSeconds(5));
      OutboxConfiguration.Relay relay = configuration.getRelay();
      assertThat(relay.isEnabled()).isTrue();
      assertThat(relay.getWorkers()).isEqualTo(2);
      assertThat(relay.getBatchSize()).isEqualTo(2000);
      assertThat(relay.getKeysPerBatch()).isEqualTo(16);
      assertThat(relay.isListen()).isTrue();
      assertThat(relay.getPollInterval()).isEqualTo(Duration.ofSeconds(1));
      assertThat(relay.getInitialBackoff()).isEqualTo(Duration.ofSeconds(1));
      assertThat(relay.getMaxBackoff()).isEqualTo(Duration.ofMinutes(5));
      assertThat(relay.getLockClass()).isEqualTo(3599);
      assertThat(relay.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
      assertThat(configuration.getHealth().getMaxAge()).isEqualTo(Duration.ofMinutes(5));
      configuration.validate();
    }
  }

  @Test
  void invalidValuesNameTheKeyTheValueAndWhatIsAllowed() {
    OutboxConfiguration configuration = new OutboxConfiguration();
    configuration.getRelay().setBatchSize(0);
    assertThatThrownBy(configuration::validate)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("entityflow.outbox.relay.batch-size=0 is not allowed; it must be 1..10000");

    configuration = new OutboxConfiguration();
    configuration.getRelay().setPollInterval(Duration.ZERO);
    assertThatThrownBy(configuration::validate)
        .hasMessage(
            "entityflow.outbox.relay.poll-interval=PT0S is not allowed; it must be a positive"
                + " duration");

    configuration = new OutboxConfiguration();
    configuration.getRelay().setMaxBackoff(Duration.ofMillis(10));
    assertThatThrownBy(configuration::validate)
        .hasMessage(
            "entityflow.outbox.relay.max-backoff=PT0.01S is shorter than"
                + " relay.initial-backoff=PT1S; it must be at least as long");

    configuration = new OutboxConfiguration();
    configuration.setDatasource(" ");
    assertThatThrownBy(configuration::validate)
        .hasMessage("entityflow.outbox.datasource is empty; name a DataSource bean, e.g. default");
  }
}
