package io.entityflow.pipelines.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableConstraints;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.layout.TableDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.testing.TerraformTables;
import io.entityflow.testing.bigquery.RuleCheckingDatasetService;
import java.util.List;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.io.gcp.testing.FakeJobService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CurrentTableCheckTest {
  private static final String PROJECT = "p-current";
  private final PhysicalLayout layout =
      PhysicalLayout.of(EntityRegistry.load()).withDatasetPrefix("prod_");
  private final TableDefinition current = layout.currentTable("retail.sale_v1_current").get();
  private FakeDatasetService datasets;

  @BeforeEach
  void fakes() {
    FakeDatasetService.setUp();
    FakeJobService.setUp();
    datasets = new RuleCheckingDatasetService();
  }

  /** The table was created without Terraform's policy tags, which the check reports too. */
  private static final String UNTAGGED =
      "column p-current:prod_retail.sale_v1_current.card.cardholder_name holds PII but has no"
          + " policy tag in BigQuery; Terraform sets it";

  private List<String> problems() throws Exception {
    return new LiveTableCheck(new FakeTableAdmin(datasets))
        .problems(PROJECT, layout, List.of(current));
  }

  @Test
  void currentTableModelHasThePrimaryKeyAndClusteringButNoPartitioning() {
    Table table = BigQuerySchemas.table(PROJECT, layout, current);

    assertThat(table.getTableReference().getDatasetId()).isEqualTo("prod_retail");
    assertThat(table.getTableReference().getTableId()).isEqualTo("sale_v1_current");
    assertThat(table.getTableConstraints().getPrimaryKey().getColumns()).containsExactly("sale_id");
    assertThat(table.getClustering().getFields()).containsExactly("sale_id");
    assertThat(table.getTimePartitioning()).isNull();
  }

  @Test
  void currentTablesAsTerraformCreatesThemPass() throws Exception {
    TerraformTables.create(datasets, PROJECT, layout, layout.currentTables());
    assertThat(
            new LiveTableCheck(new FakeTableAdmin(datasets))
                .problems(PROJECT, layout, layout.currentTables()))
        .isEmpty();
  }

  @Test
  void currentTableWithoutPrimaryKeyIsReported() throws Exception {
    Table table = BigQuerySchemas.table(PROJECT, layout, current);
    table.setTableConstraints(null);
    datasets.createDataset(PROJECT, "prod_retail", "", "", null);
    datasets.createTable(table);

    assertThat(problems())
        .containsExactly(
            UNTAGGED,
            "table p-current:prod_retail.sale_v1_current is keyed by primary key []; the contract"
                + " declares primary key [sale_id]");
  }

  @Test
  void currentTableWithAnotherPrimaryKeyIsReported() throws Exception {
    Table table = BigQuerySchemas.table(PROJECT, layout, current);
    table.setTableConstraints(
        new TableConstraints()
            .setPrimaryKey(new TableConstraints.PrimaryKey().setColumns(List.of("event_id"))));
    datasets.createDataset(PROJECT, "prod_retail", "", "", null);
    datasets.createTable(table);

    assertThat(problems())
        .containsExactly(
            UNTAGGED,
            "table p-current:prod_retail.sale_v1_current is keyed by primary key [event_id]; the"
                + " contract declares primary key [sale_id]");
  }
}
