package io.entityflow.alerting.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed access to the values of a parsed rules file (maps, lists, timestamps, durations, numbers,
 * booleans) with the file's error messages: every refusal names the source, where in the file, the
 * key, the bad value and what is allowed.
 *
 * <pre>{@code
 * RulesYaml yaml = new RulesYaml("r.yaml");
 * Map<String, Object> rule = yaml.map(node, "rule #1", Set.of("id", "match"));
 * Duration cooldown = yaml.duration(rule, "cooldown", Duration.ofMinutes(30), "rule 'x'");
 * }</pre>
 *
 * <p>Guarantees: never returns a value it could not read; an unknown key, a wrong type or a bad
 * value throws a {@link RulesException}; maps keep the file's key order.
 */
final class RulesYaml {
  private final String source;

  /** Reads values of the rules file named {@code source} in errors. */
  RulesYaml(String source) {
    this.source = source;
  }

  /** The node as a map whose keys are all {@code allowed}. */
  Map<String, Object> map(Object value, String where, Set<String> allowed) {
    if (!(value instanceof Map<?, ?> raw)) {
      throw new RulesException(
          "rules file " + source + ": " + where + " must be a map, got '" + value + "'", null);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : raw.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (!allowed.contains(key)) {
        throw new RulesException(
            "rules file "
                + source
                + ": "
                + where
                + " has unknown key '"
                + key
                + "'; allowed: "
                + String.join(", ", allowed.stream().sorted().toList()),
            null);
      }
      result.put(key, e.getValue());
    }
    return result;
  }

  /** The node as a list; absent is empty. */
  List<?> list(Object value, String where) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> l)) {
      throw new RulesException(
          "rules file " + source + ": " + where + " must be a list, got '" + value + "'", null);
    }
    return l;
  }

  /** The RFC 3339 UTC timestamp under {@code key}. */
  Instant instant(Map<String, Object> m, String key, String where) {
    Object value = m.get(key);
    try {
      return Instant.parse(String.valueOf(value));
    } catch (RuntimeException e) {
      throw fail(where, key, value, "an RFC 3339 UTC timestamp such as 2026-11-01T00:00:00Z");
    }
  }

  /** The non-negative ISO-8601 duration under {@code key}, or {@code fallback} when absent. */
  Duration duration(Map<String, Object> m, String key, Duration fallback, String where) {
    if (!m.containsKey(key)) {
      return fallback;
    }
    Object value = m.get(key);
    try {
      Duration d = Duration.parse(String.valueOf(value));
      if (d.isNegative()) {
        throw new IllegalArgumentException("negative");
      }
      return d;
    } catch (RuntimeException e) {
      throw fail(where, key, value, "an ISO-8601 duration such as PT30M or PT4H");
    }
  }

  /** The number under {@code key}. */
  double number(Map<String, Object> m, String key, String where) {
    Object value = m.get(key);
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw fail(where, key, value, "a number");
  }

  /** The boolean under {@code key}. */
  boolean bool(Map<String, Object> m, String key, String where) {
    Object value = m.get(key);
    if (value instanceof Boolean b) {
      return b;
    }
    throw fail(where, key, value, "true or false");
  }

  /** The value as text, or null. */
  static String string(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  /**
   * The refusal of {@code value} (null: missing) under {@code key}; callers throw it: {@code throw
   * yaml.fail(...)}.
   */
  RulesException fail(String where, String key, Object value, String allowed) {
    return new RulesException(
        "rules file "
            + source
            + ": "
            + where
            + " key '"
            + key
            + "' has "
            + (value == null ? "no value" : "invalid value '" + value + "'")
            + "; expected "
            + allowed,
        null);
  }
}
