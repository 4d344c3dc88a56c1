package io.entityflow.schema.catalog;

import io.entityflow.contract.Operation;
import io.entityflow.contract.registry.EntityDefinition;
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
 * Which alert rules of an alerting rules file (format in {@code alerting/README.md}) watch an
 * entity: for each operation the first rule whose {@code match} (dataset, table, operation) fits,
 * else the {@code defaults}, with its type (learned or static) or {@code disabled}. Only the keys
 * that decide this are read ({@code defaults.enabled}, {@code defaults.type}, {@code rules[].id},
 * {@code match}, {@code enabled}, {@code type}, {@code minimum}); the alerting service validates
 * the rest. Without a file every operation has the service's built-in rule {@code default}
 * (learned).
 *
 * <pre>{@code
 * AlertRulesSummary rules = AlertRulesSummary.read(Path.of(".entityflow/alert-rules.yaml"));
 * rules.lines(sale);  // ["CREATED: sales-per-store (learned)", "UPDATED, DELETED, SNAPSHOT: default (learned)"]
 * }</pre>
 */
public final class AlertRulesSummary {
  private final Rule defaults;
  private final List<Rule> rules;

  private AlertRulesSummary(Rule defaults, List<Rule> rules) {
    this.defaults = defaults;
    this.rules = List.copyOf(rules);
  }

  /** The alerting service's built-in rule on every operation (no rules file). */
  public static AlertRulesSummary builtIn() {
    return new AlertRulesSummary(new Rule("default", null, null, null, true, "learned"), List.of());
  }

  /**
   * Reads a rules file.
   *
   * @throws IllegalArgumentException naming the file and the bad part when it is not a rules file
   */
  public static AlertRulesSummary read(Path file) {
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read alert rules file " + file + ": " + e, e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "alert rules file " + file + " is not valid YAML: " + e.getMessage(), e);
    }
    Map<?, ?> top = map(root == null ? Map.of() : root, file, "the file");
    Rule base = builtIn().defaults;
    Rule defaults =
        top.get("defaults") == null ? base : rule(map(top.get("defaults"), file, "defaults"), base);
    List<Rule> rules = new ArrayList<>();
    Object list = top.get("rules");
    if (list != null && !(list instanceof List<?>)) {
      throw new IllegalArgumentException(
          "alert rules file " + file + ": rules must be a list, got '" + list + "'");
    }
    int index = 0;
    for (Object o : list == null ? List.of() : (List<?>) list) {
      index++;
      Rule rule = rule(map(o, file, "rule #" + index), defaults);
      rules.add(rule.id().equals(defaults.id()) ? rule.withId("rule #" + index) : rule);
    }
    return new AlertRulesSummary(defaults, rules);
  }

  /**
   * One line per group of operations with the same rule, in operation order, e.g. {@code CREATED,
   * UPDATED: sales (static minimum)}.
   */
  public List<String> lines(EntityDefinition entity) {
    Map<String, List<String>> byRule = new LinkedHashMap<>();
    for (Operation operation : Operation.values()) {
      Rule rule = ruleFor(entity.dataset(), entity.tableName(), operation.name());
      String text =
          rule.id() + (rule.enabled() ? " (" + rule.type() + ")" : " (disabled: not watched)");
      byRule.computeIfAbsent(text, t -> new ArrayList<>()).add(operation.name());
    }
    List<String> lines = new ArrayList<>();
    byRule.forEach((text, operations) -> lines.add(String.join(", ", operations) + ": " + text));
    return lines;
  }

  private Rule ruleFor(String dataset, String table, String operation) {
    for (Rule rule : rules) {
      if ((rule.dataset() == null || rule.dataset().equals(dataset))
          && (rule.table() == null || rule.table().equals(table))
          && (rule.operation() == null || rule.operation().equals(operation))) {
        return rule;
      }
    }
    return defaults;
  }

  private static Rule rule(Map<?, ?> spec, Rule parent) {
    Map<?, ?> match = spec.get("match") instanceof Map<?, ?> m ? m : Map.of();
    boolean hasMatch = spec.containsKey("match");
    String type = parent.type();
    if (spec.containsKey("minimum") || "static".equals(spec.get("type"))) {
      type = "static minimum";
    } else if ("learned".equals(spec.get("type"))) {
      type = "learned";
    }
    return new Rule(
        spec.containsKey("id") ? String.valueOf(spec.get("id")) : parent.id(),
        hasMatch ? string(match.get("dataset")) : parent.dataset(),
        hasMatch ? string(match.get("table")) : parent.table(),
        hasMatch ? string(match.get("operation")) : parent.operation(),
        spec.containsKey("enabled") ? !Boolean.FALSE.equals(spec.get("enabled")) : parent.enabled(),
        type);
  }

  private static Map<?, ?> map(Object node, Path file, String where) {
    if (node instanceof Map<?, ?> map) {
      return map;
    }
    throw new IllegalArgumentException(
        "alert rules file " + file + ": " + where + " must be a map, got '" + node + "'");
  }

  private static String string(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  private record Rule(
      String id, String dataset, String table, String operation, boolean enabled, String type) {
    Rule withId(String other) {
      return new Rule(other, dataset, table, operation, enabled, type);
    }
  }
}
