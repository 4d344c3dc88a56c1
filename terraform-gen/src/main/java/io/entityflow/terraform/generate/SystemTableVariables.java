package io.entityflow.terraform.generate;

import io.entityflow.contract.layout.TableDefinition;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Terraform input of one of Entityflow's own tables (dead letters, heartbeat): the object the
 * example environment's {@code system_tables} map holds under the table's kind, and the path of its
 * generated BigQuery schema, so that the system-dataset module spells no table, column or
 * partitioning of its own.
 *
 * <pre>{@code
 * Map<String, Object> heartbeat = SystemTableVariables.of(layout.heartbeatTable());
 * heartbeat.get("partition_field");       // "written_at"
 * SystemTableVariables.key(layout.heartbeatTable()); // "heartbeat"
 * }</pre>
 */
public final class SystemTableVariables {
  private SystemTableVariables() {}

  /** The key of the table in {@code system_tables}: its kind in lower case. */
  public static String key(TableDefinition table) {
    return table.kind().name().toLowerCase(Locale.ROOT);
  }

  /** The variables of a system table, in the order of the Terraform variable's object type. */
  public static Map<String, Object> of(TableDefinition table) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("table", table.name());
    vars.put("description", table.description());
    vars.put("partition_field", table.partitionField());
    vars.put("clustering_fields", table.clusteringFields());
    vars.put("bigquery_schema_file", bigQuerySchemaFile(table));
    return vars;
  }

  /** {@code schemas/bigquery/<dataset>/<table>.json}, relative to the environment. */
  public static String bigQuerySchemaFile(TableDefinition table) {
    return TerraformGenerator.SCHEMAS_DIRECTORY
        + "/bigquery/"
        + table.dataset()
        + "/"
        + table.name()
        + ".json";
  }
}
