package io.entityflow.alerting.rules;

import io.entityflow.alerting.model.CalendarPeriod;
import io.entityflow.alerting.model.Sensitivity;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Builds an {@link AlertRule} from another one by changing some of its parts: the one place that
 * lists every part of a rule, so that derived rules (the {@code withX} methods, the rules-file
 * parser, command-line overrides) cannot forget one.
 *
 * <pre>{@code
 * AlertRule berlin = AlertRule.defaultRule().toBuilder()
 *     .id("sales")
 *     .zone(ZoneId.of("Europe/Berlin"))
 *     .build();
 * }</pre>
 *
 * <p>Guarantees: starts with every part of the rule it was created from; {@link #build()} applies
 * the rule's own checks and copies; the builder is not thread-safe and may be reused.
 */
public final class AlertRuleBuilder {
  private String id;
  private RuleMatch match;
  private boolean enabled;
  private Sensitivity sensitivity;
  private ZoneId zone;
  private String segmentColumn;
  private StaticMinimum staticMinimum;
  private double dropRatio;
  private Set<LocalDate> holidays;
  private List<TimeWindow> maintenance;
  private Duration pendingFor;
  private Duration repeatInterval;
  private Duration cooldown;
  private List<String> channels;
  private List<CalendarPeriod> calendar;

  /** Starts from every part of {@code rule}. */
  AlertRuleBuilder(AlertRule rule) {
    id = rule.id();
    match = rule.match();
    enabled = rule.enabled();
    sensitivity = rule.sensitivity();
    zone = rule.zone();
    segmentColumn = rule.segmentColumn();
    staticMinimum = rule.staticMinimum();
    dropRatio = rule.dropRatio();
    holidays = rule.holidays();
    maintenance = rule.maintenance();
    pendingFor = rule.pendingFor();
    repeatInterval = rule.repeatInterval();
    cooldown = rule.cooldown();
    channels = rule.channels();
    calendar = rule.calendar();
  }

  /** Sets the rule id. */
  public AlertRuleBuilder id(String value) {
    id = value;
    return this;
  }

  /** Sets which series the rule watches. */
  public AlertRuleBuilder match(RuleMatch value) {
    match = value;
    return this;
  }

  /** Sets whether the rule watches its series. */
  public AlertRuleBuilder enabled(boolean value) {
    enabled = value;
    return this;
  }

  /** Sets the false-alert budget. */
  public AlertRuleBuilder sensitivity(Sensitivity value) {
    sensitivity = value;
    return this;
  }

  /** Sets the time zone. */
  public AlertRuleBuilder zone(ZoneId value) {
    zone = value;
    return this;
  }

  /** Sets the segment column (null for none). */
  public AlertRuleBuilder segmentColumn(String value) {
    segmentColumn = value;
    return this;
  }

  /** Sets the static minimum (null for a learned rule). */
  public AlertRuleBuilder staticMinimum(StaticMinimum value) {
    staticMinimum = value;
    return this;
  }

  /** Sets the partial drop the CUSUM looks for. */
  public AlertRuleBuilder dropRatio(double value) {
    dropRatio = value;
    return this;
  }

  /** Sets the holidays. */
  public AlertRuleBuilder holidays(Set<LocalDate> value) {
    holidays = value;
    return this;
  }

  /** Sets the maintenance windows. */
  public AlertRuleBuilder maintenance(List<TimeWindow> value) {
    maintenance = value;
    return this;
  }

  /** Sets how long a condition must hold before it fires. */
  public AlertRuleBuilder pendingFor(Duration value) {
    pendingFor = value;
    return this;
  }

  /** Sets how often a firing alert is re-sent. */
  public AlertRuleBuilder repeatInterval(Duration value) {
    repeatInterval = value;
    return this;
  }

  /** Sets how long after a resolve the same alert is not re-sent. */
  public AlertRuleBuilder cooldown(Duration value) {
    cooldown = value;
    return this;
  }

  /** Sets the notification channel names. */
  public AlertRuleBuilder channels(List<String> value) {
    channels = value;
    return this;
  }

  /** Sets the calendar periods. */
  public AlertRuleBuilder calendar(List<CalendarPeriod> value) {
    calendar = value;
    return this;
  }

  /** The rule. */
  public AlertRule build() {
    return new AlertRule(
        id,
        match,
        enabled,
        sensitivity,
        zone,
        segmentColumn,
        staticMinimum,
        dropRatio,
        holidays,
        maintenance,
        pendingFor,
        repeatInterval,
        cooldown,
        channels,
        calendar);
  }
}
