package io.entityflow.publisher.privacy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.privacy.codec.PiiEncryptor;
import io.entityflow.privacy.keys.SubjectKeysets;
import io.entityflow.publisher.InvalidEventException;
import java.security.GeneralSecurityException;

/**
 * {@link PayloadEncryption#encrypting}: the encrypted form of every entity with PII, made by {@link
 * PiiEncryptor} with the keys of the event's data subject.
 */
final class PiiPayloadEncryption implements PayloadEncryption {
  private final PiiEncryptor encryptor;

  PiiPayloadEncryption(SubjectKeysets keysets) {
    this.encryptor = new PiiEncryptor(keysets);
  }

  @Override
  public boolean encrypts(EntityDefinition entity) {
    return entity.hasPii();
  }

  @Override
  public ByteString payload(EntityDefinition entity, Message message) {
    if (!entity.hasPii()) {
      return message.toByteString();
    }
    try {
      return encryptor.encryptToByteString(entity, message);
    } catch (IllegalArgumentException e) {
      // a PII value while the subject field is empty: the event is invalid
      throw new InvalidEventException(
          entity.name(), entity.piiSubjectField().orElseThrow().getName(), e.getMessage());
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new PiiEncryptionException(entity.name(), e);
    }
  }

  @Override
  public String toString() {
    return "PayloadEncryption(tink-aead-v1)";
  }
}
