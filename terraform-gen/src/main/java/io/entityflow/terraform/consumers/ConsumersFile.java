package io.entityflow.terraform.consumers;

import io.entityflow.contract.layout.ConsumerResources;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads an environment's consumers file (YAML, or JSON, which YAML reads too): each entity topic
 * (or the entity's full Protobuf name) maps to its consumers, each a consumer-lib handler name, or
 * an object with the name and subscription options. The resource names come from {@link
 * PhysicalLayout#consumer}, the code consumer-lib names them with.
 *
 * <pre>{@code
 * # consumers.yaml
 * sale_v1:
 *   - loyalty_accrual                 # every option at its default
 *   - name: fraud_check
 *     max_delivery_attempts: 5        # 5-100, default 10
 *     ack_deadline_seconds: 120       # 10-600, default 60
 *     minimum_backoff: 5s             # retry policy, default 10s
 *     maximum_backoff: 300s           # at most 600s, default 600s
 *     ordering: true                  # default true
 *     replay: false                   # replay topic and subscription, default true
 * acme.retail.customer.v1.Customer: [crm_sync]
 *
 * List<ConsumerSpec> consumers = ConsumersFile.read(Path.of("consumers.yaml"), registry);
 * }</pre>
 *
 * <p>Guarantees: consumers in file order; an unknown topic, a name the layout refuses, a consumer
 * named twice for one topic, an unknown option or a value Pub/Sub would refuse fails with an {@link
 * IllegalArgumentException} naming the file, the topic, the consumer, the bad value and what is
 * allowed.
 */
public final class ConsumersFile {
  /** The names looked up in an environment directory, in this order, when none is given. */
  public static final List<String> DEFAULT_NAMES =
      List.of("consumers.yaml", "consumers.yml", "consumers.json");

  /** The options of a consumer object. */
  public static final List<String> OPTIONS =
      List.of(
          "name",
          "ordering",
          "max_delivery_attempts",
          "ack_deadline_seconds",
          "minimum_backoff",
          "maximum_backoff",
          "replay");

  private static final Pattern DURATION = Pattern.compile("(\\d{1,3})(?:\\.(\\d{1,9}))?s");
  private static final int MAX_BACKOFF_SECONDS = 600;

  private ConsumersFile() {}

  /** The first of {@link #DEFAULT_NAMES} present in {@code environment}. */
  public static Optional<Path> find(Path environment) {
    return DEFAULT_NAMES.stream()
        .map(environment::resolve)
        .filter(Files::isRegularFile)
        .findFirst();
  }

  /** The consumers of a file. */
  public static List<ConsumerSpec> read(Path file, EntityRegistry registry) throws IOException {
    return parse(Files.readString(file), file.toString(), registry);
  }

  /** The consumers of a file's text; {@code source} names it in errors. */
  public static List<ConsumerSpec> parse(String text, String source, EntityRegistry registry) {
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "consumers file " + source + " is not valid YAML or JSON: " + e.getMessage(), e);
    }
    List<ConsumerSpec> consumers = new ArrayList<>();
    if (root == null) {
      return consumers;
    }
    if (!(root instanceof Map<?, ?> topics)) {
      throw new IllegalArgumentException(
          "consumers file "
              + source
              + " must map entity topics to lists of consumers, e.g. 'sale_v1: [loyalty_accrual]'");
    }
    PhysicalLayout layout = PhysicalLayout.of(registry);
    for (Map.Entry<?, ?> entry : topics.entrySet()) {
      String topic = String.valueOf(entry.getKey());
      EntityDefinition entity = entity(registry, topic, source);
      String where = "consumers file " + source + ", " + topic;
      Object value = entry.getValue();
      List<?> list = value instanceof List<?> l ? l : value == null ? List.of() : List.of(value);
      Set<String> names = new HashSet<>();
      for (Object item : list) {
        ConsumerSpec spec = spec(layout, entity, item, where);
        if (!names.add(spec.resources().consumer())) {
          throw new IllegalArgumentException(
              where
                  + ": consumer '"
                  + spec.resources().consumer()
                  + "' is listed twice; each consumer of a topic once");
        }
        consumers.add(spec);
      }
    }
    return consumers;
  }

  private static EntityDefinition entity(EntityRegistry registry, String key, String source) {
    return registry
        .forTopic(key)
        .or(() -> registry.find(key))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "consumers file "
                        + source
                        + ": unknown entity topic '"
                        + key
                        + "'; allowed: an entity topic "
                        + registry.entities().stream().map(EntityDefinition::topicName).toList()
                        + " or the entity's full name"));
  }

  private static ConsumerSpec spec(
      PhysicalLayout layout, EntityDefinition entity, Object item, String where) {
    Map<?, ?> options = item instanceof Map<?, ?> map ? map : Map.of("name", item);
    for (Object key : options.keySet()) {
      if (!OPTIONS.contains(String.valueOf(key))) {
        throw new IllegalArgumentException(
            where + ": unknown consumer option '" + key + "'; allowed: " + OPTIONS);
      }
    }
    Object name = options.get("name");
    if (!(name instanceof String consumerName)) {
      throw new IllegalArgumentException(
          where
              + ": consumer "
              + item
              + " has no name; allowed: a name such as loyalty_accrual, or an object with 'name'");
    }
    ConsumerResources resources;
    try {
      resources = layout.consumer(entity, consumerName);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
    String at = where + ", consumer " + consumerName;
    int attempts =
        integer(
            options,
            "max_delivery_attempts",
            ConsumerSpec.DEFAULT_MAX_DELIVERY_ATTEMPTS,
            ConsumerSpec.MIN_DELIVERY_ATTEMPTS,
            ConsumerSpec.MAX_DELIVERY_ATTEMPTS,
            at);
    int ackDeadline =
        integer(
            options,
            "ack_deadline_seconds",
            ConsumerSpec.DEFAULT_ACK_DEADLINE_SECONDS,
            ConsumerSpec.MIN_ACK_DEADLINE_SECONDS,
            ConsumerSpec.MAX_ACK_DEADLINE_SECONDS,
            at);
    String minimum = duration(options, "minimum_backoff", ConsumerSpec.DEFAULT_MINIMUM_BACKOFF, at);
    String maximum = duration(options, "maximum_backoff", ConsumerSpec.DEFAULT_MAXIMUM_BACKOFF, at);
    if (seconds(minimum) > seconds(maximum)) {
      throw new IllegalArgumentException(
          at
              + ": minimum_backoff "
              + minimum
              + " is longer than maximum_backoff "
              + maximum
              + "; allowed: minimum_backoff <= maximum_backoff");
    }
    return new ConsumerSpec(
        resources,
        bool(options, "ordering", true, at),
        attempts,
        ackDeadline,
        minimum,
        maximum,
        bool(options, "replay", true, at));
  }

  private static int integer(
      Map<?, ?> options, String key, int defaultValue, int min, int max, String at) {
    Object value = options.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Integer number) || number < min || number > max) {
      throw new IllegalArgumentException(
          at
              + ": "
              + key
              + " "
              + value
              + " is not allowed; allowed: an integer from "
              + min
              + " to "
              + max);
    }
    return number;
  }

  private static boolean bool(Map<?, ?> options, String key, boolean defaultValue, String at) {
    Object value = options.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Boolean flag)) {
      throw new IllegalArgumentException(
          at + ": " + key + " " + value + " is not allowed; allowed: true or false");
    }
    return flag;
  }

  private static String duration(Map<?, ?> options, String key, String defaultValue, String at) {
    Object value = options.get(key);
    if (value == null) {
      return defaultValue;
    }
    String text = String.valueOf(value);
    Matcher matcher = DURATION.matcher(text);
    if (!(value instanceof String) || !matcher.matches() || seconds(text) > MAX_BACKOFF_SECONDS) {
      throw new IllegalArgumentException(
          at
              + ": "
              + key
              + " "
              + value
              + " is not allowed; allowed: seconds with an s suffix from 0s to "
              + MAX_BACKOFF_SECONDS
              + "s, e.g. 10s or 0.5s");
    }
    return text;
  }

  private static double seconds(String duration) {
    return Double.parseDouble(duration.substring(0, duration.length() - 1));
  }
}
