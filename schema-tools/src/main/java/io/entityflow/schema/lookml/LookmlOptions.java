package io.entityflow.schema.lookml;

import java.util.regex.Pattern;

/**
 * Where the generated LookML points: the model's name and Looker connection (and the connection of
 * the PII readers' model {@code <model>_pii}), and the BigQuery project and dataset prefix of
 * {@code sql_table_name}. Immutable.
 *
 * <pre>{@code
 * LookmlOptions options = LookmlOptions.defaults().withProject("acme-data").withDatasetPrefix("prod_");
 * // sql_table_name: `acme-data.prod_retail.sale_v1_latest` ;;
 * }</pre>
 *
 * @param model the model file's name, {@code <model>.model.lkml}
 * @param connection the Looker connection of the model
 * @param project the BigQuery project of the tables, empty for the connection's default project
 * @param datasetPrefix the deployment's dataset prefix (as {@code PhysicalLayout}), empty for none
 * @param piiConnection the Looker connection of the PII readers' model (whose service account reads
 *     the {@code <dataset>_pii} datasets and may decrypt with the key-encryption key), empty for
 *     the same as {@code connection}
 */
public record LookmlOptions(
    String model, String connection, String project, String datasetPrefix, String piiConnection) {
  /** The default model name. */
  public static final String DEFAULT_MODEL = "entityflow";

  /** The default Looker connection name. */
  public static final String DEFAULT_CONNECTION = "entityflow";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern CONNECTION = Pattern.compile("[^\"\\\\\\s]+");
  private static final Pattern PROJECT = Pattern.compile("|[a-z][a-z0-9.:-]{4,61}[a-z0-9]");

  /**
   * @throws IllegalArgumentException naming the bad value and what is allowed
   */
  public LookmlOptions {
    check(
        "model name",
        model,
        NAME,
        "lower-case letters, digits and underscores, starting with a letter");
    check("connection name", connection, CONNECTION, "no quotes, backslashes or spaces");
    check(
        "PII connection name",
        piiConnection,
        Pattern.compile("|" + CONNECTION.pattern()),
        "no quotes, backslashes or spaces, or empty for the connection");
    check("project", project, PROJECT, "a BigQuery project id such as acme-data, or empty");
    check(
        "dataset prefix",
        datasetPrefix,
        Pattern.compile("[A-Za-z0-9_]{0,64}"),
        "up to 64 letters, digits and underscores");
  }

  /** The options with the PII readers' model on the same connection as the analysts' one. */
  public LookmlOptions(String model, String connection, String project, String datasetPrefix) {
    this(model, connection, project, datasetPrefix, "");
  }

  /**
   * Model {@value #DEFAULT_MODEL}, connection {@value #DEFAULT_CONNECTION} (for both models), no
   * project or prefix.
   */
  public static LookmlOptions defaults() {
    return new LookmlOptions(DEFAULT_MODEL, DEFAULT_CONNECTION, "", "", "");
  }

  /** The same options with another model name. */
  public LookmlOptions withModel(String value) {
    return new LookmlOptions(value, connection, project, datasetPrefix, piiConnection);
  }

  /** The same options with another connection. */
  public LookmlOptions withConnection(String value) {
    return new LookmlOptions(model, value, project, datasetPrefix, piiConnection);
  }

  /** The same options with another project. */
  public LookmlOptions withProject(String value) {
    return new LookmlOptions(model, connection, value, datasetPrefix, piiConnection);
  }

  /** The same options with another dataset prefix. */
  public LookmlOptions withDatasetPrefix(String value) {
    return new LookmlOptions(model, connection, project, value, piiConnection);
  }

  /** The same options with another connection for the PII readers' model, empty for the same. */
  public LookmlOptions withPiiConnection(String value) {
    return new LookmlOptions(model, connection, project, datasetPrefix, value);
  }

  /** The name of the PII readers' model: {@code <model>_pii}. */
  public String piiModel() {
    return model + "_pii";
  }

  /** The connection of the PII readers' model: {@code piiConnection}, else {@code connection}. */
  public String piiModelConnection() {
    return piiConnection.isEmpty() ? connection : piiConnection;
  }

  /** The backquoted BigQuery name of a table in a deployed dataset (prefix already applied). */
  String tableReference(String datasetId, String table) {
    return "`" + (project.isEmpty() ? "" : project + ".") + datasetId + "." + table + "`";
  }

  private static void check(String what, String value, Pattern allowed, String description) {
    if (value == null || !allowed.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what + " '" + value + "' is not allowed; allowed: " + description);
    }
  }
}
