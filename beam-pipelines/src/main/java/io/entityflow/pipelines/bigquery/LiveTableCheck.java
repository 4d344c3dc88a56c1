package io.entityflow.pipelines.bigquery;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import io.entityflow.contract.bigquery.ColumnMode;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.layout.TableDefinition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The pipeline's start-up check that the live BigQuery tables are what the contract expects, since
 * Terraform, not the pipeline, creates and alters them. For each table: it exists; every contract
 * column exists with the same type, also inside RECORDs; a column the pipeline may leave empty is
 * not REQUIRED in BigQuery; PII leaf columns carry a policy tag; partitioning, clustering and (of a
 * current-state table) the primary key are the layout's. Columns that exist only in BigQuery are
 * accepted (Terraform applied a newer contract first, which is the safe order).
 *
 * <pre>{@code
 * new LiveTableCheck(admin).requireMatching("acme-data", layout, layout.tables());
 * // IllegalStateException: 2 table(s) differ from the contract ...
 * }</pre>
 */
public final class LiveTableCheck {
  private final TableAdmin admin;

  /** A check reading tables through {@code admin}. */
  public LiveTableCheck(TableAdmin admin) {
    this.admin = admin;
  }

  /**
   * Fails when any table differs from the contract.
   *
   * @throws IllegalStateException listing every difference, one per line
   */
  public void requireMatching(String project, PhysicalLayout layout, List<TableDefinition> tables)
      throws IOException, InterruptedException {
    List<String> problems = problems(project, layout, tables);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          problems.size()
              + " difference(s) between BigQuery and the contract; apply Terraform with this"
              + " contract first (terraform/README.md), or start with --verifyTables=false:\n  "
              + String.join("\n  ", problems));
    }
  }

  /** Every difference between the live tables and the contract, one line each. */
  public List<String> problems(String project, PhysicalLayout layout, List<TableDefinition> tables)
      throws IOException, InterruptedException {
    List<String> problems = new ArrayList<>();
    for (TableDefinition table : tables) {
      Table wanted = BigQuerySchemas.table(project, layout, table);
      TableReference ref = wanted.getTableReference();
      String name = ref.getProjectId() + ":" + ref.getDatasetId() + "." + ref.getTableId();
      Optional<Table> live = admin.getTable(ref);
      if (live.isEmpty()) {
        problems.add("table " + name + " does not exist");
        continue;
      }
      compareColumns(name, table.columns(), fields(live.get()), "", problems);
      String livePartition =
          live.get().getTimePartitioning() == null
              ? null
              : live.get().getTimePartitioning().getField();
      List<String> liveClustering =
          live.get().getClustering() == null || live.get().getClustering().getFields() == null
              ? List.of()
              : live.get().getClustering().getFields();
      compare(
          name,
          "partitioned on",
          livePartition,
          "partitions it by day on",
          table.partitionField(),
          problems);
      compare(
          name,
          "clustered by",
          liveClustering,
          "clusters it by",
          table.clusteringFields(),
          problems);
      if (!table.primaryKey().isEmpty()) {
        compare(
            name,
            "keyed by primary key",
            primaryKey(live.get()),
            "declares primary key",
            table.primaryKey(),
            problems);
      }
    }
    return problems;
  }

  private static void compare(
      String table,
      String liveVerb,
      Object live,
      String contractVerb,
      Object wanted,
      List<String> problems) {
    if (!Objects.equals(live, wanted)) {
      problems.add(
          "table "
              + table
              + " is "
              + liveVerb
              + " "
              + live
              + "; the contract "
              + contractVerb
              + " "
              + wanted);
    }
  }

  private static List<String> primaryKey(Table table) {
    return table.getTableConstraints() == null
            || table.getTableConstraints().getPrimaryKey() == null
            || table.getTableConstraints().getPrimaryKey().getColumns() == null
        ? List.of()
        : table.getTableConstraints().getPrimaryKey().getColumns();
  }

  private static List<TableFieldSchema> fields(Table table) {
    return table.getSchema() == null || table.getSchema().getFields() == null
        ? List.of()
        : table.getSchema().getFields();
  }

  private static void compareColumns(
      String table,
      List<TableColumn> wanted,
      List<TableFieldSchema> live,
      String path,
      List<String> problems) {
    for (TableColumn column : wanted) {
      String columnPath = path + column.name();
      Optional<TableFieldSchema> field =
          live.stream().filter(f -> f.getName().equalsIgnoreCase(column.name())).findFirst();
      if (field.isEmpty()) {
        problems.add(
            "column "
                + table
                + "."
                + columnPath
                + " ("
                + column.type()
                + " "
                + column.mode()
                + ") is in the contract but not in BigQuery");
        continue;
      }
      TableFieldSchema liveField = field.get();
      String liveType = normalize(liveField.getType());
      if (!liveType.equals(column.type().name())) {
        problems.add(mismatch(table, columnPath, liveField.getType(), column.type()));
        continue;
      }
      String liveMode = Objects.requireNonNullElse(liveField.getMode(), "NULLABLE");
      boolean repeated = column.mode() == ColumnMode.REPEATED;
      if (repeated != liveMode.equals("REPEATED")
          || (column.mode() == ColumnMode.NULLABLE && liveMode.equals("REQUIRED"))) {
        problems.add(mismatch(table, columnPath, liveMode, column.mode()));
      }
      boolean tagged =
          liveField.getPolicyTags() != null
              && liveField.getPolicyTags().getNames() != null
              && !liveField.getPolicyTags().getNames().isEmpty();
      if (column.policyTag().isPresent() && !tagged) {
        problems.add(
            "column "
                + table
                + "."
                + columnPath
                + " holds PII but has no policy tag in BigQuery; Terraform sets it");
      }
      if (!column.fields().isEmpty()) {
        compareColumns(
            table,
            column.fields(),
            liveField.getFields() == null ? List.of() : liveField.getFields(),
            columnPath + ".",
            problems);
      }
    }
  }

  private static String mismatch(String table, String path, Object live, Object wanted) {
    return "column "
        + table
        + "."
        + path
        + " is "
        + live
        + " in BigQuery but "
        + wanted
        + " in the contract";
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
