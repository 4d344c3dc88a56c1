package io.entityflow.alerting.rules;

import io.entityflow.alerting.model.Sensitivity;
import io.entityflow.contract.Operation;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses one rule of a rules file (or its {@code defaults}) on top of a parent rule: every key the
 * rule does not set is inherited from the parent; holidays add up. The learned-rule options ({@code
 * sensitivity}, {@code time-zone}, {@code segment}, {@code drop-ratio}, {@code holidays}, {@code
 * calendar} with {@link CalendarParser}), the lifecycle durations, the {@code channels} and the
 * {@code type} are read here; a static minimum is read by {@link StaticMinimumParser}.
 *
 * <pre>{@code
 * AlertRuleParser p = new AlertRuleParser(yaml);
 * AlertRule defaults = p.parse(yaml.map(node, "defaults", AlertRuleParser.RULE_KEYS), base, "defaults");
 * }</pre>
 *
 * <p>Guarantees: {@code type: learned} drops an inherited static minimum, {@code type: static} or a
 * {@code minimum} key sets one; the parent's maintenance windows are kept; bad values fail with a
 * {@link RulesException} naming the rule, the key, the value and what is allowed.
 */
final class AlertRuleParser {
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
          "calendar",
          "pending-for",
          "repeat-interval",
          "cooldown",
          "channels",
          "minimum",
          "window",
          "business-hours",
          "days");
  static final Set<String> MATCH_KEYS = Set.of("dataset", "table", "operation");

  private final RulesYaml yaml;
  private final StaticMinimumParser staticMinimum;
  private final CalendarParser calendar;

  /** Parses with the given file's value access and errors. */
  AlertRuleParser(RulesYaml yaml) {
    this.yaml = yaml;
    this.staticMinimum = new StaticMinimumParser(yaml);
    this.calendar = new CalendarParser(yaml);
  }

  /**
   * The rule {@code spec} (keys already checked against {@link #RULE_KEYS}) over {@code parent}.
   */
  AlertRule parse(Map<String, Object> spec, AlertRule parent, String where) {
    String id = spec.containsKey("id") ? RulesYaml.string(spec.get("id")) : parent.id();
    RuleMatch match = spec.containsKey("match") ? match(spec.get("match"), where) : parent.match();
    boolean enabled =
        spec.containsKey("enabled") ? yaml.bool(spec, "enabled", where) : parent.enabled();
    Sensitivity sensitivity = parent.sensitivity();
    if (spec.containsKey("sensitivity")) {
      try {
        sensitivity = Sensitivity.parse(RulesYaml.string(spec.get("sensitivity")));
      } catch (IllegalArgumentException e) {
        throw yaml.fail(
            where, "sensitivity", spec.get("sensitivity"), "low, medium, high or (0, 30]");
      }
    }
    ZoneId zone = parent.zone();
    if (spec.containsKey("time-zone")) {
      try {
        zone = ZoneId.of(RulesYaml.string(spec.get("time-zone")));
      } catch (RuntimeException e) {
        throw yaml.fail(
            where, "time-zone", spec.get("time-zone"), "an IANA zone such as Europe/Berlin");
      }
    }
    String segment =
        spec.containsKey("segment")
            ? RulesYaml.string(spec.get("segment"))
            : parent.segmentColumn();
    if (segment != null && !segment.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw yaml.fail(where, "segment", segment, "a top-level column name such as store_id");
    }
    double dropRatio = parent.dropRatio();
    if (spec.containsKey("drop-ratio")) {
      dropRatio = yaml.number(spec, "drop-ratio", where);
      if (!(dropRatio > 0 && dropRatio < 1)) {
        throw yaml.fail(
            where, "drop-ratio", spec.get("drop-ratio"), "a number in (0, 1), e.g. 0.5");
      }
    }
    Set<LocalDate> holidays = holidays(spec, parent, where);
    Duration pendingFor = yaml.duration(spec, "pending-for", parent.pendingFor(), where);
    Duration repeat = yaml.duration(spec, "repeat-interval", parent.repeatInterval(), where);
    Duration cooldown = yaml.duration(spec, "cooldown", parent.cooldown(), where);
    List<String> channels = parent.channels();
    if (spec.containsKey("channels")) {
      channels = new ArrayList<>();
      for (Object o : yaml.list(spec.get("channels"), where + " channels")) {
        channels.add(String.valueOf(o));
      }
    }
    String type = spec.containsKey("type") ? RulesYaml.string(spec.get("type")) : null;
    StaticMinimum minimum = parent.staticMinimum();
    if (type != null && !type.equals("learned") && !type.equals("static")) {
      throw yaml.fail(where, "type", type, "learned or static");
    }
    if ("learned".equals(type)) {
      minimum = null;
    } else if ("static".equals(type) || spec.containsKey("minimum")) {
      minimum = staticMinimum.parse(spec, zone, where);
    }
    return parent.toBuilder()
        .id(id)
        .match(match)
        .enabled(enabled)
        .sensitivity(sensitivity)
        .zone(zone)
        .segmentColumn(segment)
        .staticMinimum(minimum)
        .dropRatio(dropRatio)
        .holidays(holidays)
        .calendar(calendar.parse(spec, parent.calendar(), where))
        .pendingFor(pendingFor)
        .repeatInterval(repeat)
        .cooldown(cooldown)
        .channels(channels)
        .build();
  }

  private RuleMatch match(Object node, String where) {
    Map<String, Object> m = yaml.map(node, where + " match", MATCH_KEYS);
    RuleMatch match =
        new RuleMatch(
            RulesYaml.string(m.get("dataset")),
            RulesYaml.string(m.get("table")),
            RulesYaml.string(m.get("operation")));
    if (match.operation() != null) {
      try {
        Operation.valueOf(match.operation());
      } catch (IllegalArgumentException e) {
        throw yaml.fail(
            where, "match.operation", match.operation(), "CREATED, UPDATED, DELETED, SNAPSHOT");
      }
    }
    return match;
  }

  private Set<LocalDate> holidays(Map<String, Object> spec, AlertRule parent, String where) {
    Set<LocalDate> holidays = new LinkedHashSet<>(parent.holidays());
    for (Object o : yaml.list(spec.get("holidays"), where + " holidays")) {
      try {
        holidays.add(LocalDate.parse(String.valueOf(o)));
      } catch (RuntimeException e) {
        throw yaml.fail(where, "holidays", o, "dates like 2026-12-25");
      }
    }
    return holidays;
  }
}
