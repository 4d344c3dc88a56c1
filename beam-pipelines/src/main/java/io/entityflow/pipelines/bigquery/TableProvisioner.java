package io.entityflow.pipelines.bigquery;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Brings the warehouse's tables up to the contract before the pipeline starts: creates missing
 * datasets and tables (partitioned and clustered as the contract says) and adds the contract's new
 * columns to existing tables as NULLABLE columns, also inside RECORDs. It never drops, retypes or
 * reorders a column: a change that is not additive is refused with an error naming the column.
 *
 * <pre>{@code
 * List<String> changes = new TableProvisioner(admin).provision(List.of(wanted));
 * // ["created acme:retail.sale_v1", "added column retail.customer_v1.loyalty_tier"]
 * }</pre>
 */
public final class TableProvisioner {
  private final TableAdmin admin;

  /** A provisioner using {@code admin}. */
  public TableProvisioner(TableAdmin admin) {
    this.admin = admin;
  }

  /**
   * Creates or evolves each table and returns what it did, one line per change.
   *
   * @throws IllegalStateException when a live column differs from the contract in type or mode
   */
  public List<String> provision(List<Table> wanted) throws IOException, InterruptedException {
    List<String> changes = new ArrayList<>();
    for (Table table : wanted) {
      TableReference ref = table.getTableReference();
      String name = ref.getDatasetId() + "." + ref.getTableId();
      Optional<Table> live = admin.getTable(ref);
      if (live.isEmpty()) {
        admin.ensureDataset(ref.getProjectId(), ref.getDatasetId());
        admin.createTable(table);
        changes.add("created " + name);
        continue;
      }
      List<String> added = new ArrayList<>();
      List<TableFieldSchema> merged =
          merge(name, live.get().getSchema().getFields(), table.getSchema().getFields(), "", added);
      if (!added.isEmpty()) {
        admin.updateSchema(ref, new TableSchema().setFields(merged));
        added.forEach(column -> changes.add("added column " + name + "." + column));
      }
    }
    return changes;
  }

  /** The live fields plus the wanted fields they lack, appended as NULLABLE. */
  static List<TableFieldSchema> merge(
      String table,
      List<TableFieldSchema> live,
      List<TableFieldSchema> wanted,
      String path,
      List<String> added) {
    List<TableFieldSchema> result = new ArrayList<>();
    for (TableFieldSchema field : live) {
      Optional<TableFieldSchema> target =
          wanted.stream().filter(w -> w.getName().equalsIgnoreCase(field.getName())).findFirst();
      if (target.isPresent() && !sameType(field, target.get())) {
        throw new IllegalStateException(
            "column "
                + table
                + "."
                + path
                + field.getName()
                + " is "
                + field.getType()
                + " in BigQuery but "
                + target.get().getType()
                + " in the contract; only additive changes (new NULLABLE columns) are applied"
                + " automatically");
      }
      if (target.isPresent() && field.getFields() != null) {
        result.add(
            field
                .clone()
                .setFields(
                    merge(
                        table,
                        field.getFields(),
                        target.get().getFields(),
                        path + field.getName() + ".",
                        added)));
      } else {
        result.add(field);
      }
    }
    for (TableFieldSchema field : wanted) {
      boolean exists = live.stream().anyMatch(l -> l.getName().equalsIgnoreCase(field.getName()));
      if (!exists) {
        TableFieldSchema column = field.clone();
        if ("REQUIRED".equals(column.getMode())) {
          column.setMode("NULLABLE");
        }
        result.add(column);
        added.add(path + field.getName());
      }
    }
    return result;
  }

  private static boolean sameType(TableFieldSchema live, TableFieldSchema wanted) {
    return normalize(live.getType()).equals(normalize(wanted.getType()));
  }

  private static String normalize(String type) {
    return switch (type) {
      case "INT64" -> "INTEGER";
      case "FLOAT64" -> "FLOAT";
      case "BOOL" -> "BOOLEAN";
      case "STRUCT" -> "RECORD";
      default -> type;
    };
  }
}
