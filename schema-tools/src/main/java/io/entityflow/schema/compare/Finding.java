package io.entityflow.schema.compare;

import java.util.Objects;

/**
 * One classified change: where it is, which rule, what changed and how to fix it. Immutable.
 *
 * <pre>{@code
 * finding.text();
 * // acme/retail/sale/v1/sale.proto:27: field-renamed [bigquery-breaking] ... Fix: ...
 * }</pre>
 *
 * @param rule the rule
 * @param file the {@code .proto} file (relative to the contract root)
 * @param line 1-based line in that file, 0 when unknown
 * @param scope full name of the message or enum the change is in (or the deleted/added one)
 * @param change what changed, one sentence
 * @param fix how to fix it; empty for compatible changes that need nothing
 */
public record Finding(Rule rule, String file, int line, String scope, String change, String fix) {

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(fix, "fix");
  }

  /** {@code file:line}, or the file alone when the line is unknown. */
  public String location() {
    return line > 0 ? file + ":" + line : file;
  }

  /** The severity of the rule. */
  public Severity severity() {
    return rule.severity();
  }

  /** One line of text: {@code file:line: rule-id [severity] change. Fix: fix}. */
  public String text() {
    return location()
        + ": "
        + rule.id()
        + " ["
        + rule.severity().id()
        + "] "
        + change
        + (fix.isEmpty() ? "" : " Fix: " + fix);
  }
}
