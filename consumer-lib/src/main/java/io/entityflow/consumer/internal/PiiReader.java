package io.entityflow.consumer.internal;

import com.google.crypto.tink.Aead;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.entityflow.consumer.PiiState;
import io.entityflow.contract.EventAttributes;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.privacy.codec.DecryptedEvent;
import io.entityflow.privacy.codec.PiiDecryptor;
import io.entityflow.privacy.keys.SubjectKeysets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the payload of an event into the handler's type, decrypting the PII fields of an entity
 * with PII with the service's subject keys ({@code pii_encryption = tink-aead-v1}); without keys,
 * or for a forgotten subject, the PII fields are cleared and the state says so. An event of an
 * entity with PII without that attribute is undecodable (its PII would be in clear).
 *
 * <pre>{@code
 * PiiReader reader = PiiReader.with(keysets);           // or PiiReader.WITHOUT_KEYS
 * PiiReader.Read<Customer> read = reader.read(binding, attributes, data);
 * read.payload(); read.state();                          // DECRYPTED, FORGOTTEN, ...
 * }</pre>
 */
public final class PiiReader {
  /** Keysets of no subject: every PII field is cleared. */
  private static final SubjectKeysets NO_KEYS =
      new SubjectKeysets() {
        @Override
        public Aead aeadFor(String subjectId) throws GeneralSecurityException {
          throw new GeneralSecurityException("no subject keys in this service");
        }

        @Override
        public Optional<Aead> existingAeadFor(String subjectId) {
          return Optional.empty();
        }
      };

  /** A reader without subject keys: PII fields arrive cleared ({@link PiiState#NOT_DECRYPTED}). */
  public static final PiiReader WITHOUT_KEYS = new PiiReader(null);

  private final PiiDecryptor decryptor;
  private final boolean keys;

  private PiiReader(SubjectKeysets keysets) {
    this.keys = keysets != null;
    this.decryptor = new PiiDecryptor(keysets != null ? keysets : NO_KEYS);
  }

  /** A reader decrypting with {@code keysets}. */
  public static PiiReader with(SubjectKeysets keysets) {
    return new PiiReader(keysets);
  }

  /** The payload and what happened to its PII fields. */
  public record Read<T extends Message>(T payload, PiiState state) {}

  /** Reads {@code data} of an event of {@code binding}'s entity. */
  @SuppressWarnings("unchecked")
  public <T extends Message> Read<T> read(
      HandlerBinding<T> binding, Map<String, String> attributes, ByteString data)
      throws UndecodableEventException, InvalidProtocolBufferException {
    EntityDefinition entity = binding.entity();
    String value = attributes.get(EventAttributes.PII_ENCRYPTION);
    if (!entity.hasPii()) {
      if (value != null) {
        throw new UndecodableEventException(
            "attribute '"
                + EventAttributes.PII_ENCRYPTION
                + "' is '"
                + value
                + "' but "
                + entity.fullName()
                + " has no PII field",
            null);
      }
      return new Read<>(binding.parser().parseFrom(data), PiiState.NONE);
    }
    if (!EventAttributes.PII_ENCRYPTION_TINK_AEAD_V1.equals(value)) {
      throw new UndecodableEventException(
          "attribute '"
              + EventAttributes.PII_ENCRYPTION
              + "' is "
              + (value == null ? "missing" : "'" + value + "'")
              + "; every event of "
              + entity.fullName()
              + ", which has PII fields, carries "
              + EventAttributes.PII_ENCRYPTION
              + "="
              + EventAttributes.PII_ENCRYPTION_TINK_AEAD_V1
              + " (PII is never accepted in clear)",
          null);
    }
    T prototype = (T) binding.parser().parseFrom(ByteString.EMPTY).getDefaultInstanceForType();
    DecryptedEvent<T> read;
    try {
      read = decryptor.decrypt(entity, data.toByteArray(), prototype);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new UndecodableEventException(
          "the PII fields of " + entity.fullName() + " do not decrypt: " + e.getMessage(), e);
    }
    PiiState state =
        !keys ? PiiState.NOT_DECRYPTED : read.forgotten() ? PiiState.FORGOTTEN : PiiState.DECRYPTED;
    return new Read<>(read.message(), state);
  }
}
