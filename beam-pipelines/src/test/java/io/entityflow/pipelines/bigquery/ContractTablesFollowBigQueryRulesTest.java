package io.entityflow.pipelines.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.bigquery.model.Table;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.EntityTopicsToBigQuery;
import io.entityflow.pipelines.events.RegistrySource;
import io.entityflow.pipelines.warehouse.TableCatalog;
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
 * Every table the contract produces, checked against BigQuery's documented rules ({@link
 * BigQueryRules}): the entity tables of {@link BigQuerySchemas}, the tables provisioning creates
 * and the tables BigQueryIO would create from {@link EntityDestinations}.
 */
class ContractTablesFollowBigQueryRulesTest {
  private static final String PROJECT = "test-project";
  private static final EntityRegistry REGISTRY = EntityRegistry.load();

  private static List<String> messages(List<Violation> violations) {
    return violations.stream().map(Violation::message).toList();
  }

  @Test
  void everyEntityTableOfTheContractFollowsBigQueryRules() {
    List<Violation> found = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    for (EntityDefinition entity : REGISTRY.entities()) {
      for (String prefix : List.of("", "prod_")) {
        Table table = BigQuerySchemas.table(PROJECT, prefix, EntityTable.of(entity));
        found.addAll(BigQueryRules.tableViolations(table));
        checked.add(table.getTableReference().getDatasetId() + "." + entity.tableName());
      }
    }
    assertThat(messages(found)).isEmpty();
    assertThat(checked).hasSize(2 * REGISTRY.entities().size()).contains("prod_retail.sale_v1");
  }

  @Test
  void provisioningEveryEntityCreatesOnlyTablesBigQueryAccepts() throws Exception {
    FakeDatasetService.setUp();
    FakeDatasetService datasets = new RuleCheckingDatasetService();
    FakeTableAdmin admin = new FakeTableAdmin(datasets);

    List<String> changes =
        EntityTopicsToBigQuery.provision(admin, PROJECT, "", REGISTRY.entities());

    assertThat(changes)
        .hasSize(REGISTRY.entities().size() + 2)
        .contains(
            "created retail.sale_v1",
            "created entityflow.dead_letter",
            "created entityflow.pipeline_heartbeat");
    assertThat(EntityTopicsToBigQuery.provision(admin, PROJECT, "", REGISTRY.entities())).isEmpty();
  }

  /**
   * The tables BigQueryIO creates for rows of a destination it finds missing (CREATE_IF_NEEDED),
   * built as Beam's CreateTableHelpers builds them from {@link EntityDestinations}.
   */
  @Test
  void tablesBigQueryIoWouldCreateFromTheDestinationsFollowBigQueryRules() {
    EntityDestinations destinations =
        new EntityDestinations(PROJECT, "", RegistrySource.contract());
    List<Violation> found = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    for (String destination : TableCatalog.of(REGISTRY).tables().keySet()) {
      TableDestination target = destinations.getTable(destination);
      Table table =
          new Table()
              .setTableReference(BigQueryHelpers.parseTableSpec(target.getTableSpec()))
              .setSchema(destinations.getSchema(destination))
              .setDescription(target.getTableDescription())
              .setTimePartitioning(target.getTimePartitioning())
              .setClustering(target.getClustering());
      found.addAll(BigQueryRules.tableViolations(table));
      checked.add(destination);
    }
    assertThat(checked)
        .hasSize(REGISTRY.entities().size() + 2)
        .contains("entityflow.dead_letter", "entityflow.pipeline_heartbeat");
    assertThat(messages(found)).isEmpty();
  }
}
