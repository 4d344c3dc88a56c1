package io.entityflow.publisher.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.publisher.DefaultEntityPublisher;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublisherHealthIndicatorTest {

  @Test
  void upWhileOpenAndDownOnceShutDown() {
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "spec.name", "PublisherHealthIndicatorTest",
                "entityflow.publisher.project-id", "acme",
                "entityflow.publisher.emulator-host", "127.0.0.1:9",
                "micronaut.application.name", "checkout"))) {
      PublisherHealthIndicator indicator = context.getBean(PublisherHealthIndicator.class);
      HealthResult open = indicator.result();
      assertThat(open.getName()).isEqualTo("entityflowPublisher");
      assertThat(open.getStatus()).isEqualTo(HealthStatus.UP);
      assertThat(open.getDetails()).isEqualTo(Map.of("closed", false, "emulator", true));

      context.getBean(DefaultEntityPublisher.class).close();
      HealthResult closed = indicator.result();
      assertThat(closed.getStatus()).isEqualTo(HealthStatus.DOWN);
      assertThat(closed.getDetails()).isEqualTo(Map.of("closed", true, "emulator", true));
    }
  }
}
