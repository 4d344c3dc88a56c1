package io.entityflow.alerting.rules;

import io.entityflow.alerting.model.CalendarPeriod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the {@code calendar} of a rule (or of the {@code defaults}): named periods of whole days
 * whose traffic has a different shape, e.g. {@code {name: holiday season, from: 2026-12-19, to:
 * 2027-01-03}} (both days included, in the rule's time zone).
 *
 * <pre>{@code
 * List<CalendarPeriod> calendar = new CalendarParser(yaml).parse(spec, parent.calendar(), "defaults");
 * }</pre>
 *
 * <p>Guarantees: a rule inherits its parent's periods; a period of the same name replaces the
 * inherited one; a name used twice in one list, an unknown key, a missing or bad date, a period
 * ending before it starts or longer than {@link CalendarPeriod#MAX_DAYS} days is refused with a
 * {@link RulesException} naming the rule, the period, the key, the value and what is allowed.
 */
final class CalendarParser {
  static final Set<String> PERIOD_KEYS = Set.of("name", "from", "to");

  private final RulesYaml yaml;

  /** Parses with the given file's value access and errors. */
  CalendarParser(RulesYaml yaml) {
    this.yaml = yaml;
  }

  /** The {@code calendar} of {@code spec} over the {@code inherited} periods. */
  List<CalendarPeriod> parse(
      Map<String, Object> spec, List<CalendarPeriod> inherited, String where) {
    Map<String, CalendarPeriod> byName = new LinkedHashMap<>();
    for (CalendarPeriod p : inherited) {
      byName.put(p.name(), p);
    }
    List<String> own = new ArrayList<>();
    int index = 0;
    for (Object o : yaml.list(spec.get("calendar"), where + " calendar")) {
      index++;
      String at = where + " calendar #" + index;
      Map<String, Object> m = yaml.map(o, at, PERIOD_KEYS);
      String name = RulesYaml.string(m.get("name"));
      if (name == null || name.isBlank()) {
        throw yaml.fail(at, "name", m.get("name"), "a name such as holiday season");
      }
      if (own.contains(name)) {
        throw yaml.fail(at, "name", name, "a name used once in this calendar");
      }
      own.add(name);
      LocalDate from = date(m, "from", at);
      LocalDate to = date(m, "to", at);
      if (to.isBefore(from)) {
        throw yaml.fail(at, "to", m.get("to"), "a date on or after from (" + from + ")");
      }
      LocalDate latest = from.plusDays(CalendarPeriod.MAX_DAYS - 1L);
      if (to.isAfter(latest)) {
        throw yaml.fail(
            at,
            "to",
            m.get("to"),
            "a period of at most "
                + CalendarPeriod.MAX_DAYS
                + " days, i.e. a date up to "
                + latest);
      }
      byName.put(name, new CalendarPeriod(name, from, to));
    }
    return List.copyOf(byName.values());
  }

  private LocalDate date(Map<String, Object> m, String key, String where) {
    Object value = m.get(key);
    try {
      return LocalDate.parse(String.valueOf(value));
    } catch (RuntimeException e) {
      throw yaml.fail(where, key, value, "a date like 2026-12-19");
    }
  }
}
