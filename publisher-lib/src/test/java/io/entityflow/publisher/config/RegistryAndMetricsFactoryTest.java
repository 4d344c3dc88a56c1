package io.entityflow.publisher.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.parcelco.shipping.v1.Parcel;
import io.entityflow.contract.Operation;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.publisher.PublishRequest;
import io.entityflow.publisher.validation.EventValidator;
import io.entityflow.publisher.validation.ValidatedEvent;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The registry bean merges every contract artifact on the classpath: entityflow-proto's and the
 * test build's own ({@code src/test/proto}, written to {@code entityflow/contract.desc}).
 */
class RegistryAndMetricsFactoryTest {

  @Test
  void registryBeanHoldsTheEntitiesOfEveryContractArtifact() {
    try (ApplicationContext context = ApplicationContext.run(Map.of("spec.name", "registry"))) {
      EntityRegistry registry = context.getBean(EntityRegistry.class);

      EntityDefinition parcel = registry.find("parcelco.shipping.v1.Parcel").orElseThrow();
      assertThat(parcel.topicName()).isEqualTo("parcel_v1");
      assertThat(parcel.dataset()).isEqualTo("shipping");
      assertThat(parcel.owner()).isEqualTo("team-parcels");
      assertThat(registry.find("acme.retail.sale.v1.Sale")).isPresent();
    }
  }

  @Test
  void anEntityOfAnotherArtifactValidatesForPublishing() {
    try (ApplicationContext context = ApplicationContext.run(Map.of("spec.name", "registry"))) {
      EventValidator validator = new EventValidator(context.getBean(EntityRegistry.class));

      ValidatedEvent event =
          validator.validate(
              PublishRequest.of(
                  Parcel.newBuilder().setParcelId("p-7").setWeightGrams(1200).build(),
                  Operation.CREATED));

      assertThat(event.entity().fullName()).isEqualTo("parcelco.shipping.v1.Parcel");
      assertThat(event.id()).isEqualTo("p-7");
    }
  }
}
