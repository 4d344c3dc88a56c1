package io.entityflow.alerting.rules;

import io.entityflow.alerting.model.Sensitivity;
import io.entityflow.alerting.state.Silence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a YAML rules file (format in the module README) into a {@link RuleSet}. Each rule inherits
 * every key it does not set from {@code defaults}; holidays add up.
 *
 * <pre>{@code
 * RuleSet rules = RulesFileParser.parse(Path.of("alert-rules.yaml"));
 * RuleSet same = RulesFileParser.parse("rules: []", "inline");
 * }</pre>
 *
 * <p>Guarantees: an unknown key, a bad value or a missing required key fails with a {@link
 * RulesException} naming the source, the rule, the key, the value and what is allowed; nothing is
 * silently ignored.
 */
public final class RulesFileParser {
  static final Set<String> TOP_KEYS = Set.of("defaults", "rules", "maintenance", "silences");
  static final Set<String> RULE_KEYS =
      Set.of(
          "id",
          "match",
          "enabled",
          "type",
          "sensitivity",
          "time-zone",
          "segment",
          "drop-ratio",
          "holidays",
          "pending-for",
          "repeat-interval",
          "cooldown",
          "channels",
          "minimum",
          "window",
          "business-hours",
          "days");
  static final Set<String> MATCH_KEYS = Set.of("dataset", "table", "operation");
  static final Set<String> WINDOW_KEYS = Set.of("from", "to", "reason");
  static final Set<String> SILENCE_KEYS = Set.of("id", "match", "from", "until", "reason");

  private final String source;

  private RulesFileParser(String source) {
    this.source = source;
  }

