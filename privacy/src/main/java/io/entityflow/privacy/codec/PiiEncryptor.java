package io.entityflow.privacy.codec;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.crypto.tink.Aead;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.entityflow.contract.privacy.EncryptedForm;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.privacy.keys.SubjectKeysets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;

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
 * without PII is serialized as it is. Thread-safe when the keysets are.
 */
public final class PiiEncryptor {
  private final SubjectKeysets keysets;

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
    Subject subject = new Subject(entity, entity.piiSubjectOf(event));
    return convert(event, EncryptedForm.of(entity), subject, "").toByteArray();
  }

  private DynamicMessage convert(Message in, Descriptor outType, Subject subject, String path)
      throws GeneralSecurityException {
    DynamicMessage.Builder out = DynamicMessage.newBuilder(outType);
    for (Map.Entry<FieldDescriptor, Object> entry : in.getAllFields().entrySet()) {
      FieldDescriptor field = entry.getKey();
      FieldDescriptor target = outType.findFieldByNumber(field.getNumber());
      String fieldPath = path + field.getName();
      List<?> values = field.isRepeated() ? (List<?>) entry.getValue() : List.of(entry.getValue());
      for (Object value : values) {
        Object converted;
        if (EncryptedForm.isEncrypted(field)) {
          converted = encrypted(field, target, value, subject, fieldPath);
        } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
          converted = convert((Message) value, target.getMessageType(), subject, fieldPath + ".");
        } else if (field.getJavaType() == FieldDescriptor.JavaType.ENUM) {
          converted =
              target
                  .getEnumType()
                  .findValueByNumberCreatingIfUnknown(((EnumValueDescriptor) value).getNumber());
        } else {
          converted = value;
        }
        if (field.isRepeated()) {
          out.addRepeatedField(target, converted);
        } else {
          out.setField(target, converted);
        }
      }
    }
    out.setUnknownFields(in.getUnknownFields());
    return out.build();
  }

  private Object encrypted(
      FieldDescriptor field, FieldDescriptor target, Object value, Subject subject, String path)
      throws GeneralSecurityException {
    if (!field.isMapField()) {
      return subject.encrypt(PiiPlaintext.toText(field, value), path);
    }
    Message entry = (Message) value;
    FieldDescriptor key = field.getMessageType().findFieldByNumber(1);
    FieldDescriptor mapValue = field.getMessageType().findFieldByNumber(2);
    Descriptor targetEntry = target.getMessageType();
    return DynamicMessage.newBuilder(targetEntry)
        .setField(targetEntry.findFieldByNumber(1), entry.getField(key))
        .setField(
            targetEntry.findFieldByNumber(2),
            subject.encrypt(PiiPlaintext.toText(mapValue, entry.getField(mapValue)), path))
        .build();
  }

  /** The data subject of one event; its AEAD is fetched on the first PII value. */
  private final class Subject {
    private final EntityDefinition entity;
    private final String id;
    private Aead aead;

    Subject(EntityDefinition entity, String id) {
      this.entity = entity;
      this.id = id;
    }

    ByteString encrypt(byte[] plaintext, String path) throws GeneralSecurityException {
      if (id.isEmpty()) {
        throw new IllegalArgumentException(
            "entity "
                + entity.name()
                + ": PII field '"
                + path
                + "' has a value but the PII subject field '"
                + entity.piiSubjectField().orElseThrow().getName()
                + "' is empty; allowed: a non-empty subject id (a string, or a number other than 0)"
                + " whenever a PII field has a value, else leave the PII fields unset");
      }
      if (aead == null) {
        aead = keysets.aeadFor(id);
      }
      return ByteString.copyFrom(aead.encrypt(plaintext, id.getBytes(UTF_8)));
    }
  }
}
