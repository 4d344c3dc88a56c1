package io.entityflow.privacy.codec;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.crypto.tink.Aead;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.UnsafeByteOperations;
import io.entityflow.contract.privacy.EncryptedForm;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.privacy.keys.SubjectKeysets;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns an entity message into the bytes of its encrypted form ({@link EncryptedForm}): every PII
 * value, at any depth, becomes a Tink AEAD ciphertext of its {@link PiiPlaintext text form}, made
 * with the keyset of the event's data subject and the UTF-8 subject id as associated data. Every
 * other field is copied unchanged.
 *
 * <pre>{@code
 * PiiEncryptor encryptor = new PiiEncryptor(keysets);
 * byte[] payload = encryptor.encrypt(registry.require(sale), sale);
 * // publish payload with attribute pii_encryption = tink-aead-v1
 * }</pre>
 *
 * <p>Guarantees: one subject per event, read from the entity's PII subject field; the subject's
 * keyset is created (by {@link SubjectKeysets#aeadFor}) only when the event has a PII value; a
 * value not on the wire (unset, or a proto3 default without presence) stays absent; an entity
 * without PII is serialized as it is; fields without PII keep their wire bytes, in their order.
 * Thread-safe when the keysets are.
 *
 * <p>Cost: the event is serialized once by its own (generated) code; the bytes are then rewritten
 * in one pass following a plan per message type, computed on first use and kept (which field
 * numbers are PII, which nested messages reach PII). The subject's AEAD is looked up once per
 * event.
 */
public final class PiiEncryptor {
  private final SubjectKeysets keysets;
  private final Map<Descriptor, EncryptionPlan> plans = new ConcurrentHashMap<>();

  /** An encryptor taking each subject's AEAD from {@code keysets}. */
  public PiiEncryptor(SubjectKeysets keysets) {
    this.keysets = keysets;
  }

  /**
   * The payload of {@code event} in the encrypted form of {@code entity}.
   *
   * @throws IllegalArgumentException when the event is not of the entity's type, or has a PII value
   *     while its subject field is empty (naming the entity, the subject field and the PII field)
   * @throws GeneralSecurityException when the subject's keyset cannot be created or used
   */
  public byte[] encrypt(EntityDefinition entity, Message event) throws GeneralSecurityException {
    if (!entity.hasPii()) {
      entity.hasId(event); // refuses a message of another type
      return event.toByteArray();
    }
    ByteSink out = write(entity, event);
    return Arrays.copyOf(out.array(), out.size());
  }

  /**
   * {@link #encrypt} as a {@link ByteString}, without copying the result.
   *
   * @throws IllegalArgumentException as {@link #encrypt}
   * @throws GeneralSecurityException as {@link #encrypt}
   */
  public ByteString encryptToByteString(EntityDefinition entity, Message event)
      throws GeneralSecurityException {
    if (!entity.hasPii()) {
      entity.hasId(event); // refuses a message of another type
      return event.toByteString();
    }
    ByteSink out = write(entity, event);
    return UnsafeByteOperations.unsafeWrap(out.array(), 0, out.size());
  }

  private ByteSink write(EntityDefinition entity, Message event) throws GeneralSecurityException {
    Subject subject = new Subject(entity, entity.piiSubjectOf(event));
    Descriptor type = event.getDescriptorForType();
    EncryptionPlan plan = plans.get(type);
    if (plan == null) {
      plan = plans.computeIfAbsent(type, EncryptionPlan::of);
    }
    byte[] clear = event.toByteArray();
    ByteSink out = new ByteSink(clear.length + 128);
    try {
      new EncryptedFormWriter(subject).message(plan, clear, 0, clear.length, "", out);
    } catch (IOException e) {
      throw new IllegalStateException(
          "entity " + entity.name() + ": the event's own bytes cannot be read: " + e.getMessage(),
          e);
    }
    return out;
  }

  /** The data subject of one event; its AEAD is fetched on the first PII value. */
  private final class Subject implements EncryptedFormWriter.Subject {
    private final EntityDefinition entity;
    private final String id;
    private byte[] associatedData;
    private Aead aead;

    Subject(EntityDefinition entity, String id) {
      this.entity = entity;
      this.id = id;
    }

    @Override
    public Aead aead(String prefix, FieldDescriptor field) throws GeneralSecurityException {
      if (aead != null) {
        return aead;
      }
      if (id.isEmpty()) {
        throw new IllegalArgumentException(
            "entity "
                + entity.name()
                + ": PII field '"
                + prefix
                + field.getName()
                + "' has a value but the PII subject field '"
                + entity.piiSubjectField().orElseThrow().getName()
                + "' is empty; allowed: a non-empty subject id (a string, or a number other than 0)"
                + " whenever a PII field has a value, else leave the PII fields unset");
      }
      aead = keysets.aeadFor(id);
      return aead;
    }

    @Override
    public byte[] associatedData() {
      if (associatedData == null) {
        associatedData = id.getBytes(UTF_8);
      }
      return associatedData;
    }
  }
}
