package io.entityflow.pipelines.bigquery;

import com.google.api.services.bigquery.model.Clustering;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableSchema;
import com.google.api.services.bigquery.model.TimePartitioning;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.TableColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * BigQuery API models of the contract's tables: {@link TableColumn}s as a {@link TableSchema}, and
 * an {@link EntityTable} as a {@link Table} partitioned by DAY on {@code occurred_at} and clustered
 * by the id.
 *
 * <pre>{@code
 * Table table = BigQuerySchemas.table("my-project", "", EntityTable.of(sale));
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

  /** The table of an entity in {@code project}, dataset {@code prefix + domain}. */
  public static Table table(String project, String datasetPrefix, EntityTable table) {
    return new Table()
        .setTableReference(reference(project, datasetPrefix + table.dataset(), table.name()))
        .setDescription(table.description())
        .setSchema(schema(table.columns()))
        .setTimePartitioning(
            new TimePartitioning()
                .setType(EntityTable.PARTITION_TYPE)
                .setField(table.partitionField()))
        .setClustering(new Clustering().setFields(new ArrayList<>(table.clusteringFields())));
  }

  /** A table reference. */
  public static TableReference reference(String project, String dataset, String table) {
    return new TableReference().setProjectId(project).setDatasetId(dataset).setTableId(table);
  }
}
