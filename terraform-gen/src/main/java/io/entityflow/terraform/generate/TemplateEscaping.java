package io.entityflow.terraform.generate;

import io.entityflow.contract.bigquery.TableColumn;

/**
 * Makes a generated BigQuery schema safe for Terraform's {@code templatefile()}: every {@code ${}
 * and {@code %{} sequence (e.g. in a column description copied from a proto comment) is escaped
 * as {@code $${} / {@code %%{}, except the {@link TableColumn#PII_POLICY_TAG} placeholder that
 * {@code templatefile()} is meant to fill. Rendering the escaped text gives back the original with
 * only the placeholder replaced.
 *
 * <pre>{@code
 * TemplateEscaping.escape("{\"description\": \"costs ${price}\"}");
 * // {"description": "costs $${price}"}
 * }</pre>
 */
public final class TemplateEscaping {
  private TemplateEscaping() {}

  /** The text with template sequences escaped, the PII placeholder kept. */
  public static String escape(String text) {
    String placeholder = TableColumn.PII_POLICY_TAG;
    String escaped = text.replace("${", "$${").replace("%{", "%%{");
    return escaped.replace("$" + placeholder, placeholder);
  }
}
