package io.entityflow.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.contract.Operation;
import io.entityflow.publisher.fixtures.EmulatorProject;
import io.entityflow.publisher.fixtures.Sales;
import io.entityflow.testing.PubSubEmulator;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ShutdownIT {

  @Test
  void eventsStillUndeliveredWhenTheShutdownTimeoutEndsFailLoudly() {
    try (PubSubEmulator emulator = PubSubEmulator.startDedicated()) {
      EmulatorProject project = new EmulatorProject(emulator);
      project.createTopicWithSubscription("sale_v1");
      ApplicationContext context =
          ApplicationContext.run(
              Map.of(
                  "spec.name", "ShutdownIT",
                  "micronaut.application.name", "checkout",
                  "entityflow.publisher.project-id", project.projectId(),
                  "entityflow.publisher.emulator-host", emulator.hostPort(),
                  "entityflow.publisher.shutdown-timeout", "1s",
                  "entityflow.publisher.retry.total-timeout", "10m"));
      EntityPublisher publisher = context.getBean(EntityPublisher.class);
      publisher.publish(Sales.sale("s-0"), Operation.CREATED).join();

      emulator.kill();
      List<CompletableFuture<PublishReceipt>> futures = new ArrayList<>();
      for (int i = 1; i <= 50; i++) {
        futures.add(publisher.publish(Sales.sale("s-" + i), Operation.CREATED));
      }
      context.close(); // returns after the 1 s shutdown timeout, not the 10 min retry timeout

      assertThat(futures).allMatch(CompletableFuture::isCompletedExceptionally);
      for (CompletableFuture<PublishReceipt> future : futures) {
        try {
          future.join();
        } catch (CompletionException e) {
          assertThat(e.getCause())
              .isInstanceOf(PublishFailedException.class)
              .hasMessageEndingWith(
                  "was not published to topic sale_v1: not delivered within the shutdown timeout"
                      + " (entityflow.publisher.shutdown-timeout=PT1S)");
          assertThat(e.getCause().getCause()).isInstanceOf(PublisherClosedException.class);
        }
      }
    }
  }
}
