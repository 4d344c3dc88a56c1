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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
  void disabledPublisherStartsWithoutProjectAndFailsEveryValidEventNamingTheKey() {
    String eventId = "0d1f6f0e-7a43-4c1f-9a1e-3f0b2b7f9d11";
    try (ApplicationContext context =
        ApplicationContext.run(properties("entityflow.publisher.enabled", false))) {
      EntityPublisher publisher = context.getBean(EntityPublisher.class);
      assertThat(publisher).isInstanceOf(DisabledEntityPublisher.class);
      assertThat(context.findBean(DefaultEntityPublisher.class)).isEmpty();

      CompletableFuture<PublishReceipt> future =
          publisher.publish(Sales.sale("s-1"), Operation.CREATED, eventId);
      assertThat(future).isCompletedExceptionally();
      assertThatThrownBy(future::join)
          .cause()
          .isInstanceOf(PublishFailedException.class)
          .hasMessage(
              "event "
                  + eventId
                  + " was not published to topic sale_v1: the entity publisher is disabled"
                  + " (entityflow.publisher.enabled=false); this Sale event was validated but not"
                  + " sent to Pub/Sub")
          .cause()
          .isInstanceOf(PublisherDisabledException.class);
      PublishFailedException failed = (PublishFailedException) future.handle((ok, e) -> e).join();
      assertThat(failed.eventId()).isEqualTo(eventId);
      assertThat(failed.topic()).isEqualTo("sale_v1");

      List<CompletableFuture<PublishReceipt>> batch =
          publisher.publishAll(
              List.of(
                  PublishRequest.of(Sales.sale("s-2"), Operation.UPDATED),
                  PublishRequest.of(Sales.sale("s-3"), Operation.DELETED)));
      assertThat(batch).hasSize(2).allSatisfy(f -> assertThat(f).isCompletedExceptionally());
    }
  }

  @Test
  void disabledPublisherStillRefusesAnInvalidEventByThrowing() {
    try (ApplicationContext context =
        ApplicationContext.run(properties("entityflow.publisher.enabled", false))) {
      EntityPublisher publisher = context.getBean(EntityPublisher.class);
      assertThatThrownBy(() -> publisher.publish(Sale.getDefaultInstance(), Operation.CREATED))
          .isInstanceOf(InvalidEventException.class)
          .hasMessageStartingWith("invalid Sale event: sale_id: ");
      assertThatThrownBy(
              () ->
                  publisher.publishAll(
                      List.of(
                          PublishRequest.of(Sales.sale("s-1"), Operation.CREATED),
                          PublishRequest.of(Sale.getDefaultInstance(), Operation.CREATED))))
          .isInstanceOf(InvalidEventException.class);
    }
  }

  @Test
  void orderedEventFailsAfterTheTotalTimeoutWhenPubSubIsUnreachable() {
    // with ordering on the client itself would retry this event without end
    try (ApplicationContext context =
        ApplicationContext.run(
            properties(
                "entityflow.publisher.project-id", "acme",
                "micronaut.application.name", "till",
                "entityflow.publisher.retry.total-timeout", "10s",
                "entityflow.publisher.retry.rpc-timeout", "500ms",
                "entityflow.publisher.shutdown-timeout", "1s"))) {
      EntityPublisher publisher = context.getBean(EntityPublisher.class);
      String eventId = "5b0e7a9e-2f8c-4a57-9c3e-0c7f8f9e2d41";
      long start = System.nanoTime();
      CompletableFuture<PublishReceipt> future =
          publisher.publish(Sales.sale("s-1"), Operation.CREATED, eventId);

      Throwable failure = future.handle((ok, e) -> e).orTimeout(30, TimeUnit.SECONDS).join();
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
      assertThat(failure)
          .isInstanceOf(PublishFailedException.class)
          .hasMessage(
              "event "
                  + eventId
                  + " was not published to topic sale_v1: Pub/Sub did not answer within PT10.5S"
                  + " (entityflow.publisher.retry.total-timeout=PT10S plus one rpc-timeout); the"
                  + " event may still be stored later by the client's retries, so publish it again"
                  + " with the same event id");
      assertThat(failure.getCause()).isInstanceOf(PublishTimeoutException.class);
      assertThat(seconds).as("not failed before the total timeout").isGreaterThanOrEqualTo(10L);
      assertThat(context.getBean(PublisherMetrics.class).forTopic("sale_v1").failed()).isEqualTo(1);
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
