package io.entityflow.schema.report;

import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.schema.compare.CheckResult;
import io.entityflow.schema.compare.Finding;
import io.entityflow.schema.compare.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Markdown report of a contract change for a pull request: a verdict, then per changed entity
 * the added columns, the exact BigQuery DDL, new topics, tables and versions, the Pub/Sub schema
 * revision and the findings, then findings no entity reaches, then the LookML files that change.
 *
 * <pre>{@code
 * String markdown = PullRequestReport.markdown(ContractComparator.compare(base, current));
 * }</pre>
 *
 * <p>Guarantees: deterministic (entities in contract order, findings in check order); every finding
 * of the check appears at least once; the DDL comes from the one proto to BigQuery mapping.
 */
public final class PullRequestReport {
  private PullRequestReport() {}

  /** The report of a check. */
  public static String markdown(CheckResult result) {
    StringBuilder out = new StringBuilder();
    out.append("# Contract change report\n\n");
    out.append("Base: ").append(result.base().label()).append("  \n");
    out.append("Current: ").append(result.current().label()).append("\n\n");
    out.append(verdict(result));
    Set<Finding> shown = new LinkedHashSet<>();
    for (EntityDefinition after : result.current().registry().entities()) {
      Optional<EntityDefinition> before = result.base().registry().find(after.fullName());
      List<Finding> findings = findingsOf(result.findings(), after);
      if (before.isEmpty()) {
        newEntity(out, after, findings);
      } else {
        ColumnDiff diff = ColumnDiff.between(EntityTable.of(before.get()), EntityTable.of(after));
        if (diff.isEmpty() && findings.isEmpty()) {
          continue;
        }
        changedEntity(out, before.get(), after, diff, findings);
      }
      shown.addAll(findings);
    }
    for (EntityDefinition before : result.base().registry().entities()) {
      if (result.current().registry().find(before.fullName()).isEmpty()) {
        List<Finding> findings = findingsOf(result.findings(), before);
        out.append("\n## Removed: ")
            .append(before.name())
            .append(" v")
            .append(before.majorVersion())
            .append(" (`")
            .append(before.dataset())
            .append('.')
            .append(before.tableName())
            .append("`)\n\n");
        findings(out, findings);
        shown.addAll(findings);
      }
    }
    List<Finding> others = new ArrayList<>(result.findings());
    others.removeAll(shown);
    if (!others.isEmpty()) {
      out.append("\n## Other changes (types no entity uses)\n\n");
      findings(out, others);
    }
    out.append(LookmlSection.markdown(result.base().registry(), result.current().registry()));
    return out.toString();
  }

  private static String verdict(CheckResult result) {
    if (result.findings().isEmpty()) {
      return "**No contract changes.**\n";
    }
    long wire = count(result, Severity.WIRE_BREAKING);
    long json = count(result, Severity.JSON_BREAKING);
    long bigquery = count(result, Severity.BIGQUERY_BREAKING);
    long compatible = count(result, Severity.COMPATIBLE);
    if (wire + json + bigquery == 0) {
      return "**Compatible**: " + compatible + " compatible change(s), nothing breaks.\n";
    }
    String counts =
        wire
            + " wire-breaking, "
            + (json > 0 ? json + " JSON-breaking, " : "")
            + bigquery
            + " BigQuery-breaking and "
            + compatible
            + " compatible change(s)";
    long notBlocking = wire + json + bigquery - result.blockingFindings().size();
    String policy =
        "`--block "
            + result.policy().block().id()
            + "`"
            + (result.policy().ignoreUnstablePackages() ? " with unstable packages ignored" : "");
    if (!result.breaking()) {
      return "**Passes**: "
          + counts
          + "; none of the breaking changes blocks under "
          + policy
          + ".\n";
    }
    return "**Breaking**: "
        + counts
        + (notBlocking > 0
            ? " (" + notBlocking + " of them do not block under " + policy + ")"
            : "")
        + ". A breaking change is allowed only as a new major package"
        + " (`.v2`) beside the untouched `.v1`.\n";
  }

  private static long count(CheckResult result, Severity severity) {
    return result.findings().stream().filter(f -> f.severity() == severity).count();
  }

