package io.entityflow.alerting.rules;

import io.entityflow.alerting.state.Silence;
import io.entityflow.contract.Operation;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The effective rules: the defaults (applied to every entity x operation of the registry) and the
 * rules of the rules file, the first matching rule winning; plus silences declared in the file.
 *
 * <pre>{@code
 * RuleSet rules = RulesFileParser.parse(Path.of("alert-rules.yaml"));
 * List<WatchedTable> watched = rules.watched(EntityRegistry.load());
 * }</pre>
 *
 * @param defaults the rule for series no rule matches
 * @param rules rules in file order
 * @param silences silences from the file
 */
public record RuleSet(AlertRule defaults, List<AlertRule> rules, List<Silence> silences) {
  /** Copies the lists. */
  public RuleSet {
    rules = List.copyOf(rules);
    silences = List.copyOf(silences);
  }

  /** Only the default rule. */
  public static RuleSet defaultsOnly() {
    return new RuleSet(AlertRule.defaultRule(), List.of(), List.of());
  }

  /** The rule of one series: the first matching rule, else the defaults. */
  public AlertRule ruleFor(String dataset, String table, String operation) {
    for (AlertRule rule : rules) {
      if (rule.match().matches(dataset, table, operation)) {
        return rule;
      }
    }
    return defaults;
  }

  /** Every watched table with its enabled operations and their rules, in registry order. */
  public List<WatchedTable> watched(EntityRegistry registry) {
    List<WatchedTable> tables = new ArrayList<>();
    for (EntityDefinition entity : registry.entities()) {
      List<WatchedTable.WatchedOperation> operations = new ArrayList<>();
      for (Operation operation : Operation.values()) {
        AlertRule rule = ruleFor(entity.dataset(), entity.tableName(), operation.name());
        if (rule.enabled()) {
          operations.add(new WatchedTable.WatchedOperation(operation.name(), rule));
        }
      }
      if (!operations.isEmpty()) {
        tables.add(new WatchedTable(entity.dataset(), entity.tableName(), operations));
      }
    }
    return tables;
  }
}
