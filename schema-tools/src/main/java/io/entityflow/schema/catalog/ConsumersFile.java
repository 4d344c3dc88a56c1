package io.entityflow.schema.catalog;

import io.entityflow.contract.layout.ConsumerResources;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The consumers the catalog knows of, from a YAML file mapping each topic to the names of the
 * consumers (consumer-lib handlers) reading it; their subscriptions, dead-letter and replay topics
 * come from the physical layout ({@link PhysicalLayout#consumer}).
 *
 * <pre>{@code
 * # consumers.yaml
 * sale_v1: [loyalty_accrual, fraud_check]
 * customer_v1: [crm]
 *
 * Map<String, List<ConsumerResources>> byTopic = ConsumersFile.read(Path.of("consumers.yaml"), registry);
 * }</pre>
 *
 * <p>Guarantees: an unknown topic or a consumer name the layout refuses fails with an {@link
 * IllegalArgumentException} naming the file, the value and what is allowed.
 */
public final class ConsumersFile {
  private ConsumersFile() {}

  /** The consumers per topic, in file order. */
  public static Map<String, List<ConsumerResources>> read(Path file, EntityRegistry registry) {
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read consumers file " + file + ": " + e, e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "consumers file " + file + " is not valid YAML: " + e.getMessage(), e);
    }
    PhysicalLayout layout = PhysicalLayout.of(registry);
    Map<String, List<ConsumerResources>> consumers = new LinkedHashMap<>();
    if (root == null) {
      return consumers;
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(
          "consumers file " + file + " must map topics to consumer names, e.g. 'sale_v1: [crm]'");
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String topic = String.valueOf(entry.getKey());
      EntityDefinition entity =
          registry
              .forTopic(topic)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "consumers file "
                              + file
                              + ": unknown topic '"
                              + topic
                              + "'; allowed: "
                              + registry.entities().stream()
                                  .map(EntityDefinition::topicName)
                                  .toList()));
      Object names = entry.getValue();
      List<?> list = names instanceof List<?> l ? l : names == null ? List.of() : List.of(names);
      List<ConsumerResources> resources = new ArrayList<>();
      for (Object name : list) {
        try {
          resources.add(layout.consumer(entity, String.valueOf(name)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "consumers file " + file + ", topic " + topic + ": " + e.getMessage(), e);
        }
      }
      consumers.put(topic, resources);
    }
    return consumers;
  }
}
