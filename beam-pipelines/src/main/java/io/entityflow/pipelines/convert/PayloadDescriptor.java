package io.entityflow.pipelines.convert;

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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The descriptor an entity's payloads are parsed with: the entity message in its encrypted form,
 * where every PII field (any depth) is a {@code bytes} field with the same number and name (a PII
 * map keeps its keys and gets {@code bytes} values), as producers publish it. An entity without PII
 * keeps its own descriptor. So ciphertext lands as is in the table's BYTES columns.
 *
 * <pre>{@code
 * Descriptor wire = PayloadDescriptor.of(customer);
 * wire.findFieldByName("email").getType();   // BYTES
 * }</pre>
 *
 * <p>Guarantees: same message full names and field numbers as the contract; the rewrite covers
 * every file the entity reaches. Built by rewriting the files' {@code FileDescriptorProto}s.
 */
public final class PayloadDescriptor {
  private PayloadDescriptor() {}

  /** The payload descriptor of an entity. */
  public static Descriptor of(EntityDefinition entity) {
    return of(entity.descriptor());
  }

  /** The encrypted form of a top-level message; the message itself when it reaches no PII. */
  public static Descriptor of(Descriptor message) {
    Map<String, FileDescriptor> files = new LinkedHashMap<>();
    collect(message.getFile(), files);
    Set<String> rewritten = new HashSet<>();
    Map<String, FileDescriptor> built = new LinkedHashMap<>();
    boolean changed = false;
    for (FileDescriptor file : files.values()) {
      FileDescriptorProto.Builder proto = file.toProto().toBuilder();
      boolean fileChanged = false;
      for (int i = 0; i < proto.getMessageTypeCount(); i++) {
        fileChanged |= rewrite(proto.getMessageTypeBuilder(i), file.getMessageTypes().get(i));
      }
      boolean dependencyChanged =
          file.getDependencies().stream().anyMatch(d -> rewritten.contains(d.getName()));
      if (!fileChanged && !dependencyChanged) {
        // Unchanged (e.g. well-known types): keep the original, so generated classes still apply.
        built.put(file.getName(), file);
        continue;
      }
      rewritten.add(file.getName());
      changed = true;
      FileDescriptor[] dependencies =
          file.getDependencies().stream()
              .map(d -> built.get(d.getName()))
              .toArray(FileDescriptor[]::new);
      try {
        built.put(file.getName(), FileDescriptor.buildFrom(proto.build(), dependencies));
      } catch (DescriptorValidationException e) {
        throw new IllegalStateException(
            "cannot build the encrypted form of " + message.getFullName() + ": " + e.getMessage(),
            e);
      }
    }
    if (!changed) {
      return message;
    }
    return built.get(message.getFile().getName()).findMessageTypeByName(message.getName());
  }

  /** Dependencies first (a file after every file it imports). */
  private static void collect(FileDescriptor file, Map<String, FileDescriptor> out) {
    if (out.containsKey(file.getName())) {
      return;
    }
    for (FileDescriptor dependency : file.getDependencies()) {
      collect(dependency, out);
    }
    out.put(file.getName(), file);
  }

  private static boolean rewrite(DescriptorProto.Builder proto, Descriptor message) {
    boolean changed = false;
    List<FieldDescriptor> fields = message.getFields();
    for (int i = 0; i < proto.getFieldCount(); i++) {
      FieldDescriptor field = fields.get(i);
      if (FieldSensitivity.of(field) != Sensitivity.PII) {
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
    List<Descriptor> nested = message.getNestedTypes();
    for (int i = 0; i < proto.getNestedTypeCount(); i++) {
      changed |= rewrite(proto.getNestedTypeBuilder(i), nested.get(i));
    }
    return changed;
  }

  private static void toBytes(FieldDescriptorProto.Builder field) {
    field.setType(FieldDescriptorProto.Type.TYPE_BYTES).clearTypeName();
  }
}
