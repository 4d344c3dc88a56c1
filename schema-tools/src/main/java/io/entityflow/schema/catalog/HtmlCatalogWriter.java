package io.entityflow.schema.catalog;

import io.entityflow.contract.registry.EntityDefinition;
import java.util.List;
import java.util.Map;

/**
 * Renders the catalog as static HTML (no server, no external assets): an index with every domain,
 * entity and a field index with a filter box, and one page per entity.
 *
 * <pre>{@code
 * String index = HtmlCatalogWriter.index(byDomain, fieldIndex);
 * }</pre>
 */
final class HtmlCatalogWriter {
  private static final String STYLE =
      "body{font-family:sans-serif;margin:2em;max-width:80em}"
          + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;"
          + "text-align:left;vertical-align:top}code{font-size:.95em}";

  private static final String FILTER =
      "function filterFields(q){q=q.toLowerCase();"
          + "document.querySelectorAll('#fields tbody tr').forEach(function(r){"
          + "r.style.display=r.textContent.toLowerCase().indexOf(q)<0?'none':''});}";

  private HtmlCatalogWriter() {}

  static String index(Map<String, List<CatalogEntity>> byDomain, List<String[]> fieldIndex) {
    StringBuilder out = head("Data catalog");
    out.append("<h1>Data catalog</h1>\n<p>Every entity of the contract: one Pub/Sub topic and one")
        .append(" BigQuery table per entity and major version.</p>\n");
    for (Map.Entry<String, List<CatalogEntity>> domain : byDomain.entrySet()) {
      out.append("<h2>Domain <code>")
          .append(esc(domain.getKey()))
          .append("</code></h2>\n")
          .append("<table><thead><tr><th>Entity</th><th>Table</th><th>Topic</th><th>Owner</th>")
          .append("<th>Description</th></tr></thead><tbody>\n");
      for (CatalogEntity entry : domain.getValue()) {
        EntityDefinition entity = entry.entity();
        out.append("<tr><td><a href=\"")
            .append(entry.page("html"))
            .append("\">")
            .append(esc(entity.name()))
            .append(" v")
            .append(entity.majorVersion())
            .append("</a></td><td><code>")
            .append(esc(entry.table().qualifiedName()))
            .append("</code></td><td><code>")
            .append(esc(entity.topicName()))
            .append("</code></td><td>")
            .append(esc(entity.owner()))
            .append("</td><td>")
            .append(esc(entity.description()))
            .append("</td></tr>\n");
      }
      out.append("</tbody></table>\n");
    }
    out.append("<h2>Field index</h2>\n<p><input type=\"search\" placeholder=\"Find a field\"")
        .append(" oninput=\"filterFields(this.value)\"></p>\n")
        .append("<table id=\"fields\"><thead><tr><th>Field</th><th>Where (table.column)</th>")
        .append("<th>Type</th><th>Sensitivity</th></tr></thead><tbody>\n");
    for (String[] row : fieldIndex) {
      out.append("<tr><td><code>")
          .append(esc(row[0]))
          .append("</code></td><td><a href=\"")
          .append(row[4])
          .append(".html\"><code>")
          .append(esc(row[1]))
          .append("</code></a></td><td><code>")
          .append(esc(row[2]))
          .append("</code></td><td>")
          .append(esc(row[3]))
          .append("</td></tr>\n");
    }
    out.append("</tbody></table>\n<script>").append(FILTER).append("</script>\n");
    return out.append("</body></html>\n").toString();
  }

