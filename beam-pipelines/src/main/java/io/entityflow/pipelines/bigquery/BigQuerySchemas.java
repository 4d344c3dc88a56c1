package io.entityflow.pipelines.bigquery;

import com.google.api.services.bigquery.model.Clustering;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableConstraints;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableSchema;
import com.google.api.services.bigquery.model.TimePartitioning;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.layout.TableDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * BigQuery API models of the layout's tables: {@link TableColumn}s as a {@link TableSchema}, and a
 * {@link TableDefinition} as a {@link Table} partitioned and clustered as the layout says, in the
 * dataset the layout names (with its prefix).
 *
 * <pre>{@code
 * Table table = BigQuerySchemas.table("my-project", layout, layout.entity(sale).table());
 * }</pre>
 */
public final class BigQuerySchemas {
  private BigQuerySchemas() {}

  /** The schema of the columns (types by their legacy name, modes, descriptions). */
  public static TableSchema schema(List<TableColumn> columns) {
    return new TableSchema().setFields(fields(columns));
  }

  /** The fields of the columns. */
  public static List<TableFieldSchema> fields(List<TableColumn> columns) {
    return columns.stream()
        .map(BigQuerySchemas::field)
        .collect(Collectors.toCollection(ArrayList::new));
  }

  private static TableFieldSchema field(TableColumn column) {
    TableFieldSchema field =
        new TableFieldSchema()
            .setName(column.name())
            .setType(column.type().name())
            .setMode(column.mode().name());
    if (!column.description().isEmpty()) {
      field.setDescription(column.description());
    }
    if (!column.fields().isEmpty()) {
      field.setFields(fields(column.fields()));
    }
    return field;
  }

  /** A table of the layout in {@code project}, in the dataset the layout names. */
  public static Table table(String project, PhysicalLayout layout, TableDefinition table) {
    Table result =
        new Table()
            .setTableReference(reference(project, layout.datasetId(table.dataset()), table.name()))
            .setDescription(table.description())
            .setSchema(schema(table.columns()));
    if (table.partitioned()) {
      result.setTimePartitioning(
          new TimePartitioning()
              .setType(TableDefinition.PARTITION_TYPE)
              .setField(table.partitionField()));
    }
    if (!table.primaryKey().isEmpty()) {
      result.setTableConstraints(
          new TableConstraints()
              .setPrimaryKey(
                  new TableConstraints.PrimaryKey()
                      .setColumns(new ArrayList<>(table.primaryKey()))));
    }
    if (!table.clusteringFields().isEmpty()) {
      result.setClustering(new Clustering().setFields(new ArrayList<>(table.clusteringFields())));
    }
    return result;
  }

  /** A table reference. */
  public static TableReference reference(String project, String dataset, String table) {
    return new TableReference().setProjectId(project).setDatasetId(dataset).setTableId(table);
  }
}
