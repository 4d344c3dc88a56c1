package io.entityflow.schema.catalog;

import io.entityflow.contract.registry.EntityDefinition;
import java.util.List;
import java.util.Map;

/**
 * Renders the catalog as Markdown: an index with every domain, entity and an alphabetical field
 * index, and one page per entity.
 *
 * <pre>{@code
 * String index = MarkdownCatalogWriter.index(byDomain);
 * String page = MarkdownCatalogWriter.page(entry);
 * }</pre>
 */
final class MarkdownCatalogWriter {
  private MarkdownCatalogWriter() {}

  static String index(Map<String, List<CatalogEntity>> byDomain, List<String[]> fieldIndex) {
    StringBuilder out = new StringBuilder("# Data catalog\n\n");
    out.append("Every entity of the contract: one Pub/Sub topic and one BigQuery table per entity")
        .append(" and major version. Looking for a field? See the field index below.\n");
    for (Map.Entry<String, List<CatalogEntity>> domain : byDomain.entrySet()) {
      out.append("\n## Domain `")
          .append(domain.getKey())
          .append("` (dataset `")
          .append(domain.getKey())
          .append("`)\n\n");
      out.append("| Entity | Table | Topic | Owner | Description |\n|---|---|---|---|---|\n");
      for (CatalogEntity entry : domain.getValue()) {
        EntityDefinition entity = entry.entity();
        out.append("| [")
            .append(entity.name())
            .append(" v")
            .append(entity.majorVersion())
            .append("](")
            .append(entry.page("md"))
            .append(") | `")
            .append(entry.table().qualifiedName())
            .append("` | `")
            .append(entity.topicName())
            .append("` | ")
            .append(entity.owner())
            .append(" | ")
            .append(cell(entity.description()))
            .append(" |\n");
      }
    }
    out.append("\n## Field index\n\n| Field | Where (table.column) | Type | Sensitivity |\n")
        .append("|---|---|---|---|\n");
    for (String[] row : fieldIndex) {
      out.append("| `")
          .append(row[0])
          .append("` | [`")
          .append(row[1])
          .append("`](")
          .append(row[4])
          .append(".md) | `")
          .append(row[2])
          .append("` | ")
          .append(row[3])
          .append(" |\n");
    }
    return out.toString();
  }

  static String page(CatalogEntity entry) {
    EntityDefinition entity = entry.entity();
    StringBuilder out = new StringBuilder();
    out.append("# ")
        .append(entity.name())
        .append(" v")
        .append(entity.majorVersion())
        .append("\n\n")
        .append(entity.description())
        .append("\n\n");
    out.append("| | |\n|---|---|\n");
    out.append("| Owner | ").append(entity.owner()).append(" |\n");
    out.append("| Domain | ").append(entity.domain()).append(" |\n");
    out.append("| Message | `")
        .append(entity.fullName())
        .append("` (")
        .append(entity.file())
        .append(") |\n");
    out.append("| Pub/Sub topic | `").append(entity.topicName()).append("` |\n");
    out.append("| BigQuery table | `")
        .append(entry.table().qualifiedName())
        .append("` (partitioned by day on `")
        .append(entry.table().partitionField())
        .append("`, clustered by `")
        .append(String.join(", ", entry.table().clusteringFields()))
        .append("`) |\n");
    out.append("| Id field | `").append(entity.idField().getName()).append("` |\n");
    out.append("| Schema version | ").append(entity.schemaVersion()).append(" |\n");
    out.append("| Versions | ").append(String.join(", ", entry.versions())).append(" |\n");
    lineage(out, entry.lineage());
    out.append("\n## Fields\n\n")
        .append("| Column | Proto type | BigQuery type | Mode | Sensitivity | Description |\n")
        .append("|---|---|---|---|---|---|\n");
    for (CatalogField field : entry.fields()) {
      out.append("| `")
          .append(field.column())
          .append("` | ")
          .append(field.protoType().isEmpty() ? "(metadata)" : "`" + field.protoType() + "`")
          .append(" | `")
          .append(field.bigQueryType())
          .append("` | ")
          .append(field.mode())
          .append(" | ")
          .append(field.sensitivity())
          .append(" | ")
          .append(cell(field.description()))
          .append(" |\n");
    }
    return out.toString();
  }

  private static void lineage(StringBuilder out, CatalogLineage lineage) {
    out.append("\n## Lineage\n\n| | |\n|---|---|\n");
    out.append("| Producers | ")
        .append(
            lineage.producers().isEmpty()
                ? "none listed"
                : "`" + String.join("`, `", lineage.producers()) + "`")
        .append(" (")
        .append(cell(lineage.producersSource()))
        .append(") |\n");
    out.append("| Pub/Sub topic | `")
        .append(lineage.topic())
        .append("`, read by the pipeline's subscription `")
        .append(lineage.pipelineSubscription())
        .append("` (undeliverable messages: `")
        .append(lineage.deadLetterTopic())
        .append("`) |\n");
    out.append("| Pipeline job | ").append(cell(lineage.pipelineJob())).append(" |\n");
    out.append("| Table and view | `")
        .append(lineage.table())
        .append("`, latest state `")
        .append(lineage.latestView())
        .append("` |\n");
    out.append("| Consumers | ");
    if (lineage.consumers().isEmpty()) {
      out.append("none declared (list them with `--consumers FILE`)");
    } else {
      out.append(
          String.join(
              "; ",
              lineage.consumers().stream()
                  .map(
                      c ->
                          "`"
                              + c.consumer()
                              + "`: subscription `"
                              + c.subscription()
                              + "`, dead letters `"
                              + c.deadLetterTopic()
                              + "`, replay `"
                              + c.replayTopic()
                              + "`")
                  .toList()));
    }
    out.append(" |\n");
    out.append("| Alert rules | ")
        .append(cell(String.join("; ", lineage.alertRules())))
        .append(" (")
        .append(cell(lineage.alertRulesSource()))
        .append(") |\n");
    out.append("\nProducers in BigQuery (last 30 days):\n\n```sql\n")
        .append(lineage.producersQuery())
        .append("\n```\n");
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
