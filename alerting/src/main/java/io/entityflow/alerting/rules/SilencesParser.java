package io.entityflow.alerting.rules;

import io.entityflow.alerting.state.Silence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the time-based exemptions of a rules file: the top-level {@code maintenance} windows
 * (hours expecting no events, for every rule) and the {@code silences} (alerts not notified until
 * their expiry).
 *
 * <pre>{@code
 * SilencesParser p = new SilencesParser(yaml);
 * List<TimeWindow> maintenance = p.maintenance(top.get("maintenance"));
 * List<Silence> silences = p.silences(top.get("silences"));
 * }</pre>
 *
 * <p>Guarantees: windows need {@code from} and {@code to}, silences {@code match} and {@code
 * until}; a silence without {@code id} is named {@code config-<position>}; every silence is created
 * by {@code config}.
 */
final class SilencesParser {
  static final Set<String> WINDOW_KEYS = Set.of("from", "to", "reason");
  static final Set<String> SILENCE_KEYS = Set.of("id", "match", "from", "until", "reason");

  private final RulesYaml yaml;

  /** Parses with the given file's value access and errors. */
  SilencesParser(RulesYaml yaml) {
    this.yaml = yaml;
  }

  /** The maintenance windows of the {@code maintenance} list (absent: none). */
  List<TimeWindow> maintenance(Object node) {
    List<TimeWindow> maintenance = new ArrayList<>();
    for (Object o : yaml.list(node, "maintenance")) {
      Map<String, Object> w = yaml.map(o, "maintenance window", WINDOW_KEYS);
      maintenance.add(
          new TimeWindow(
              yaml.instant(w, "from", "maintenance window"),
              yaml.instant(w, "to", "maintenance window"),
              RulesYaml.string(w.get("reason"))));
    }
    return maintenance;
  }

  /** The silences of the {@code silences} list (absent: none). */
  List<Silence> silences(Object node) {
    List<Silence> silences = new ArrayList<>();
    int index = 0;
    for (Object o : yaml.list(node, "silences")) {
      index++;
      Map<String, Object> s = yaml.map(o, "silence #" + index, SILENCE_KEYS);
      String where = "silence #" + index;
      String matcher = RulesYaml.string(s.get("match"));
      if (matcher == null) {
        throw yaml.fail(
            where, "match", null, "a dedup key, a series id prefix like retail.sale_v1, or *");
      }
      String id = s.containsKey("id") ? RulesYaml.string(s.get("id")) : "config-" + index;
      Instant from = s.containsKey("from") ? yaml.instant(s, "from", where) : null;
      silences.add(
          new Silence(
              id,
              matcher,
              from,
              yaml.instant(s, "until", where),
              RulesYaml.string(s.get("reason")),
              "config"));
    }
    return silences;
  }
}
