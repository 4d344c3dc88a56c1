package io.entityflow.pipelines.bigquery;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableSchema;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.layout.TableDefinition;
import io.entityflow.pipelines.events.EventRow;
import io.entityflow.pipelines.events.RegistrySource;
import org.apache.beam.sdk.io.gcp.bigquery.DynamicDestinations;
import org.apache.beam.sdk.io.gcp.bigquery.TableDestination;
import org.apache.beam.sdk.values.ValueInSingleWindow;

/**
 * Routes each row ({@link EventRow}) of {@code dataset.table} to the BigQuery table the physical
 * layout names for it ({@link PhysicalLayout}): in {@code project}, dataset {@code prefix +
 * dataset}, partitioned, clustered and described as the layout says, with the contract's schema.
 *
 * <pre>{@code
 * BigQueryIO.<EventRow>write().to(new EntityDestinations("p", "prod_", RegistrySource.contract()));
 * }</pre>
 *
 * <p>Guarantees: a row of a table the layout does not know fails with the known tables listed.
 */
public final class EntityDestinations extends DynamicDestinations<EventRow, String> {
  private final String project;
  private final String datasetPrefix;
  private final RegistrySource registry;
  private transient PhysicalLayout layout;

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
    Table table = BigQuerySchemas.table(project, layout(), layout().requireTable(destination));
    TableReference ref = table.getTableReference();
    return new TableDestination(
        ref.getProjectId() + ":" + ref.getDatasetId() + "." + ref.getTableId(),
        table.getDescription(),
        table.getTimePartitioning(),
        table.getClustering());
  }

  @Override
  public TableSchema getSchema(String destination) {
    TableDefinition table = layout().requireTable(destination);
    return BigQuerySchemas.schema(table.columns());
  }

  private PhysicalLayout layout() {
    if (layout == null) {
      layout = PhysicalLayout.of(registry.registry()).withDatasetPrefix(datasetPrefix);
    }
    return layout;
  }
}
