package io.entityflow.publisher.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.retail.sale.v1.Sale;
import io.entityflow.contract.Operation;
import io.entityflow.publisher.DefaultEntityPublisher;
import io.entityflow.publisher.EntityPublisher;
import io.entityflow.publisher.InvalidEventException;
import io.entityflow.publisher.PublishFailedException;
import io.entityflow.publisher.PublishReceipt;
import io.entityflow.publisher.fixtures.Sales;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class RecordingEntityPublisherTest {

  private static ApplicationContext recordingContext() {
    return ApplicationContext.run(
        Map.of(
            "spec.name", "RecordingEntityPublisherTest",
            "entityflow.publisher.recording", true,
            "entityflow.publisher.project-id", "acme",
            "micronaut.application.name", "checkout"));
  }

  @Test
  void recordingPublisherReplacesTheRealOne() {
    try (ApplicationContext context = recordingContext()) {
      assertThat(context.getBean(EntityPublisher.class))
          .isInstanceOf(RecordingEntityPublisher.class);
      assertThat(context.findBean(DefaultEntityPublisher.class)).isEmpty();
    }
  }

  @Test
  void recordsTheExactMessageTheRealPublisherWouldSend() {
    try (ApplicationContext context = recordingContext()) {
      EntityPublisher publisher = context.getBean(EntityPublisher.class);
      Sale sale = Sales.sale("s-7");
      PublishReceipt receipt =
          publisher.publish(sale, Operation.CREATED, Instant.parse("2026-11-23T08:00:00Z")).join();
      RecordingEntityPublisher recording = context.getBean(RecordingEntityPublisher.class);
      recording.assertPublished(sale, Operation.CREATED);
      recording.assertPublishedCount(1);
      RecordedEvent event = recording.events().get(0);
      assertThat(receipt.messageId()).isEqualTo("recorded-1");
      assertThat(receipt.topic()).isEqualTo("sale_v1");
      assertThat(event.message().getAttributesOrThrow("occurred_at"))
          .isEqualTo("2026-11-23T08:00:00Z");
      assertThat(event.message().getAttributesOrThrow("event_id")).isEqualTo(receipt.eventId());
      assertThat(recording.entitiesOf(Sale.class)).containsExactly(sale);
    }
  }

  @Test
  void failedAssertionListsWhatWasPublished() {
    RecordingEntityPublisher recording =
        new RecordingEntityPublisher(io.entityflow.contract.registry.EntityRegistry.load());
    recording.publish(Sales.sale("s-1"), Operation.CREATED);
    assertThatThrownBy(() -> recording.assertPublished(Sales.sale("s-2"), Operation.CREATED))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "expected CREATED Sale with id 's-2' to be published; published: [CREATED Sale to"
                + " sale_v1]");
    assertThatThrownBy(recording::assertNothingPublished)
        .hasMessage("expected 0 published events, got 1: [CREATED Sale to sale_v1]");
    recording.clear();
    recording.assertNothingPublished();
  }

  @Test
  void validatesLikeTheRealPublisher() {
    RecordingEntityPublisher recording =
        new RecordingEntityPublisher(io.entityflow.contract.registry.EntityRegistry.load());
    assertThatThrownBy(() -> recording.publish(Sale.getDefaultInstance(), Operation.CREATED))
        .isInstanceOf(InvalidEventException.class);
    recording.assertNothingPublished();
  }

  @Test
  void failWithMakesFuturesFail() {
    RecordingEntityPublisher recording =
        new RecordingEntityPublisher(io.entityflow.contract.registry.EntityRegistry.load());
    recording.failWith(new IllegalStateException("pubsub down"));
    assertThatThrownBy(() -> recording.publish(Sales.sale("s-1"), Operation.CREATED).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(PublishFailedException.class)
        .hasMessageEndingWith("was not published to topic sale_v1: pubsub down");
    recording.assertNothingPublished();
  }
}
