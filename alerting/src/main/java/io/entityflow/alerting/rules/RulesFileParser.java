package io.entityflow.alerting.rules;

import io.entityflow.alerting.state.Silence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a YAML rules file (format in the module README) into a {@link RuleSet}. Each rule inherits
 * every key it does not set from {@code defaults}; holidays add up. The parts are read by {@link
 * AlertRuleParser} (rules and defaults, with {@link StaticMinimumParser} for static minimums) and
 * {@link SilencesParser} (maintenance windows and silences), all with the error messages of {@link
 * RulesYaml}.
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

  private final RulesYaml yaml;
  private final AlertRuleParser rules;
  private final SilencesParser silences;

  private RulesFileParser(String source) {
    this.yaml = new RulesYaml(source);
    this.rules = new AlertRuleParser(yaml);
    this.silences = new SilencesParser(yaml);
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
    Map<String, Object> top = yaml.map(root, "the rules file", TOP_KEYS);
    List<TimeWindow> maintenance = silences.maintenance(top.get("maintenance"));
    AlertRule base = AlertRule.defaultRule().withMaintenance(maintenance);
    AlertRule defaults =
        top.containsKey("defaults")
            ? rules.parse(
                yaml.map(top.get("defaults"), "defaults", AlertRuleParser.RULE_KEYS),
                base,
                "defaults")
            : base;
    List<AlertRule> parsed = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    int index = 0;
    for (Object o : yaml.list(top.get("rules"), "rules")) {
      index++;
      Map<String, Object> spec = yaml.map(o, "rule #" + index, AlertRuleParser.RULE_KEYS);
      String id = RulesYaml.string(spec.get("id"));
      String where = id == null ? "rule #" + index : "rule '" + id + "'";
      if (id == null) {
        throw yaml.fail(where, "id", null, "a unique rule id, e.g. sales-per-store");
      }
      if (!ids.add(id)) {
        throw yaml.fail(where, "id", id, "a unique rule id (this one is used twice)");
      }
      if (!spec.containsKey("match")) {
        throw yaml.fail(where, "match", null, "a map of dataset, table and/or operation");
      }
      parsed.add(rules.parse(spec, defaults, where));
    }
    List<Silence> configured = silences.silences(top.get("silences"));
    return new RuleSet(defaults, parsed, configured);
  }
}
