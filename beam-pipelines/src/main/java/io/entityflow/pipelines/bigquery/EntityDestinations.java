package io.entityflow.pipelines.bigquery;

import com.google.api.services.bigquery.model.Clustering;
import com.google.api.services.bigquery.model.TableSchema;
import com.google.api.services.bigquery.model.TimePartitioning;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.MetadataColumns;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.pipelines.events.EventRow;
import io.entityflow.pipelines.events.RegistrySource;
import io.entityflow.pipelines.warehouse.TableCatalog;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.gcp.bigquery.DynamicDestinations;
import org.apache.beam.sdk.io.gcp.bigquery.TableDestination;
import org.apache.beam.sdk.values.ValueInSingleWindow;

/**
 * Routes each row ({@link EventRow}) of {@code dataset.table} to the BigQuery table of the same
 * name in {@code project}, dataset {@code prefix + dataset}, with the schema of the contract;
 * entity tables are partitioned by DAY on {@code occurred_at} and clustered by the id (the
 * heartbeat and dead-letter tables are partitioned on their first column, a TIMESTAMP).
 *
 * <pre>{@code
 * BigQueryIO.<EventRow>write().to(new EntityDestinations("p", "", RegistrySource.contract()));
 * }</pre>
 */
public final class EntityDestinations extends DynamicDestinations<EventRow, String> {
  private final String project;
  private final String datasetPrefix;
  private final RegistrySource registry;
  private transient TableCatalog catalog;

  /** Destinations in {@code project} with datasets named {@code datasetPrefix + dataset}. */
  public EntityDestinations(String project, String datasetPrefix, RegistrySource registry) {
    this.project = project;
    this.datasetPrefix = datasetPrefix;
    this.registry = registry;
  }

  @Override
  public String getDestination(ValueInSingleWindow<EventRow> element) {
    return element.getValue().table();
  }

  @Override
  public TableDestination getTable(String destination) {
    String[] parts = destination.split("\\.", 2);
    String spec = project + ":" + datasetPrefix + parts[0] + "." + parts[1];
    List<TableColumn> columns = columns(destination);
    String partitionField =
        columns.stream().anyMatch(c -> c.name().equals(MetadataColumns.OCCURRED_AT))
            ? MetadataColumns.OCCURRED_AT
            : columns.get(0).name();
    TimePartitioning partitioning = new TimePartitioning().setType("DAY").setField(partitionField);
    return registry
        .registry()
        .forTopic(parts[1])
        .map(EntityTable::of)
        .map(
            table ->
                new TableDestination(
                    spec,
                    table.description(),
                    partitioning,
                    new Clustering().setFields(new ArrayList<>(table.clusteringFields()))))
        .orElseGet(() -> new TableDestination(spec, null, partitioning));
  }

  @Override
  public TableSchema getSchema(String destination) {
    return BigQuerySchemas.schema(columns(destination));
  }

  private List<TableColumn> columns(String destination) {
    if (catalog == null) {
      catalog = TableCatalog.of(registry.registry());
    }
    return catalog
        .columns(destination)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no table '" + destination + "'; known: " + catalog.tables().keySet()));
  }
}