  /** Parses a rules file. */
  public static RuleSet parse(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new RulesException("cannot read rules file " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /** Parses rules text; {@code source} names it in errors. */
  public static RuleSet parse(String yaml, String source) {
    Object root;
    try {
      root = YamlLoader.create().load(yaml);
    } catch (RuntimeException e) {
      throw new RulesException("rules file " + source + " is not valid YAML: " + e.getMessage(), e);
    }
    return new RulesFileParser(source).ruleSet(root == null ? Map.of() : root);
  }

  private RuleSet ruleSet(Object root) {
    Map<String, Object> top = map(root, "the rules file", TOP_KEYS);
    List<TimeWindow> maintenance = new ArrayList<>();
    for (Object o : list(top.get("maintenance"), "maintenance")) {
      Map<String, Object> w = map(o, "maintenance window", WINDOW_KEYS);
      maintenance.add(
          new TimeWindow(
              instant(w, "from", "maintenance window"),
              instant(w, "to", "maintenance window"),
              string(w.get("reason"))));
    }
    AlertRule base = AlertRule.defaultRule().withMaintenance(maintenance);
    AlertRule defaults =
        top.containsKey("defaults")
            ? rule(map(top.get("defaults"), "defaults", RULE_KEYS), base, "defaults")
            : base;
    List<AlertRule> rules = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    int index = 0;
    for (Object o : list(top.get("rules"), "rules")) {
      index++;
      Map<String, Object> spec = map(o, "rule #" + index, RULE_KEYS);
      String id = string(spec.get("id"));
      String where = id == null ? "rule #" + index : "rule '" + id + "'";
      if (id == null) {
        fail(where, "id", null, "a unique rule id, e.g. sales-per-store");
      }
      if (!ids.add(id)) {
        fail(where, "id", id, "a unique rule id (this one is used twice)");
      }
      if (!spec.containsKey("match")) {
        fail(where, "match", null, "a map of dataset, table and/or operation");
      }
      rules.add(rule(spec, defaults, where));
    }
    List<Silence> silences = new ArrayList<>();
    index = 0;
    for (Object o : list(top.get("silences"), "silences")) {
      index++;
      Map<String, Object> s = map(o, "silence #" + index, SILENCE_KEYS);
      String where = "silence #" + index;
      String matcher = string(s.get("match"));
      if (matcher == null) {
        fail(where, "match", null, "a dedup key, a series id prefix like retail.sale_v1, or *");
      }
      String id = s.containsKey("id") ? string(s.get("id")) : "config-" + index;
      Instant from = s.containsKey("from") ? instant(s, "from", where) : null;
      silences.add(
          new Silence(
              id, matcher, from, instant(s, "until", where), string(s.get("reason")), "config"));
    }
    return new RuleSet(defaults, rules, silences);
  }

  private AlertRule rule(Map<String, Object> spec, AlertRule parent, String where) {
    String id = spec.containsKey("id") ? string(spec.get("id")) : parent.id();
    RuleMatch match = parent.match();
    if (spec.containsKey("match")) {
      Map<String, Object> m = map(spec.get("match"), where + " match", MATCH_KEYS);
      match =
          new RuleMatch(
              string(m.get("dataset")), string(m.get("table")), string(m.get("operation")));
      if (match.operation() != null) {
        try {
          io.entityflow.contract.Operation.valueOf(match.operation());
        } catch (IllegalArgumentException e) {
          fail(where, "match.operation", match.operation(), "CREATED, UPDATED, DELETED, SNAPSHOT");
        }
      }
    }
    boolean enabled = spec.containsKey("enabled") ? bool(spec, "enabled", where) : parent.enabled();
    Sensitivity sensitivity = parent.sensitivity();
    if (spec.containsKey("sensitivity")) {
      try {
        sensitivity = Sensitivity.parse(string(spec.get("sensitivity")));
      } catch (IllegalArgumentException e) {
        fail(where, "sensitivity", spec.get("sensitivity"), "low, medium, high or (0, 30]");
      }
    }
    ZoneId zone = parent.zone();
    if (spec.containsKey("time-zone")) {
      try {
        zone = ZoneId.of(string(spec.get("time-zone")));
      } catch (RuntimeException e) {
        fail(where, "time-zone", spec.get("time-zone"), "an IANA zone such as Europe/Berlin");
      }
    }
    String segment =
        spec.containsKey("segment") ? string(spec.get("segment")) : parent.segmentColumn();
    if (segment != null && !segment.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      fail(where, "segment", segment, "a top-level column name such as store_id");
    }
    double dropRatio = parent.dropRatio();
    if (spec.containsKey("drop-ratio")) {
      dropRatio = number(spec, "drop-ratio", where);
      if (!(dropRatio > 0 && dropRatio < 1)) {
        fail(where, "drop-ratio", spec.get("drop-ratio"), "a number in (0, 1), e.g. 0.5");
      }
    }
    Set<LocalDate> holidays = new LinkedHashSet<>(parent.holidays());
    for (Object o : list(spec.get("holidays"), where + " holidays")) {
      try {
        holidays.add(LocalDate.parse(String.valueOf(o)));
      } catch (RuntimeException e) {
        fail(where, "holidays", o, "dates like 2026-12-25");
      }
    }
    Duration pendingFor = duration(spec, "pending-for", parent.pendingFor(), where);
    Duration repeat = duration(spec, "repeat-interval", parent.repeatInterval(), where);
    Duration cooldown = duration(spec, "cooldown", parent.cooldown(), where);
    List<String> channels = parent.channels();
    if (spec.containsKey("channels")) {
      channels = new ArrayList<>();
      for (Object o : list(spec.get("channels"), where + " channels")) {
        channels.add(String.valueOf(o));
      }
    }
    String type = spec.containsKey("type") ? string(spec.get("type")) : null;
    StaticMinimum minimum = parent.staticMinimum();
    if (type != null && !type.equals("learned") && !type.equals("static")) {
      fail(where, "type", type, "learned or static");
    }
    if ("learned".equals(type)) {
      minimum = null;
    } else if ("static".equals(type) || spec.containsKey("minimum")) {
      minimum = staticMinimum(spec, zone, where);
    }
    return new AlertRule(
        id,
        match,
        enabled,
        sensitivity,
        zone,
        segment,
        minimum,
        dropRatio,
        holidays,
        parent.maintenance(),
        pendingFor,
        repeat,
        cooldown,
        channels);
  }

  private StaticMinimum staticMinimum(Map<String, Object> spec, ZoneId zone, String where) {
    if (!spec.containsKey("minimum")) {
      fail(where, "minimum", null, "a whole number of events, e.g. 5 (required for type static)");
    }
    long minimum = (long) number(spec, "minimum", where);
    Duration window = duration(spec, "window", Duration.ofHours(1), where);
    if (window.toSeconds() % 60 != 0 || window.toMinutes() < 1) {
      fail(where, "window", spec.get("window"), "whole minutes such as PT30M, PT1H or PT90M");
    }
    Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
    if (spec.containsKey("days")) {
      days = EnumSet.noneOf(DayOfWeek.class);
      for (Object o : list(spec.get("days"), where + " days")) {
        days.add(day(String.valueOf(o), where));
      }
    }
    BusinessHours hours = BusinessHours.always(zone);
    String range = spec.containsKey("business-hours") ? string(spec.get("business-hours")) : null;
    try {
      hours =
          range == null
              ? new BusinessHours(hours.opens(), hours.closes(), days, zone)
              : BusinessHours.parse(range, days, zone);
    } catch (IllegalArgumentException e) {
      fail(where, "business-hours", range, "HH:mm-HH:mm such as 09:00-18:00");
    }
    try {
      return new StaticMinimum(minimum, window, hours);
    } catch (IllegalArgumentException e) {
      fail(where, "minimum", spec.get("minimum"), "a whole number of events of at least 1");
      return null;
    }
  }

  private DayOfWeek day(String value, String where) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().startsWith(value.toUpperCase()) && value.length() >= 3) {
        return d;
      }
    }
    fail(where, "days", value, "MON, TUE, WED, THU, FRI, SAT, SUN");
    return null;
  }

  private Map<String, Object> map(Object value, String where, Set<String> allowed) {
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

  private List<?> list(Object value, String where) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> l)) {
      throw new RulesException(
          "rules file " + source + ": " + where + " must be a list, got '" + value + "'", null);
    }
    return l;
  }

  private Instant instant(Map<String, Object> m, String key, String where) {
    Object value = m.get(key);
    try {
      return Instant.parse(String.valueOf(value));
    } catch (RuntimeException e) {
      fail(where, key, value, "an RFC 3339 UTC timestamp such as 2026-11-01T00:00:00Z");
      return null;
    }
  }

  private Duration duration(Map<String, Object> m, String key, Duration fallback, String where) {
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
      fail(where, key, value, "an ISO-8601 duration such as PT30M or PT4H");
      return null;
    }
  }

  private double number(Map<String, Object> m, String key, String where) {
    Object value = m.get(key);
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    fail(where, key, value, "a number");
    return 0;
  }

  private boolean bool(Map<String, Object> m, String key, String where) {
    Object value = m.get(key);
    if (value instanceof Boolean b) {
      return b;
    }
    fail(where, key, value, "true or false");
    return false;
  }

  private static String string(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  private void fail(String where, String key, Object value, String allowed) {
    throw new RulesException(
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
