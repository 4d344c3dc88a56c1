package io.entityflow.contract.privacy;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.entityflow.contract.options.Sensitivity;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.FieldSensitivity;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The encrypted form of an entity: the message type its events are published with when it has PII
 * fields. Every PII field, at any depth, is a {@code bytes} field with the same number and name:
 *
 * <ul>
 *   <li>a singular field holds one ciphertext; a repeated field one ciphertext per element;
 *   <li>a map field marked PII keeps its keys in clear and holds one ciphertext per value ({@code
 *       map<K, bytes>});
 *   <li>a field of message type (wrappers, {@code Timestamp}, {@code Struct}, user messages) holds
 *       one ciphertext of the whole value.
 * </ul>
 *
 * <p>Every other field, message and enum is unchanged, with the same full names, so a reader that
 * does not decrypt still reads every non-PII field.
 *
 * <pre>{@code
 * Descriptor wire = EncryptedForm.of(registry.require(Sale.getDescriptor()));
 * wire.findFieldByName("card").getMessageType()
 *     .findFieldByName("cardholder_name").getType();   // BYTES
 * DynamicMessage event = DynamicMessage.parseFrom(wire, payload);
 * }</pre>
 *
 * <p>Guarantees: built by rewriting the {@code FileDescriptorProto}s of every file the entity
 * reaches (PII fields become {@code TYPE_BYTES} with no type name; a PII map's entry gets a {@code
 * bytes} value); files without PII that import none are reused as they are; an entity without PII
 * is its own encrypted form; the result is cached per message type and thread-safe.
 */
public final class EncryptedForm {
  private static final Map<Descriptor, Descriptor> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  private EncryptedForm() {}

  /** The encrypted form of an entity; its own descriptor when it has no PII. */
  public static Descriptor of(EntityDefinition entity) {
    return entity.hasPii() ? of(entity.descriptor()) : entity.descriptor();
  }

  /**
   * The encrypted form of any message type: rewritten when a PII field is reachable from it, else
   * the type itself.
   */
  public static Descriptor of(Descriptor message) {
    if (!reachesPii(message, new HashSet<>())) {
      return message;
    }
    Descriptor cached = CACHE.get(message);
    if (cached == null) {
      FileDescriptor file = rewrite(message.getFile(), new HashMap<>());
      cached = find(file, message);
      CACHE.put(message, cached);
    }
    return cached;
  }

  /** Whether a field travels encrypted: it is marked {@code PII}. */
  public static boolean isEncrypted(FieldDescriptor field) {
    return FieldSensitivity.of(field) == Sensitivity.PII;
  }

  private static boolean reachesPii(Descriptor message, Set<Descriptor> visited) {
    if (!visited.add(message)) {
      return false;
    }
    for (FieldDescriptor field : message.getFields()) {
      if (isEncrypted(field)
          || (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
              && reachesPii(field.getMessageType(), visited))) {
        return true;
      }
    }
    return false;
  }

  private static FileDescriptor rewrite(FileDescriptor file, Map<String, FileDescriptor> done) {
    FileDescriptor known = done.get(file.getName());
    if (known != null) {
      return known;
    }
    List<FileDescriptor> originals = file.getDependencies();
    FileDescriptor[] dependencies = new FileDescriptor[originals.size()];
    boolean changed = false;
    for (int i = 0; i < dependencies.length; i++) {
      dependencies[i] = rewrite(originals.get(i), done);
      changed |= dependencies[i] != originals.get(i);
    }
    FileDescriptorProto.Builder proto = file.toProto().toBuilder();
    for (int i = 0; i < proto.getMessageTypeCount(); i++) {
      changed |= rewrite(proto.getMessageTypeBuilder(i), file.getMessageTypes().get(i));
    }
    FileDescriptor result = file;
    if (changed) {
      try {
        result = FileDescriptor.buildFrom(proto.build(), dependencies);
      } catch (DescriptorValidationException e) {
        throw new IllegalStateException(
            "encrypted form of '" + file.getName() + "' is not valid: " + e.getMessage(), e);
      }
    }
    done.put(file.getName(), result);
    return result;
  }

  private static boolean rewrite(DescriptorProto.Builder proto, Descriptor message) {
    boolean changed = false;
    for (int i = 0; i < proto.getFieldCount(); i++) {
      FieldDescriptor field = message.getFields().get(i);
      if (!isEncrypted(field)) {
        continue;
      }
      changed = true;
      if (field.isMapField()) {
        String entry = field.getMessageType().getName();
        for (DescriptorProto.Builder nested : proto.getNestedTypeBuilderList()) {
          if (nested.getName().equals(entry)) {
            toBytes(nested.getFieldBuilder(1));
          }
        }
      } else {
        toBytes(proto.getFieldBuilder(i));
      }
    }
    for (int i = 0; i < proto.getNestedTypeCount(); i++) {
      changed |= rewrite(proto.getNestedTypeBuilder(i), message.getNestedTypes().get(i));
    }
    return changed;
  }

  private static void toBytes(FieldDescriptorProto.Builder field) {
    field.setType(FieldDescriptorProto.Type.TYPE_BYTES).clearTypeName().clearDefaultValue();
    if (field.hasOptions() && field.getOptions().hasPacked()) {
      field.setOptions(field.getOptions().toBuilder().clearPacked());
    }
  }

  private static Descriptor find(FileDescriptor file, Descriptor original) {
    Descriptor containing = original.getContainingType();
    if (containing == null) {
      return file.findMessageTypeByName(original.getName());
    }
    return find(file, containing).findNestedTypeByName(original.getName());
  }
}