  static String page(CatalogEntity entry) {
    EntityDefinition entity = entry.entity();
    StringBuilder out = head(entity.name() + " v" + entity.majorVersion());
    out.append("<p><a href=\"../index.html\">Data catalog</a></p>\n<h1>")
        .append(esc(entity.name()))
        .append(" v")
        .append(entity.majorVersion())
        .append("</h1>\n<p>")
        .append(esc(entity.description()))
        .append("</p>\n<table>\n");
    property(out, "Owner", esc(entity.owner()));
    property(out, "Domain", esc(entity.domain()));
    property(
        out, "Message", "<code>" + esc(entity.fullName()) + "</code> (" + esc(entity.file()) + ")");
    property(out, "Pub/Sub topic", "<code>" + esc(entity.topicName()) + "</code>");
    property(
        out,
        "BigQuery table",
        "<code>"
            + esc(entry.table().qualifiedName())
            + "</code> (partitioned by day on <code>"
            + esc(entry.table().partitionField())
            + "</code>, clustered by <code>"
            + esc(String.join(", ", entry.table().clusteringFields()))
            + "</code>)");
    property(out, "Id field", "<code>" + esc(entity.idField().getName()) + "</code>");
    property(out, "Schema version", esc(entity.schemaVersion()));
    property(out, "Versions", esc(String.join(", ", entry.versions())));
    out.append("</table>\n");
    lineage(out, entry.lineage());
    out.append("<h2>Fields</h2>\n<table><thead><tr><th>Column</th><th>Proto type</th>")
        .append("<th>BigQuery type</th><th>Mode</th><th>Sensitivity</th><th>Description</th>")
        .append("</tr></thead><tbody>\n");
    for (CatalogField field : entry.fields()) {
      out.append("<tr><td><code>")
          .append(esc(field.column()))
          .append("</code></td><td>")
          .append(
              field.protoType().isEmpty()
                  ? "(metadata)"
                  : "<code>" + esc(field.protoType()) + "</code>")
          .append("</td><td><code>")
          .append(esc(field.bigQueryType()))
          .append("</code></td><td>")
          .append(field.mode())
          .append("</td><td>")
          .append(field.sensitivity())
          .append("</td><td>")
          .append(esc(field.description()))
          .append("</td></tr>\n");
    }
    return out.append("</tbody></table>\n</body></html>\n").toString();
  }

  private static void lineage(StringBuilder out, CatalogLineage lineage) {
    out.append("<h2>Lineage</h2>\n<table>\n");
    property(
        out,
        "Producers",
        (lineage.producers().isEmpty()
                ? "none listed"
                : String.join(
                    ", ",
                    lineage.producers().stream().map(p -> "<code>" + esc(p) + "</code>").toList()))
            + " ("
            + esc(lineage.producersSource())
            + ")");
    property(
        out,
        "Pub/Sub topic",
        "<code>"
            + esc(lineage.topic())
            + "</code>, read by the pipeline's subscription <code>"
            + esc(lineage.pipelineSubscription())
            + "</code> (undeliverable messages: <code>"
            + esc(lineage.deadLetterTopic())
            + "</code>)");
    property(out, "Pipeline job", esc(lineage.pipelineJob()));
    property(
        out,
        "Table and view",
        "<code>"
            + esc(lineage.table())
            + "</code>, latest state <code>"
            + esc(lineage.latestView())
            + "</code>");
    property(
        out,
        "Consumers",
        lineage.consumers().isEmpty()
            ? "none declared (list them with <code>--consumers FILE</code>)"
            : String.join(
                "; ",
                lineage.consumers().stream()
                    .map(
                        c ->
                            "<code>"
                                + esc(c.consumer())
                                + "</code>: subscription <code>"
                                + esc(c.subscription())
                                + "</code>, dead letters <code>"
                                + esc(c.deadLetterTopic())
                                + "</code>, replay <code>"
                                + esc(c.replayTopic())
                                + "</code>")
                    .toList()));
    property(
        out,
        "Alert rules",
        esc(String.join("; ", lineage.alertRules()))
            + " ("
            + esc(lineage.alertRulesSource())
            + ")");
    property(
        out,
        "Producers in BigQuery",
        "<pre><code>" + esc(lineage.producersQuery()) + "</code></pre>");
    out.append("</table>\n");
  }

  private static void property(StringBuilder out, String name, String html) {
    out.append("<tr><th>").append(name).append("</th><td>").append(html).append("</td></tr>\n");
  }

  private static StringBuilder head(String title) {
    return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>")
        .append(esc(title))
        .append(" - Entityflow data catalog</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n");
  }

  static String esc(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
