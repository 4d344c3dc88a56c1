package io.entityflow.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.retail.customer.v1.Customer;
import com.google.protobuf.StringValue;
import io.entityflow.consumer.fixtures.Await;
import io.entityflow.consumer.fixtures.EmulatorTopics;
import io.entityflow.consumer.fixtures.ItCustomerHandler;
import io.entityflow.contract.Operation;
import io.entityflow.privacy.forget.SubjectForgetter;
import io.entityflow.publisher.EncodedEvent;
import io.entityflow.publisher.EntityPublisher;
import io.entityflow.publisher.EventEncoder;
import io.entityflow.publisher.PublishRequest;
import io.entityflow.testing.PubSubEmulator;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Customer published by the library (PII fields encrypted) reaches the handler decrypted; after
 * the subject is forgotten, an event encrypted before the forget reaches it with the PII cleared.
 */
class EntityConsumersPiiIT {
  private static final Duration LIMIT = Duration.ofSeconds(30);

  private final EmulatorTopics topics = new EmulatorTopics(PubSubEmulator.shared());
  private ApplicationContext context;

  @AfterEach
  void stop() {
    if (context != null && context.isRunning()) {
      context.close();
    }
  }

  private static Customer customer(String id, String email) {
    return Customer.newBuilder()
        .setCustomerId(id)
        .setEmail(email)
        .setFullName("Alice Example")
        .setPhone(StringValue.of("+31 6 1234 5678"))
        .setMarketingOptIn(true)
        .setCountry("NL")
        .build();
  }

  @Test
  void encryptedCustomerIsHandledInClearAndWithPiiClearedOnceTheSubjectIsForgotten() {
    context =
        ApplicationContext.run(
            Map.of(
                "spec.name", "EntityConsumersPiiIT",
                "micronaut.application.name", "crm",
                "entityflow.consumer.project-id", topics.projectId(),
                "entityflow.consumer.emulator-host", topics.emulator().hostPort(),
                "entityflow.publisher.project-id", topics.projectId(),
                "entityflow.publisher.emulator-host", topics.emulator().hostPort()));
    ItCustomerHandler handler = context.getBean(ItCustomerHandler.class);
    EntityPublisher publisher = context.getBean(EntityPublisher.class);
    Customer alice = customer("c-42", "alice@example.com");

    publisher.publish(PublishRequest.of(alice, Operation.CREATED)).join();
    Await.until(() -> handler.handled().size() == 1, LIMIT, () -> "the first Customer handled");
    EntityEvent<Customer> first = handler.handled().get(0);
    assertThat(first.entity()).isEqualTo(alice);
    assertThat(first.metadata().piiState()).isEqualTo(PiiState.DECRYPTED);
    assertThat(first.metadata().piiEncrypted()).isTrue();
    assertThat(first.metadata().piiForgotten()).isFalse();
    assertThat(first.metadata().attributes()).containsEntry("pii_encryption", "tink-aead-v1");

    // encrypted with the subject's key, then the subject is forgotten before it is delivered
    Customer changed = customer("c-42", "alice@new.example.com");
    EncodedEvent waiting =
        context.getBean(EventEncoder.class).encode(PublishRequest.of(changed, Operation.UPDATED));
    context.getBean(SubjectForgetter.class).forget("c-42", "dpo:ticket-1");
    publisher.publishAllEncoded(List.of(waiting)).get(0).join();

    Await.until(() -> handler.handled().size() == 2, LIMIT, () -> "the second Customer handled");
    EntityEvent<Customer> second = handler.handled().get(1);
    assertThat(second.entity())
        .isEqualTo(
            Customer.newBuilder()
                .setCustomerId("c-42")
                .setMarketingOptIn(true)
                .setCountry("NL")
                .build());
    assertThat(second.entity().getEmail()).isEmpty();
    assertThat(second.metadata().piiState()).isEqualTo(PiiState.FORGOTTEN);
    assertThat(second.metadata().piiForgotten()).isTrue();
    assertThat(second.metadata().piiCleared()).isTrue();
  }
}
