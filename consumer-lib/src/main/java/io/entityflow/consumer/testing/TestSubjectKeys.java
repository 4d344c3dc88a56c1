package io.entityflow.consumer.testing;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import io.entityflow.contract.EventAttributes;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.privacy.codec.PiiEncryptor;
import io.entityflow.privacy.keys.CachingSubjectKeysets;
import io.entityflow.privacy.keys.InMemorySubjectKeyStore;
import io.entityflow.privacy.keys.KeyEncryptionKey;
import java.security.GeneralSecurityException;

/**
 * The subject keys of a {@link ConsumerTestKit}: held in memory, wrapped by a key-encryption key
 * that exists only in this object. The kit encrypts the PII fields of the events it delivers with
 * them, as a producer would, and its dispatcher decrypts with them; {@link #forget} makes the next
 * events of a subject arrive with their PII fields cleared.
 *
 * <pre>{@code
 * ConsumerTestKit<Customer> kit = ConsumerTestKit.of(handler);
 * kit.keys().forget("c-42");
 * }</pre>
 */
public final class TestSubjectKeys {
  private final InMemorySubjectKeyStore store = new InMemorySubjectKeyStore();
  private final CachingSubjectKeysets keysets;
  private final PiiEncryptor encryptor;

  /** Fresh keys of no subject yet. */
  public TestSubjectKeys() {
    try {
      AeadConfig.register();
      Aead kek =
          KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
              .getPrimitive(RegistryConfiguration.get(), Aead.class);
      KeyEncryptionKey key =
          new KeyEncryptionKey() {
            @Override
            public String uri() {
              return "local-file:///consumer-test-kit/in-memory";
            }

            @Override
            public Aead aead() {
              return kek;
            }
          };
      this.keysets = CachingSubjectKeysets.builder(store, key).build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink AEAD is not available", e);
    }
    this.encryptor = new PiiEncryptor(keysets);
  }

  /** The keysets the kit's dispatcher decrypts with. */
  public CachingSubjectKeysets keysets() {
    return keysets;
  }

  /** Deletes the key of {@code subjectId}, as a forget does. */
  public void forget(String subjectId) {
    store.delete(subjectId);
    keysets.evict(subjectId);
  }

  /** {@code message} of a {@code definition} event with its PII fields encrypted, as published. */
  public PubsubMessage encrypt(
      EntityDefinition definition, TestEvent<?> event, PubsubMessage message) {
    if (!definition.hasPii()) {
      return message;
    }
    try {
      return message.toBuilder()
          .setData(ByteString.copyFrom(encryptor.encrypt(definition, event.entity())))
          .putAttributes(
              EventAttributes.PII_ENCRYPTION, EventAttributes.PII_ENCRYPTION_TINK_AEAD_V1)
          .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not encrypt the test event's PII fields", e);
    }
  }
}
