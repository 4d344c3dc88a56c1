package io.entityflow.pipelines.testing;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableFieldSchema.PolicyTags;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.layout.TableDefinition;
import io.entityflow.pipelines.bigquery.BigQuerySchemas;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;

/**
 * Creates tables in Beam's fake dataset service the way Terraform creates them in production: from
 * the layout, in the prefixed dataset, with the PII policy tag on PII leaf columns.
 *
 * <pre>{@code
 * TerraformTables.create(datasets, "p", layout, layout.tables());
 * }</pre>
 */
public final class TerraformTables {
  /** The policy tag Terraform's taxonomy gives PII columns, in tests. */
  public static final String PII_POLICY_TAG = "projects/p/locations/eu/taxonomies/1/policyTags/pii";

  private TerraformTables() {}

  /** Creates the datasets and the tables; returns the created {@code dataset.table} ids. */
  public static List<String> create(
      FakeDatasetService datasets,
      String project,
      PhysicalLayout layout,
      List<TableDefinition> tables)
      throws Exception {
    List<String> created = new ArrayList<>();
    for (TableDefinition definition : tables) {
      Table table = BigQuerySchemas.table(project, layout, definition);
      tag(table.getSchema().getFields(), definition.columns());
      String dataset = table.getTableReference().getDatasetId();
      try {
        datasets.getDataset(project, dataset);
      } catch (RuntimeException | java.io.IOException missing) {
        datasets.createDataset(project, dataset, "", "", null);
      }
      datasets.createTable(table);
      created.add(dataset + "." + definition.name());
    }
    return created;
  }

  private static void tag(List<TableFieldSchema> fields, List<TableColumn> columns) {
    for (int i = 0; i < columns.size(); i++) {
      TableColumn column = columns.get(i);
      TableFieldSchema field = fields.get(i);
      if (column.policyTag().isPresent()) {
        field.setPolicyTags(new PolicyTags().setNames(List.of(PII_POLICY_TAG)));
      }
      if (!column.fields().isEmpty()) {
        tag(field.getFields(), column.fields());
      }
    }
  }
}
