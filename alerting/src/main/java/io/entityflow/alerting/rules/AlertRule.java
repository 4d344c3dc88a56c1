package io.entityflow.alerting.rules;

import io.entityflow.alerting.model.CalendarPeriod;
import io.entityflow.alerting.model.Sensitivity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a set of series is watched: a learned baseline (default) or a static minimum, with its
 * sensitivity, time zone, optional segment column, holidays, maintenance windows, lifecycle timings
 * and notification channels.
 *
 * <pre>{@code
 * AlertRule rule = AlertRule.defaultRule().withMatch(new RuleMatch(null, "sale_v1", null));
 * rule.quiet(Instant.parse("2026-12-25T10:00:00Z")); // true when 2026-12-25 is a holiday
 * }</pre>
 *
 * <p>Guarantees: immutable; lists and sets are copies; derived rules go through {@link
 * AlertRuleBuilder}.
 *
 * @param id rule id (part of alert dedup keys)
 * @param match which series
 * @param enabled false to stop watching them
 * @param sensitivity false-alert budget
 * @param zone time zone of the hour-of-week profile, business hours and holidays
 * @param segmentColumn column to split the series by, or null
 * @param staticMinimum a static minimum instead of the learned baseline, or null
 * @param dropRatio the partial drop the CUSUM looks for (learned rules)
 * @param holidays dates (in {@code zone}) that expect no events
 * @param maintenance windows that expect no events
 * @param pendingFor how long a condition must hold before it fires
 * @param repeatInterval how often a firing alert is re-sent
 * @param cooldown how long after a resolve the same alert is not re-sent
 * @param channels notification channel names; empty means every enabled channel
 * @param calendar periods (days in {@code zone}) with a different shape: not learnt, expected from
 *     last year when the history reaches back that far
 */
public record AlertRule(
    String id,
    RuleMatch match,
    boolean enabled,
    Sensitivity sensitivity,
    ZoneId zone,
    String segmentColumn,
    StaticMinimum staticMinimum,
    double dropRatio,
    Set<LocalDate> holidays,
    List<TimeWindow> maintenance,
    Duration pendingFor,
    Duration repeatInterval,
    Duration cooldown,
    List<String> channels,
    List<CalendarPeriod> calendar) {

  /** Copies the collections. */
  public AlertRule {
    holidays = Set.copyOf(holidays);
    maintenance = List.copyOf(maintenance);
    channels = List.copyOf(channels);
    calendar = List.copyOf(calendar);
  }

  /** A rule without calendar periods. */
  public AlertRule(
      String id,
      RuleMatch match,
      boolean enabled,
      Sensitivity sensitivity,
      ZoneId zone,
      String segmentColumn,
      StaticMinimum staticMinimum,
      double dropRatio,
      Set<LocalDate> holidays,
      List<TimeWindow> maintenance,
      Duration pendingFor,
      Duration repeatInterval,
      Duration cooldown,
      List<String> channels) {
    this(
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
        List.of());
  }

  /**
   * The default learned rule: medium sensitivity, UTC, no segment, drop ratio 0.5, fire at once
   * (the tests are already statistical), repeat every 4 hours, 30 minutes cooldown.
   */
  public static AlertRule defaultRule() {
    return new AlertRule(
        "default",
        RuleMatch.ANY,
        true,
        Sensitivity.defaults(),
        ZoneId.of("UTC"),
        null,
        null,
        0.5,
        Set.of(),
        List.of(),
        Duration.ZERO,
        Duration.ofHours(4),
        Duration.ofMinutes(30),
        List.of());
  }

  /** True for hours that expect no events: holidays in the rule's zone and maintenance windows. */
  public boolean quiet(Instant t) {
    if (!holidays.isEmpty() && holidays.contains(LocalDate.ofInstant(t, zone))) {
      return true;
    }
    for (TimeWindow window : maintenance) {
      if (window.contains(t)) {
        return true;
      }
    }
    return false;
  }

  /** The calendar period containing {@code t} (days in the rule's zone), or null. */
  public CalendarPeriod calendarPeriod(Instant t) {
    for (CalendarPeriod period : calendar) {
      if (period.contains(t, zone)) {
        return period;
      }
    }
    return null;
  }

  /**
   * The hours of last year's counts that judging at {@code judgedUntil} may read: the union of
   * {@link CalendarPeriod#lastYearSpan(ZoneId)} over the periods {@link CalendarPeriod#isNear near}
   * it; empty when none is near (or the rule is static).
   */
  public Optional<CalendarPeriod.Span> lastYearSpan(Instant judgedUntil) {
    Instant from = null;
    Instant to = null;
    for (CalendarPeriod period : staticMinimum == null ? calendar : List.<CalendarPeriod>of()) {
      if (period.isNear(judgedUntil, zone)) {
        CalendarPeriod.Span span = period.lastYearSpan(zone);
        from = from == null || span.from().isBefore(from) ? span.from() : from;
        to = to == null || span.to().isAfter(to) ? span.to() : to;
      }
    }
    return from == null ? Optional.empty() : Optional.of(new CalendarPeriod.Span(from, to));
  }

  /** A builder starting from every part of this rule. */
  public AlertRuleBuilder toBuilder() {
    return new AlertRuleBuilder(this);
  }

  /** This rule with another match. */
  public AlertRule withMatch(RuleMatch newMatch) {
    return toBuilder().match(newMatch).build();
  }

  /** This rule with another sensitivity. */
  public AlertRule withSensitivity(Sensitivity newSensitivity) {
    return toBuilder().sensitivity(newSensitivity).build();
  }

  /** This rule with another pending-for. */
  public AlertRule withPendingFor(Duration newPendingFor) {
    return toBuilder().pendingFor(newPendingFor).build();
  }

  /** This rule with a static minimum. */
  public AlertRule withStaticMinimum(StaticMinimum minimum) {
    return toBuilder().staticMinimum(minimum).build();
  }

  /** This rule with other holidays. */
  public AlertRule withHolidays(Set<LocalDate> newHolidays) {
    return toBuilder().holidays(newHolidays).build();
  }

  /** This rule with other maintenance windows. */
  public AlertRule withMaintenance(List<TimeWindow> windows) {
    return toBuilder().maintenance(windows).build();
  }
}
