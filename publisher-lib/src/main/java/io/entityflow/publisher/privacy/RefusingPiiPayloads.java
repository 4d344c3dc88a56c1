package io.entityflow.publisher.privacy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.publisher.InvalidEventException;

/**
 * {@link PayloadEncryption#refusingPii()}: entities without PII as they are, events of an entity
 * with PII refused, e.g. {@code invalid Customer event: PII fields email, full_name, phone: are
 * never published in clear and entityflow.privacy.enabled is false; ...}.
 */
final class RefusingPiiPayloads implements PayloadEncryption {
  static final RefusingPiiPayloads INSTANCE = new RefusingPiiPayloads();

  private RefusingPiiPayloads() {}

  @Override
  public boolean encrypts(EntityDefinition entity) {
    return false;
  }

  @Override
  public ByteString payload(EntityDefinition entity, Message message) {
    if (entity.hasPii()) {
      throw new InvalidEventException(
          entity.name(),
          "PII fields " + String.join(", ", PiiFields.of(entity.descriptor())),
          "are never published in clear and "
              + PrivacyConfiguration.PREFIX
              + ".enabled is false; set it to true (the default) with "
              + PrivacyConfiguration.PREFIX
              + ".kek-uri to publish them encrypted");
    }
    return message.toByteString();
  }

  @Override
  public String toString() {
    return "PayloadEncryption(refusing PII)";
  }
}
