package io.entityflow.contract.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsumerResourcesTest {
  private static final String ALLOWED =
      "; allowed: lower snake case (a-z and 0-9 in words joined by single underscores, starting"
          + " with a letter, e.g. loyalty_accrual), at most 64 characters, not 'pipeline', not"
          + " containing 'dead_letter', not ending with '_replay'";

  private final EntityRegistry registry = EntityRegistry.load();
  private final EntityDefinition sale = registry.forTopic("sale_v1").orElseThrow();
  private final PhysicalLayout layout = PhysicalLayout.of(registry);

  @Test
  void consumerGetsSubscriptionDeadLetterTopicAndReplayTopicNamedFromTopicAndName() {
    ConsumerResources accrual = layout.consumer(sale, "loyalty_accrual");
    assertThat(accrual)
        .isEqualTo(
            new ConsumerResources(
                sale,
                "loyalty_accrual",
                "sale_v1",
                "sale_v1_loyalty_accrual",
                "sale_v1_loyalty_accrual_dead_letter",
                "sale_v1_loyalty_accrual_dead_letter_hold",
                "sale_v1_loyalty_accrual_replay",
                "sale_v1_loyalty_accrual_replay"));
  }

  @Test
  void datasetPrefixDoesNotChangePubSubNames() {
    assertThat(layout.withDatasetPrefix("prod_").consumer(sale, "crm2").subscription())
        .isEqualTo("sale_v1_crm2");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "Loyalty", "loyalty-accrual", "loyalty__accrual", "_x", "x_", "2fa", "a b"})
  void nameThatIsNotLowerSnakeCaseIsRefusedWithTheValue(String name) {
    assertThatThrownBy(() -> layout.consumer(sale, name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("consumer name '" + name + "' is not allowed" + ALLOWED);
  }

  @Test
  void nameLongerThan64CharactersIsRefused() {
    String name = "a".repeat(65);
    assertThatThrownBy(() -> layout.consumer(sale, name))
        .hasMessage("consumer name '" + name + "' is not allowed" + ALLOWED);
    assertThat(layout.consumer(sale, "a".repeat(64)).subscription())
        .isEqualTo("sale_v1_" + "a".repeat(64));
  }

  @Test
  void nullNameIsRefused() {
    assertThatThrownBy(() -> layout.consumer(sale, null))
        .hasMessage("consumer name 'null' is not allowed" + ALLOWED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"pipeline", "dead_letter_hold", "crm_dead_letter", "crm_replay"})
  void nameCollidingWithOtherResourcesIsRefused(String name) {
    assertThatThrownBy(() -> layout.consumer(sale, name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "consumer name '"
                + name
                + "' is not allowed (its resource names would collide with the pipeline's or"
                + " another consumer's)"
                + ALLOWED);
  }

  @Test
  void entityOfAnotherRegistryIsRefused() {
    PhysicalLayout empty = PhysicalLayout.of(EntityRegistry.fromFiles(java.util.List.of()));
    assertThatThrownBy(() -> empty.consumer(sale, "crm"))
        .hasMessage("entity acme.retail.sale.v1.Sale is not in this layout; known: []");
  }
}
