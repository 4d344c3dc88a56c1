package io.entityflow.pipelines.warehouse;

import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.layout.TableDefinition;
import io.entityflow.warehouse.local.LocalWarehouse;
import io.entityflow.warehouse.local.LocalWarehouseLayout;
import java.nio.file.Path;

/**
 * Creates the local warehouse's tables from the physical layout: in local mode the pipeline owns
 * its tables, as Terraform does in BigQuery.
 *
 * <pre>{@code
 * LocalTables.createMissing(Path.of(".entityflow/warehouse"), PhysicalLayout.of(registry));
 * }</pre>
 */
public final class LocalTables {
  private LocalTables() {}

  /** Creates every table of the layout that has no file yet. */
  public static void createMissing(Path root, PhysicalLayout layout) throws Exception {
    LocalWarehouseLayout directories = new LocalWarehouseLayout(root);
    for (TableDefinition table : layout.tables()) {
      LocalWarehouse.createTable(directories, table.dataset(), table.name(), table.columns());
    }
  }
}
