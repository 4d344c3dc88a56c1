package io.entityflow.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.retail.sale.v1.Sale;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.entityflow.consumer.EntityEvent;
import io.entityflow.consumer.EntityHandler;
import io.entityflow.consumer.fixtures.RecordingHandler;
import io.entityflow.contract.registry.EntityRegistry;
import org.junit.jupiter.api.Test;

class HandlerBindingTest {
  private final EntityRegistry registry = EntityRegistry.load();

  static class Generic<T extends Message> implements EntityHandler<T> {
    @Override
    public String name() {
      return "generic";
    }

    @Override
    public void handle(EntityEvent<T> event) {}
  }

  static class TimestampHandler implements EntityHandler<Timestamp> {
    @Override
    public String name() {
      return "clock";
    }

    @Override
    public void handle(EntityEvent<Timestamp> event) {}
  }

  @Test
  void handlerIsBoundToItsEntityAndTheConsumerResources() {
    HandlerBinding<Sale> binding =
        HandlerBinding.of(new RecordingHandler("loyalty_accrual"), registry);
    assertThat(binding.entity().fullName()).isEqualTo("acme.retail.sale.v1.Sale");
    assertThat(binding.resources().subscription()).isEqualTo("sale_v1_loyalty_accrual");
    assertThat(binding.resources().deadLetterTopic())
        .isEqualTo("sale_v1_loyalty_accrual_dead_letter");
  }

  @Test
  void badConsumerNameIsRefusedNamingTheHandler() {
    assertThatThrownBy(() -> HandlerBinding.of(new RecordingHandler("Loyalty"), registry))
        .hasMessageStartingWith(
            "handler io.entityflow.consumer.fixtures.RecordingHandler: consumer name 'Loyalty'"
                + " is not allowed; allowed: lower snake case");
  }

  @Test
  void handlerOfAMessageThatIsNoEntityIsRefused() {
    assertThatThrownBy(() -> HandlerBinding.of(new TimestampHandler(), registry))
        .hasMessageStartingWith(
            "handler io.entityflow.consumer.internal.HandlerBindingTest$TimestampHandler: message"
                + " type 'google.protobuf.Timestamp' is not an entity of the contract; entities:");
  }

  @Test
  void genericHandlerWithoutEntityTypeIsRefusedSayingToOverrideIt() {
    assertThatThrownBy(() -> HandlerBinding.of(new Generic<Sale>(), registry))
        .hasMessage(
            "handler io.entityflow.consumer.internal.HandlerBindingTest$Generic does not declare"
                + " its entity as a class (implements EntityHandler<Sale>); override entityType()"
                + " to return it");
  }
}
