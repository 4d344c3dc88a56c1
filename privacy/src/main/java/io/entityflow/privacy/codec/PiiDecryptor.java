package io.entityflow.privacy.codec;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.crypto.tink.Aead;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.entityflow.contract.privacy.EncryptedForm;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.privacy.keys.SubjectKeysets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a payload in an entity's encrypted form ({@link EncryptedForm}) back into the entity
 * message: every PII ciphertext is decrypted with the key of the event's data subject and parsed
 * from its {@link PiiPlaintext text form}. When the subject has no key any more (forgotten), the
 * PII fields are left cleared and the result says so.
 *
 * <pre>{@code
 * PiiDecryptor decryptor = new PiiDecryptor(keysets);
 * DecryptedEvent<Sale> read = decryptor.decrypt(entity, payload, Sale.getDefaultInstance());
 * DecryptedEvent<DynamicMessage> any = decryptor.decrypt(entity, payload);
 * }</pre>
 *
 * <p>Guarantees: never creates a keyset ({@link SubjectKeysets#existingAeadFor}); every non-PII
 * field and unknown field is kept as it came; an entity without PII is parsed as it is. Thread-safe
 * when the keysets are.
 */
public final class PiiDecryptor {
  private final SubjectKeysets keysets;

  /** A decryptor taking each subject's AEAD from {@code keysets}. */
  public PiiDecryptor(SubjectKeysets keysets) {
    this.keysets = keysets;
  }

  /** Decrypts into a {@link DynamicMessage} of the entity's own descriptor. */
  public DecryptedEvent<DynamicMessage> decrypt(EntityDefinition entity, byte[] payload)
      throws GeneralSecurityException, InvalidProtocolBufferException {
    return decrypt(entity, payload, DynamicMessage.getDefaultInstance(entity.descriptor()));
  }

  /**
   * Decrypts into a message of {@code prototype}'s type (e.g. {@code Sale.getDefaultInstance()}).
   *
   * @throws InvalidProtocolBufferException when the payload is not a message of the encrypted form
   * @throws GeneralSecurityException when a ciphertext does not decrypt with the subject's key
   *     (tampered, or made with another key), naming the field
   * @throws IllegalArgumentException when the prototype is of another type, a ciphertext is present
   *     while the subject field is empty, or a plaintext is no value of its field
   */
  @SuppressWarnings("unchecked")
  public <T extends Message> DecryptedEvent<T> decrypt(
      EntityDefinition entity, byte[] payload, T prototype)
      throws GeneralSecurityException, InvalidProtocolBufferException {
    if (!prototype.getDescriptorForType().getFullName().equals(entity.fullName())) {
      throw new IllegalArgumentException(
          "entity "
              + entity.name()
              + " decrypts into a "
              + entity.fullName()
              + " message, got a prototype of "
              + prototype.getDescriptorForType().getFullName());
    }
    if (!entity.hasPii()) {
      return new DecryptedEvent<>((T) prototype.getParserForType().parseFrom(payload), "", false);
    }
    DynamicMessage encrypted = DynamicMessage.parseFrom(EncryptedForm.of(entity), payload);
    Subject subject = new Subject(entity, entity.piiSubjectOf(encrypted));
    Message.Builder out = prototype.newBuilderForType();
    restore(encrypted, out, subject, "");
    return new DecryptedEvent<>((T) out.build(), subject.id, subject.forgotten);
  }

  private void restore(Message in, Message.Builder out, Subject subject, String path)
      throws GeneralSecurityException {
    Descriptor type = out.getDescriptorForType();
    for (Map.Entry<FieldDescriptor, Object> entry : in.getAllFields().entrySet()) {
      FieldDescriptor field = type.findFieldByNumber(entry.getKey().getNumber());
      String fieldPath = path + field.getName();
      List<?> values = field.isRepeated() ? (List<?>) entry.getValue() : List.of(entry.getValue());
      for (Object value : values) {
        Object restored;
        if (EncryptedForm.isEncrypted(field)) {
          restored = decrypted(field, out, value, subject, fieldPath);
          if (restored == null) {
            continue;
          }
        } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
          Message.Builder nested = out.newBuilderForField(field);
          restore((Message) value, nested, subject, fieldPath + ".");
          restored = nested.build();
        } else if (field.getJavaType() == FieldDescriptor.JavaType.ENUM) {
          restored =
              field
                  .getEnumType()
                  .findValueByNumberCreatingIfUnknown(((EnumValueDescriptor) value).getNumber());
        } else {
          restored = value;
        }
        if (field.isRepeated()) {
          out.addRepeatedField(field, restored);
        } else {
          out.setField(field, restored);
        }
      }
    }
    out.mergeUnknownFields(in.getUnknownFields());
  }

  /** The restored value, or null when the subject is forgotten. */
  private Object decrypted(
      FieldDescriptor field, Message.Builder out, Object value, Subject subject, String path)
      throws GeneralSecurityException {
    if (!field.isMapField()) {
      byte[] plaintext = subject.decrypt((ByteString) value, path);
      return plaintext == null ? null : fromText(field, out, plaintext);
    }
    Message entry = (Message) value;
    Descriptor wireEntry = entry.getDescriptorForType();
    byte[] plaintext =
        subject.decrypt((ByteString) entry.getField(wireEntry.findFieldByNumber(2)), path);
    if (plaintext == null) {
      return null;
    }
    Message.Builder restored = out.newBuilderForField(field);
    FieldDescriptor key = restored.getDescriptorForType().findFieldByNumber(1);
    FieldDescriptor mapValue = restored.getDescriptorForType().findFieldByNumber(2);
    restored.setField(key, entry.getField(wireEntry.findFieldByNumber(1)));
    restored.setField(mapValue, fromText(mapValue, restored, plaintext));
    return restored.build();
  }

  private static Object fromText(FieldDescriptor field, Message.Builder owner, byte[] plaintext) {
    return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
        ? PiiPlaintext.messageFromText(owner.newBuilderForField(field), plaintext)
        : PiiPlaintext.scalarFromText(field, plaintext);
  }

  /** The data subject of one event; its AEAD is looked up on the first ciphertext. */
  private final class Subject {
    private final EntityDefinition entity;
    private final String id;
    private Optional<Aead> aead;
    private boolean forgotten;

    Subject(EntityDefinition entity, String id) {
      this.entity = entity;
      this.id = id;
    }

    byte[] decrypt(ByteString ciphertext, String path) throws GeneralSecurityException {
      if (id.isEmpty()) {
        throw new IllegalArgumentException(
            "entity "
                + entity.name()
                + ": PII field '"
                + path
                + "' holds a ciphertext but the PII subject field '"
                + entity.piiSubjectField().orElseThrow().getName()
                + "' is empty; allowed: PII values only in events with a subject id");
      }
      if (aead == null) {
        aead = keysets.existingAeadFor(id);
      }
      if (aead.isEmpty()) {
        forgotten = true;
        return null;
      }
      try {
        return aead.get().decrypt(ciphertext.toByteArray(), id.getBytes(UTF_8));
      } catch (GeneralSecurityException e) {
        throw new GeneralSecurityException(
            "entity "
                + entity.name()
                + ": PII field '"
                + path
                + "' does not decrypt with the key of subject '"
                + id
                + "' (tampered, or encrypted for another subject): "
                + e.getMessage(),
            e);
      }
    }
  }
}
