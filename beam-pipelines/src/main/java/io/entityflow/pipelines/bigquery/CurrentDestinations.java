package io.entityflow.pipelines.bigquery;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableSchema;
import com.google.api.services.bigquery.model.TimePartitioning;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.layout.TableDefinition;
import io.entityflow.pipelines.events.EventRow;
import io.entityflow.pipelines.events.RegistrySource;
import org.apache.beam.sdk.io.gcp.bigquery.DynamicDestinations;
import org.apache.beam.sdk.io.gcp.bigquery.TableDestination;
import org.apache.beam.sdk.values.ValueInSingleWindow;

/**
 * Routes each row of {@code dataset.table_current} to that current-state table of the physical
 * layout ({@link PhysicalLayout#currentTables()}): in {@code project}, dataset {@code prefix +
 * dataset}, clustered by the entity id, not partitioned, with the contract's schema.
 *
 * <pre>{@code
 * BigQueryIO.<EventRow>write().to(new CurrentDestinations("p", "prod_", RegistrySource.contract()));
 * }</pre>
 *
 * <p>Guarantees: a row of a table that is not a current-state table of the layout fails with the
 * known current-state tables listed.
 */
final class CurrentDestinations extends DynamicDestinations<EventRow, String> {
  private final String project;
  private final String datasetPrefix;
  private final RegistrySource registry;
  private transient PhysicalLayout layout;

  CurrentDestinations(String project, String datasetPrefix, RegistrySource registry) {
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
    Table table = BigQuerySchemas.table(project, layout(), definition(destination));
    TableReference ref = table.getTableReference();
    return new TableDestination(
        ref.getProjectId() + ":" + ref.getDatasetId() + "." + ref.getTableId(),
        table.getDescription(),
        (TimePartitioning) null,
        table.getClustering());
  }

  @Override
  public TableSchema getSchema(String destination) {
    return BigQuerySchemas.schema(definition(destination).columns());
  }

  private TableDefinition definition(String destination) {
    return layout()
        .currentTable(destination)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no current-state table '"
                        + destination
                        + "' in the layout; known: "
                        + layout().currentTables().stream()
                            .map(TableDefinition::qualifiedName)
                            .toList()));
  }

  private PhysicalLayout layout() {
    if (layout == null) {
      layout = PhysicalLayout.of(registry.registry()).withDatasetPrefix(datasetPrefix);
    }
    return layout;
  }
}
