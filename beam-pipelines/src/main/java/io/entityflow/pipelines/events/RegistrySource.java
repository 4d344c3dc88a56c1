package io.entityflow.pipelines.events;

import io.entityflow.contract.registry.EntityRegistry;
import java.io.Serializable;

/**
 * A serializable handle on an {@link EntityRegistry}: the binary descriptor set it was built from.
 * DoFns hold one and rebuild the registry once per instance, since descriptors themselves are not
 * serializable. The classpath contract ({@link #contract()}) is one instance per JVM, read only
 * when first used (a pipeline given {@code --contract} never touches the classpath), and serializes
 * as a marker only: runners such as the DirectRunner serialize a DoFn for every bundle, and a
 * descriptor set with source info is tens of kilobytes.
 *
 * <pre>{@code
 * RegistrySource source = RegistrySource.contract();
 * EntityRegistry registry = source.registry();
 * }</pre>
 */
public final class RegistrySource implements Serializable {
  private static final long serialVersionUID = 1L;

  private static RegistrySource contract;

  /** The descriptor set, null for the classpath contract. */
  private final byte[] descriptorSet;

  private transient EntityRegistry registry;

  private RegistrySource(byte[] descriptorSet) {
    this.descriptorSet = descriptorSet == null ? null : descriptorSet.clone();
  }

  /**
   * The contract artifacts on the classpath (what {@link EntityRegistry#load()} reads), loaded on
   * first use.
   */
  public static synchronized RegistrySource contract() {
    if (contract == null) {
      contract = new RegistrySource(null);
    }
    return contract;
  }

  /** A registry from a binary {@code FileDescriptorSet} with source info. */
  public static RegistrySource of(byte[] descriptorSet) {
    return new RegistrySource(descriptorSet);
  }

  /** The registry, built on first use. */
  public synchronized EntityRegistry registry() {
    if (registry == null) {
      registry =
          descriptorSet == null
              ? EntityRegistry.load()
              : EntityRegistry.fromDescriptorSet(descriptorSet);
    }
    return registry;
  }

  private Object writeReplace() {
    return this == contract ? new ContractMarker() : this;
  }

  /** The serialized form of {@link #contract()}: resolves to this JVM's classpath contract. */
  private static final class ContractMarker implements Serializable {
    private static final long serialVersionUID = 1L;

    private Object readResolve() {
      return contract();
    }
  }
}
