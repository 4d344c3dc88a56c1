package io.entityflow.pipelines.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.layout.TableDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.testing.TerraformTables;
import io.entityflow.testing.bigquery.RuleCheckingDatasetService;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.io.gcp.testing.FakeJobService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveTableCheckTest {
  private static final String PROJECT = "p-check";
  private final PhysicalLayout layout =
      PhysicalLayout.of(EntityRegistry.load()).withDatasetPrefix("prod_");
  private FakeDatasetService datasets;

  @BeforeEach
  void fakes() {
    FakeDatasetService.setUp();
    FakeJobService.setUp();
    datasets = new RuleCheckingDatasetService();
  }

  private TableDefinition table(String name) {
    return layout.requireTable(name);
  }

  private List<String> problems(String name) throws Exception {
    return new LiveTableCheck(new FakeTableAdmin(datasets))
        .problems(PROJECT, layout, List.of(table(name)));
  }

  @Test
  void tablesAsTerraformCreatesThemPass() throws Exception {
    TerraformTables.create(datasets, PROJECT, layout, layout.tables());
    new LiveTableCheck(new FakeTableAdmin(datasets))
        .requireMatching(PROJECT, layout, layout.tables());
    assertThat(
            new LiveTableCheck(new FakeTableAdmin(datasets))
                .problems(PROJECT, layout, layout.tables()))
        .isEmpty();
  }

  @Test
  void missingTableIsNamedWithItsPrefixedDataset() throws Exception {
    assertThat(problems("entityflow.pipeline_heartbeat"))
        .containsExactly("table p-check:prod_entityflow.pipeline_heartbeat does not exist");
  }

  @Test
  void columnTheContractAddedBeforeTerraformRanIsReported() throws Exception {
    TerraformTables.create(datasets, PROJECT, layout, List.of(table("retail.sale_v1")));
    Table live = datasets.getTable(reference("prod_retail", "sale_v1"));
    List<TableFieldSchema> fields = new ArrayList<>(live.getSchema().getFields());
    fields.removeIf(f -> f.getName().equals("store_id"));
    fields.stream()
        .filter(f -> f.getName().equals("total"))
        .findFirst()
        .orElseThrow()
        .getFields()
        .removeIf(f -> f.getName().equals("nanos"));
    replaceSchema(live, fields);
    assertThat(problems("retail.sale_v1"))
        .containsExactly(
            "column p-check:prod_retail.sale_v1.store_id (STRING NULLABLE) is in the contract but"
                + " not in BigQuery",
            "column p-check:prod_retail.sale_v1.total.nanos (INTEGER NULLABLE) is in the contract"
                + " but not in BigQuery");
  }

  @Test
  void typeModeAndMissingPolicyTagAreReportedAndExtraLiveColumnsAccepted() throws Exception {
    TerraformTables.create(datasets, PROJECT, layout, List.of(table("retail.customer_v1")));
    Table live = datasets.getTable(reference("prod_retail", "customer_v1"));
    List<TableFieldSchema> fields = new ArrayList<>(live.getSchema().getFields());
    for (TableFieldSchema field : fields) {
      switch (field.getName()) {
        case "producer" -> field.setType("INT64");
        case "message_id" -> field.setMode("REQUIRED");
        case "email" -> field.setPolicyTags(null);
        default -> {}
      }
    }
    fields.add(new TableFieldSchema().setName("added_by_terraform").setType("STRING"));
    replaceSchema(live, fields);
    assertThat(problems("retail.customer_v1"))
        .containsExactly(
            "column p-check:prod_retail.customer_v1.producer is INT64 in BigQuery but STRING in"
                + " the contract",
            "column p-check:prod_retail.customer_v1.message_id is REQUIRED in BigQuery but"
                + " NULLABLE in the contract",
            "column p-check:prod_retail.customer_v1.email holds PII but has no policy tag in"
                + " BigQuery; Terraform sets it");
  }

  @Test
  void partitioningAndClusteringOtherThanTheLayoutsFailTheStartWithEveryDifference()
      throws Exception {
    TerraformTables.create(datasets, PROJECT, layout, List.of(table("entityflow.dead_letter")));
    Table live = datasets.getTable(reference("prod_entityflow", "dead_letter"));
    live.getTimePartitioning().setField("publish_time");
    live.setClustering(null);
    datasets.deleteTable(live.getTableReference());
    datasets.createTable(live);
    assertThatThrownBy(
            () ->
                new LiveTableCheck(new FakeTableAdmin(datasets))
                    .requireMatching(PROJECT, layout, List.of(table("entityflow.dead_letter"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "2 difference(s) between BigQuery and the contract; apply Terraform with this contract"
                + " first (terraform/README.md), or start with --verifyTables=false:\n"
                + "  table p-check:prod_entityflow.dead_letter is partitioned on publish_time; the"
                + " contract partitions it by day on failed_at\n"
                + "  table p-check:prod_entityflow.dead_letter is clustered by []; the contract"
                + " clusters it by [source_topic, error_kind]");
  }

  private void replaceSchema(Table live, List<TableFieldSchema> fields) throws Exception {
    datasets.deleteTable(live.getTableReference());
    live.getSchema().setFields(fields);
    datasets.createTable(live);
  }

  private static com.google.api.services.bigquery.model.TableReference reference(
      String dataset, String table) {
    return BigQuerySchemas.reference(PROJECT, dataset, table);
  }
}
