package io.entityflow.pipelines.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.bigquery.model.Table;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.layout.TableDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.events.RegistrySource;
import io.entityflow.pipelines.testing.TerraformTables;
import io.entityflow.testing.bigquery.BigQueryRules;
import io.entityflow.testing.bigquery.RuleCheckingDatasetService;
import io.entityflow.testing.bigquery.Violation;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryHelpers;
import org.apache.beam.sdk.io.gcp.bigquery.TableDestination;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.junit.jupiter.api.Test;

/**
 * Every table of the physical layout, checked against BigQuery's documented rules ({@link
 * BigQueryRules}): as {@link BigQuerySchemas} builds it, as Terraform creates it (with PII policy
 * tags) in the rule-checking fake, and as the pipeline's {@link EntityDestinations} describes it.
 */
class ContractTablesFollowBigQueryRulesTest {
  private static final String PROJECT = "test-project";
  private static final EntityRegistry REGISTRY = EntityRegistry.load();

  private static List<String> messages(List<Violation> violations) {
    return violations.stream().map(Violation::message).toList();
  }

  @Test
  void everyTableOfTheLayoutFollowsBigQueryRulesWithAndWithoutPrefix() {
    List<Violation> found = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    for (String prefix : List.of("", "prod_")) {
      PhysicalLayout layout = PhysicalLayout.of(REGISTRY).withDatasetPrefix(prefix);
      for (TableDefinition definition : layout.tables()) {
        Table table = BigQuerySchemas.table(PROJECT, layout, definition);
        found.addAll(BigQueryRules.tableViolations(table));
        checked.add(table.getTableReference().getDatasetId() + "." + definition.name());
      }
    }
    assertThat(messages(found)).isEmpty();
    assertThat(checked)
        .hasSize(
            2 * (io.entityflow.contract.layout.PhysicalLayout.of(REGISTRY).entities().size() + 2))
        .contains("prod_retail.sale_v1", "prod_entityflow.pipeline_heartbeat");
  }

  @Test
  void tablesAsTerraformCreatesThemWithPolicyTagsAreAcceptedByTheCheckingFake() throws Exception {
    FakeDatasetService.setUp();
    FakeDatasetService datasets = new RuleCheckingDatasetService();
    PhysicalLayout layout = PhysicalLayout.of(REGISTRY);

    List<String> created = TerraformTables.create(datasets, PROJECT, layout, layout.tables());

    assertThat(created)
        .hasSize(io.entityflow.contract.layout.PhysicalLayout.of(REGISTRY).entities().size() + 2)
        .contains("retail.customer_v1", "entityflow.dead_letter", "entityflow.pipeline_heartbeat");
    assertThat(
            new LiveTableCheck(new FakeTableAdmin(datasets))
                .problems(PROJECT, layout, layout.tables()))
        .isEmpty();
  }

  @Test
  void tablesThePipelineDestinationsDescribeFollowBigQueryRules() {
    EntityDestinations destinations =
        new EntityDestinations(PROJECT, "prod_", RegistrySource.contract());
    List<Violation> found = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    for (TableDefinition definition : PhysicalLayout.of(REGISTRY).tables()) {
      String destination = definition.qualifiedName();
      TableDestination target = destinations.getTable(destination);
      Table table =
          new Table()
              .setTableReference(BigQueryHelpers.parseTableSpec(target.getTableSpec()))
              .setSchema(destinations.getSchema(destination))
              .setDescription(target.getTableDescription())
              .setTimePartitioning(target.getTimePartitioning())
              .setClustering(target.getClustering());
      found.addAll(BigQueryRules.tableViolations(table));
      checked.add(target.getTableSpec());
    }
    assertThat(checked)
        .hasSize(io.entityflow.contract.layout.PhysicalLayout.of(REGISTRY).entities().size() + 2)
        .contains(
            "test-project:prod_entityflow.dead_letter",
            "test-project:prod_entityflow.pipeline_heartbeat");
    assertThat(messages(found)).isEmpty();
  }
}
