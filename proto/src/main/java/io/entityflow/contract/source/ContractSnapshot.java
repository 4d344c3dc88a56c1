package io.entityflow.contract.source;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.entityflow.contract.registry.EntityRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One loaded version of the contract: its own {@code .proto} files (well-known types and {@code
 * entityflow/options.proto} left out), every message and enum they declare, and the entity
 * registry. Immutable.
 *
 * <pre>{@code
 * ContractSnapshot base = ContractLoader.forRepository(Path.of(".")).load("origin/main");
 * base.messages().get("acme.retail.sale.v1.Sale");
 * base.registry().entities();
 * }</pre>
 *
 * <p>Guarantees: messages and enums are keyed by full name in file and declaration order (nested
 * types right after their parent, map entry types excluded); the registry has passed every contract
 * rule.
 */
public final class ContractSnapshot {
  private final String label;
  private final List<FileDescriptor> files;
  private final EntityRegistry registry;
  private final Map<String, Descriptor> messages = new LinkedHashMap<>();
  private final Map<String, EnumDescriptor> enums = new LinkedHashMap<>();

  /** A snapshot of linked files; {@code label} says where it came from (shown in reports). */
  public ContractSnapshot(String label, List<FileDescriptor> linkedFiles) {
    this.label = label;
    List<FileDescriptor> own = new ArrayList<>();
    for (FileDescriptor file : linkedFiles) {
      if (isContractFile(file)) {
        own.add(file);
      }
    }
    this.files = List.copyOf(own);
    this.registry = EntityRegistry.fromFiles(files);
    for (FileDescriptor file : files) {
      file.getMessageTypes().forEach(this::collect);
      file.getEnumTypes().forEach(e -> enums.put(e.getFullName(), e));
    }
  }

  /** Whether a file belongs to the contract itself rather than to Protobuf or Entityflow. */
  public static boolean isContractFile(FileDescriptor file) {
    return !file.getPackage().equals("google.protobuf")
        && !file.getName().equals("entityflow/options.proto");
  }

  /** Where the snapshot came from, e.g. {@code git ref origin/main}. */
  public String label() {
    return label;
  }

  /** The contract's own files. */
  public List<FileDescriptor> files() {
    return files;
  }

  /** The entities. */
  public EntityRegistry registry() {
    return registry;
  }

  /** Every message declared by the contract, by full name. */
  public Map<String, Descriptor> messages() {
    return messages;
  }

  /** Every enum declared by the contract, by full name. */
  public Map<String, EnumDescriptor> enums() {
    return enums;
  }

  private void collect(Descriptor message) {
    if (message.getOptions().getMapEntry()) {
      return;
    }
    messages.put(message.getFullName(), message);
    message.getEnumTypes().forEach(e -> enums.put(e.getFullName(), e));
    message.getNestedTypes().forEach(this::collect);
  }
}
