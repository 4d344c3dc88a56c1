package io.entityflow.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.retail.sale.v1.Sale;
import io.entityflow.contract.Operation;
import io.entityflow.publisher.fixtures.Sales;
import io.entityflow.publisher.metrics.PublisherMetrics;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultEntityPublisherTest {

  private static Map<String, Object> properties(Object... keyValues) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("spec.name", "DefaultEntityPublisherTest");
    // an address nothing listens on: these tests never reach Pub/Sub
    properties.put("entityflow.publisher.emulator-host", "127.0.0.1:9");
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.put((String) keyValues[i], keyValues[i + 1]);
    }
    return properties;
  }

  @Test
  void missingProjectIdFailsTheBeanNamingTheKey() {
    try (ApplicationContext context =
        ApplicationContext.run(properties("micronaut.application.name", "checkout"))) {
      assertThatThrownBy(() -> context.getBean(EntityPublisher.class))
          .isInstanceOf(BeanInstantiationException.class)
          .hasRootCauseMessage(
              "entityflow.publisher.project-id is not set; set it to the Google Cloud project of"
                  + " the topics");
    }
  }

  @Test
  void missingProducerAndApplicationNameFailTheBean() {
    try (ApplicationContext context =
        ApplicationContext.run(properties("entityflow.publisher.project-id", "acme"))) {
      assertThatThrownBy(() -> context.getBean(EntityPublisher.class))
          .hasRootCauseMessage(
              "entityflow.publisher.producer is not set and micronaut.application.name is empty;"
                  + " set one of them: it becomes the 'producer' attribute of every event");
    }
  }

  @Test
  void producerDefaultsToTheApplicationName() {
    try (ApplicationContext context =
        ApplicationContext.run(
            properties(
                "entityflow.publisher.project-id", "acme", "micronaut.application.name", "till"))) {
      DefaultEntityPublisher publisher = context.getBean(DefaultEntityPublisher.class);
      assertThat(publisher.producer()).isEqualTo("till");
      assertThat(publisher.usesEmulator()).isTrue();
      assertThat(context.getBean(EntityPublisher.class)).isSameAs(publisher);
    }
  }

  @Test
  void disabledPublisherHasNoBean() {
    try (ApplicationContext context =
        ApplicationContext.run(
            properties(
                "entityflow.publisher.project-id",
                "acme",
                "micronaut.application.name",
                "till",
                "entityflow.publisher.enabled",
                false))) {
      assertThat(context.findBean(EntityPublisher.class)).isEmpty();
    }
  }

  @Test
  void invalidEventInABatchPublishesNothing() {
    try (ApplicationContext context =
        ApplicationContext.run(
            properties(
                "entityflow.publisher.project-id", "acme", "micronaut.application.name", "till"))) {
      EntityPublisher publisher = context.getBean(EntityPublisher.class);
      List<PublishRequest> batch =
          List.of(
              PublishRequest.of(Sales.sale("s-1"), Operation.CREATED),
              PublishRequest.of(Sale.getDefaultInstance(), Operation.CREATED));
      assertThatThrownBy(() -> publisher.publishAll(batch))
          .isInstanceOf(InvalidEventException.class)
          .hasMessageStartingWith("invalid Sale event: sale_id: ");
      assertThat(context.getBean(PublisherMetrics.class).topics()).isEmpty();
    }
  }

  @Test
  void publishAfterShutdownFailsAtOnce() {
    ApplicationContext context =
        ApplicationContext.run(
            properties(
                "entityflow.publisher.project-id", "acme", "micronaut.application.name", "till"));
    EntityPublisher publisher = context.getBean(EntityPublisher.class);
    context.close();
    assertThatThrownBy(() -> publisher.publish(Sales.sale("s-1"), Operation.CREATED))
        .isInstanceOf(PublisherClosedException.class)
        .hasMessage(
            "the entity publisher is shut down (application shutdown started); a Sale event was"
                + " refused and not published");
    assertThatThrownBy(
            () ->
                publisher.publishAll(
                    List.of(PublishRequest.of(Sales.sale("s-2"), Operation.DELETED))))
        .isInstanceOf(PublisherClosedException.class);
  }
}
