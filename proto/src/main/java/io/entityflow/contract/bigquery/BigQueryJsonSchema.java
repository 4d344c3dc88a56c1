package io.entityflow.contract.bigquery;

import io.entityflow.contract.JsonStrings;
import java.util.List;

/**
 * Writes columns as a BigQuery JSON schema: the array of field objects that {@code bq mk --schema}
 * and Terraform's {@code google_bigquery_table.schema} take. PII columns carry {@code "policyTags":
 * {"names": ["${policy_tag_pii}"]}}, a placeholder Terraform's {@code templatefile} replaces with
 * the taxonomy's policy tag.
 *
 * <pre>{@code
 * Files.writeString(path, BigQueryJsonSchema.toJson(EntityTable.of(sale).columns()));
 * }</pre>
 *
 * <p>Output is deterministic: two-space indentation, keys in the order name, type, mode,
 * description, policyTags, fields, and a trailing newline.
 */
public final class BigQueryJsonSchema {
  private BigQueryJsonSchema() {}

  /** The JSON schema of the columns. */
  public static String toJson(List<TableColumn> columns) {
    StringBuilder out = new StringBuilder();
    writeColumns(out, columns, "");
    return out.append('\n').toString();
  }

  private static void writeColumns(StringBuilder out, List<TableColumn> columns, String indent) {
    out.append("[\n");
    for (int i = 0; i < columns.size(); i++) {
      writeColumn(out, columns.get(i), indent + "  ");
      out.append(i + 1 < columns.size() ? ",\n" : "\n");
    }
    out.append(indent).append(']');
  }

  private static void writeColumn(StringBuilder out, TableColumn column, String indent) {
    String inner = indent + "  ";
    out.append(indent).append("{\n");
    out.append(inner).append("\"name\": ").append(quote(column.name()));
    out.append(",\n").append(inner).append("\"type\": ").append(quote(column.type().name()));
    out.append(",\n").append(inner).append("\"mode\": ").append(quote(column.mode().name()));
    if (!column.description().isEmpty()) {
      out.append(",\n")
          .append(inner)
          .append("\"description\": ")
          .append(quote(column.description()));
    }
    column
        .policyTag()
        .ifPresent(
            tag ->
                out.append(",\n")
                    .append(inner)
                    .append("\"policyTags\": {\"names\": [")
                    .append(quote(tag))
                    .append("]}"));
    if (!column.fields().isEmpty()) {
      out.append(",\n").append(inner).append("\"fields\": ");
      writeColumns(out, column.fields(), inner);
    }
    out.append('\n').append(indent).append('}');
  }

  private static String quote(String value) {
    return JsonStrings.quote(value);
  }
}
