package io.entityflow.publisher.privacy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.privacy.keys.SubjectKeysets;

/**
 * The step that makes the payload of an event: the serialized entity, or for an entity with PII its
 * encrypted form ({@link io.entityflow.contract.privacy.EncryptedForm}), whose events then carry
 * the attribute {@code pii_encryption = tink-aead-v1}. The publisher, the {@link
 * io.entityflow.publisher.EventEncoder} (and so the outbox) all go through the one bean.
 *
 * <pre>{@code
 * PayloadEncryption payloads = PayloadEncryption.encrypting(keysets);
 * ByteString data = payloads.payload(customerEntity, customer); // email, full_name, phone encrypted
 * payloads.encrypts(customerEntity);                            // true: add the attribute
 * PayloadEncryption.refusingPii().payload(customerEntity, customer); // InvalidEventException
 * }</pre>
 *
 * <p>Guarantees: an entity without PII is serialized unchanged; an event of an entity with PII is
 * either encrypted or refused, never returned in clear. Implementations are thread-safe.
 */
public interface PayloadEncryption {

  /** Whether events of {@code entity} travel in the encrypted form with the attribute. */
  boolean encrypts(EntityDefinition entity);

  /**
   * The payload of one event of {@code entity}.
   *
   * @throws io.entityflow.publisher.InvalidEventException when the entity has PII and this step
   *     does not encrypt (privacy disabled)
   * @throws PiiEncryptionException when the subject's key cannot be made or used
   */
  ByteString payload(EntityDefinition entity, Message message);

  /** Encrypts the PII fields of every entity with PII with the subject keys of {@code keysets}. */
  static PayloadEncryption encrypting(SubjectKeysets keysets) {
    return new PiiPayloadEncryption(keysets);
  }

  /**
   * Privacy off ({@code entityflow.privacy.enabled=false}): entities without PII unchanged, every
   * event of an entity with PII refused naming the entity, its PII fields and the key.
   */
  static PayloadEncryption refusingPii() {
    return RefusingPiiPayloads.INSTANCE;
  }
}
