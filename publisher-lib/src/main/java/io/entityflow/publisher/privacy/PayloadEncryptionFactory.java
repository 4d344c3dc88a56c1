package io.entityflow.publisher.privacy;

import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.privacy.keys.SubjectKeysets;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The {@link PayloadEncryption} bean the publisher and the encoder use: encrypting with the {@link
 * SubjectKeysets} bean when privacy is enabled, refusing events of entities with PII when {@code
 * entityflow.privacy.enabled=false}. Replace it with {@code @Replaces(PayloadEncryption.class)}.
 *
 * <pre>{@code
 * context.getBean(PayloadEncryption.class).encrypts(customerEntity); // true
 * }</pre>
 */
@Factory
public class PayloadEncryptionFactory {

  /**
   * The payload step of {@code entityflow.privacy.enabled}.
   *
   * @throws IllegalStateException when privacy is enabled, the contract has an entity with PII and
   *     {@code entityflow.privacy.kek-uri} is not set (no {@link SubjectKeysets} bean), naming the
   *     key, the allowed forms and the entities
   */
  @Singleton
  public PayloadEncryption payloadEncryption(
      PrivacyConfiguration config, EntityRegistry registry, BeanProvider<SubjectKeysets> keysets) {
    if (!config.isEnabled()) {
      return PayloadEncryption.refusingPii();
    }
    List<String> withPii =
        registry.entities().stream()
            .filter(EntityDefinition::hasPii)
            .map(EntityDefinition::name)
            .sorted()
            .toList();
    if (withPii.isEmpty()) {
      return PayloadEncryption.refusingPii(); // nothing to encrypt, nothing to refuse
    }
    return PayloadEncryption.encrypting(
        keysets
            .find(null)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        PrivacyConfiguration.PREFIX
                            + ".kek-uri is not set; the contract has entities with PII ("
                            + String.join(", ", withPii)
                            + ") whose fields are encrypted with subject keys wrapped by this"
                            + " key-encryption key: set it to "
                            + PrivacyConfiguration.KEK_URI_FORMS
                            + ", or set "
                            + PrivacyConfiguration.PREFIX
                            + ".enabled=false to refuse their events")));
  }
}
