package io.entityflow.alerting.deploy;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.entityflow.alerting.service.AlertingConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.MapPropertySource;
import io.micronaut.context.env.PropertySource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the service reads, derived from the build rather than listed by hand: every configuration
 * key under {@value AlertingConfiguration#PREFIX} (from the {@code
 * META-INF/spring-configuration-metadata.json} the annotation processor writes for the
 * {@code @ConfigurationProperties} interfaces) and every environment variable {@code
 * application.yml} names in a placeholder (such as {@code PORT}). Environment variables are mapped
 * to keys by Micronaut itself, through a property source with its environment-variable convention.
 *
 * <pre>{@code
 * ConfigurationKeys keys = ConfigurationKeys.load();
 * keys.keysSetBy("ENTITYFLOW_ALERTING_API_TOKEN"); // [entityflow.alerting.api-token]
 * }</pre>
 */
final class ConfigurationKeys {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

  private final TreeSet<String> keys;
  private final TreeSet<String> placeholderVariables;

  private ConfigurationKeys(TreeSet<String> keys, TreeSet<String> placeholderVariables) {
    this.keys = keys;
    this.placeholderVariables = placeholderVariables;
  }

  /** Reads the metadata and application.yml of the service's classpath. */
  static ConfigurationKeys load() throws IOException {
    ClassLoader loader = AlertingConfiguration.class.getClassLoader();
    TreeSet<String> keys = new TreeSet<>();
    Enumeration<URL> metadata = loader.getResources("META-INF/spring-configuration-metadata.json");
    while (metadata.hasMoreElements()) {
      for (JsonElement property :
          JsonParser.parseString(read(metadata.nextElement()))
              .getAsJsonObject()
              .getAsJsonArray("properties")) {
        String name = property.getAsJsonObject().get("name").getAsString();
        if (name.startsWith(AlertingConfiguration.PREFIX + ".")) {
          keys.add(name);
        }
      }
    }
    TreeSet<String> variables = new TreeSet<>();
    Matcher placeholder = PLACEHOLDER.matcher(read(loader.getResource("application.yml")));
    while (placeholder.find()) {
      List<String> parts = List.of(placeholder.group(1).split(":"));
      for (String expression : parts.subList(0, Math.max(1, parts.size() - 1))) {
        if (ENV_NAME.matcher(expression.strip()).matches()) {
          variables.add(expression.strip());
        }
      }
    }
    return new ConfigurationKeys(keys, variables);
  }

  /** Every configuration key of the service. */
  TreeSet<String> keys() {
    return keys;
  }

  /** Environment variables application.yml reads directly, e.g. {@code PORT}. */
  TreeSet<String> placeholderVariables() {
    return placeholderVariables;
  }

  /**
   * The configuration keys an environment variable sets, as Micronaut maps it (empty when the
   * service ignores the variable); a variable application.yml names in a placeholder maps to
   * itself.
   */
  TreeSet<String> keysSetBy(String variable) {
    TreeSet<String> set = new TreeSet<>();
    if (placeholderVariables.contains(variable)) {
      set.add(variable);
    }
    String marker = "value-of-" + variable;
    try (ApplicationContext context = contextWith(Map.of(variable, marker))) {
      Environment environment = context.getEnvironment().start();
      for (String key : keys) {
        if (environment.getProperty(key, String.class).filter(marker::equals).isPresent()) {
          set.add(key);
        }
      }
    }
    return set;
  }

  /** A configuration value of the service given these environment variables (and no others). */
  static Optional<String> resolve(String key, Map<String, String> variables) {
    try (ApplicationContext context = contextWith(new HashMap<>(variables))) {
      return context.getEnvironment().start().getProperty(key, String.class);
    }
  }

  /**
   * A context (not started) whose only environment variables are the given ones: the machine's own
   * are left out, as is cloud environment deduction.
   */
  private static ApplicationContext contextWith(Map<String, ?> variables) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) variables;
    PropertySource environmentVariables =
        new MapPropertySource("terraform-environment", map) {
          @Override
          public PropertyConvention getConvention() {
            return PropertyConvention.ENVIRONMENT_VARIABLE;
          }
        };
    return ApplicationContext.builder()
        .environmentPropertySource(false)
        .deduceEnvironment(false)
        .propertySources(environmentVariables)
        .build();
  }

  private static String read(URL url) throws IOException {
    if (url == null) {
      throw new IOException("application.yml is not on the service's classpath");
    }
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