  private static void newEntity(
      StringBuilder out, EntityDefinition entity, List<Finding> findings) {
    EntityTable table = EntityTable.of(entity);
    out.append("\n## New: ")
        .append(entity.name())
        .append(" v")
        .append(entity.majorVersion())
        .append(" (`")
        .append(table.qualifiedName())
        .append("`, owner ")
        .append(entity.owner())
        .append(")\n\n");
    out.append("- New Pub/Sub topic `")
        .append(entity.topicName())
        .append("` with schema `")
        .append(entity.fullName())
        .append("` (first revision); events carry `schema_version` ")
        .append(entity.schemaVersion())
        .append(".\n");
    out.append("- New BigQuery table `").append(table.qualifiedName()).append("`:\n\n");
    out.append("```sql\n").append(TableDdl.create(table)).append("\n```\n\n");
    findings(out, findings);
  }

  private static void changedEntity(
      StringBuilder out,
      EntityDefinition before,
      EntityDefinition after,
      ColumnDiff diff,
      List<Finding> findings) {
    out.append("\n## ")
        .append(after.name())
        .append(" v")
        .append(after.majorVersion())
        .append(" (`")
        .append(after.dataset())
        .append('.')
        .append(after.tableName())
        .append("`, owner ")
        .append(after.owner())
        .append(")\n\n");
    revision(out, before, after, findings);
    if (findings.stream().anyMatch(f -> f.severity().breaking())) {
      out.append("- No DDL: the table cannot follow a breaking change; fix the findings.\n\n");
      findings(out, findings);
      return;
    }
    if (!diff.added().isEmpty()) {
      out.append("\nColumns added:\n\n| Column | Type | Description |\n|---|---|---|\n");
      for (TableColumn column : diff.added()) {
        row(out, column.name(), column.sqlType(), column.description());
      }
    }
    if (!diff.nestedAdded().isEmpty()) {
      out.append("\nSub-columns added to existing RECORD columns (apply the updated table schema,")
          .append(" e.g. `bq update` or Terraform; DDL cannot add them):\n\n")
          .append("| Column | Type | Description |\n|---|---|---|\n");
      for (Map.Entry<String, TableColumn> entry : diff.nestedAdded().entrySet()) {
        row(out, entry.getKey(), entry.getValue().sqlType(), entry.getValue().description());
      }
    }
    if (!diff.widened().isEmpty()) {
      out.append("\nColumns widened in place:\n\n");
      diff.widened()
          .forEach(
              (path, change) ->
                  out.append("- `").append(path).append("`: ").append(change).append('\n'));
    }
    List<String> ddl = diff.ddl();
    if (!ddl.isEmpty()) {
      out.append("\nBigQuery DDL:\n\n```sql\n").append(String.join("\n", ddl)).append("\n```\n");
    }
    out.append('\n');
    findings(out, findings);
  }

  private static void revision(
      StringBuilder out, EntityDefinition before, EntityDefinition after, List<Finding> findings) {
    if (findings.stream().anyMatch(f -> f.severity().breaking())) {
      out.append("- Pub/Sub schema of topic `")
          .append(after.topicName())
          .append("`: no new revision is possible, the change is breaking (see the findings).\n");
    } else if (before.revision() != after.revision()) {
      out.append("- Pub/Sub schema of topic `")
          .append(after.topicName())
          .append("`: commit a new revision of `")
          .append(after.fullName())
          .append("`; `schema_version` goes from ")
          .append(before.schemaVersion())
          .append(" to ")
          .append(after.schemaVersion())
          .append(".\n");
    } else {
      out.append("- Pub/Sub schema of topic `")
          .append(after.topicName())
          .append("`: commit a new revision of `")
          .append(after.fullName())
          .append("`. `schema_version` stays ")
          .append(after.schemaVersion())
          .append(": bump `(entityflow.entity).revision` to ")
          .append(before.revision() + 1)
          .append(" so that events say which revision they follow.\n");
    }
  }

  private static void row(StringBuilder out, String name, String type, String description) {
    out.append("| `")
        .append(name)
        .append("` | `")
        .append(type)
        .append("` | ")
        .append(description.replace("|", "\\|"))
        .append(" |\n");
  }

  private static void findings(StringBuilder out, List<Finding> findings) {
    if (findings.isEmpty()) {
      return;
    }
    out.append("Findings:\n\n");
    for (Finding finding : findings) {
      out.append("- `")
          .append(finding.location())
          .append("` **")
          .append(finding.rule().id())
          .append("** (")
          .append(finding.severity().id())
          .append("): ")
          .append(finding.change());
      if (!finding.fix().isEmpty()) {
        out.append(" Fix: ").append(finding.fix()).append('.');
      }
      out.append('\n');
    }
  }

  private static List<Finding> findingsOf(List<Finding> findings, EntityDefinition entity) {
    Set<String> types = ReachableTypes.of(entity.descriptor());
    return findings.stream().filter(f -> types.contains(f.scope())).toList();
  }
}
