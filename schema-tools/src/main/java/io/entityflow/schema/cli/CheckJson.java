package io.entityflow.schema.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.entityflow.schema.compare.CheckResult;
import io.entityflow.schema.compare.Finding;

/**
 * The {@code --format json} output of {@code schema check}: the verdict, the policy and every
 * finding with rule, severity, whether it blocks, file, line, scope, change and fix.
 *
 * <pre>{@code
 * {"base": "git ref main", "current": "...", "breaking": true, "exitCode": 1,
 *  "findings": [{"rule": "field-renamed", "severity": "bigquery-breaking", "file": "...", ...}]}
 * }</pre>
 */
final class CheckJson {
  private CheckJson() {}

  static String of(CheckResult result) {
    JsonObject root = new JsonObject();
    root.addProperty("base", result.base().label());
    root.addProperty("current", result.current().label());
    root.addProperty("breaking", result.breaking());
    root.addProperty("exitCode", result.exitCode());
    root.addProperty("block", result.policy().block().id());
    root.addProperty("ignoreUnstablePackages", result.policy().ignoreUnstablePackages());
    JsonArray findings = new JsonArray();
    for (Finding finding : result.findings()) {
      JsonObject item = new JsonObject();
      item.addProperty("rule", finding.rule().id());
      item.addProperty("severity", finding.severity().id());
      item.addProperty("blocking", result.blocks(finding));
      item.addProperty("file", finding.file());
      item.addProperty("line", finding.line());
      item.addProperty("scope", finding.scope());
      item.addProperty("change", finding.change());
      item.addProperty("fix", finding.fix());
      findings.add(item);
    }
    root.add("findings", findings);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
  }
}
