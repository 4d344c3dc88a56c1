package io.entityflow.contract.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entityflow.contract.bigquery.BigQueryType;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhysicalLayoutTest {
  private final EntityRegistry registry = EntityRegistry.load();
  private final EntityDefinition sale = registry.forTopic("sale_v1").orElseThrow();

  @Test
  void everyEntityHasItsTopicSubscriptionDeadLetterTopicTableAndView() {
    EntityResources resources = PhysicalLayout.of(registry).entity(sale);
    assertThat(resources.topic()).isEqualTo("sale_v1");
    assertThat(resources.pipelineSubscription()).isEqualTo("sale_v1_pipeline");
    assertThat(resources.deadLetterTopic()).isEqualTo("sale_v1_dead_letter");
    assertThat(resources.deadLetterHoldSubscription()).isEqualTo("sale_v1_dead_letter_hold");
    assertThat(resources.latestView()).isEqualTo("sale_v1_latest");
    assertThat(resources.table().qualifiedName()).isEqualTo("retail.sale_v1");
    assertThat(resources.table().kind()).isEqualTo(TableKind.ENTITY);
    assertThat(resources.table().partitionField()).isEqualTo("occurred_at");
    assertThat(resources.table().clusteringFields()).containsExactly("sale_id");
  }

  @Test
  void tablesListEntityTablesInRegistryOrderThenTheSystemTables() {
    List<String> names =
        PhysicalLayout.of(registry).tables().stream().map(TableDefinition::qualifiedName).toList();
    List<String> entityTables =
        registry.entities().stream().map(e -> e.dataset() + "." + e.tableName()).toList();
    assertThat(names.subList(0, entityTables.size())).isEqualTo(entityTables);
    assertThat(names.subList(entityTables.size(), names.size()))
        .containsExactly(
            "entityflow.subject_key_v1", "entityflow.dead_letter", "entityflow.pipeline_heartbeat");
  }

  @Test
  void aContractWithPiiGetsTheSubjectKeyEntityInTheSystemDataset() {
    PhysicalLayout layout = PhysicalLayout.of(registry);
    EntityResources keys = layout.forTopic("subject_key_v1").orElseThrow();

    assertThat(layout.hasSubjectKeys()).isTrue();
    assertThat(layout.entities().get(layout.entities().size() - 1)).isEqualTo(keys);
    assertThat(keys.entity().fullName()).isEqualTo("entityflow.keys.v1.SubjectKey");
    assertThat(keys.pipelineSubscription()).isEqualTo("subject_key_v1_pipeline");
    assertThat(keys.deadLetterTopic()).isEqualTo("subject_key_v1_dead_letter");
    assertThat(keys.table().qualifiedName()).isEqualTo("entityflow.subject_key_v1");
    assertThat(keys.latestView()).isEqualTo("subject_key_v1_latest");
    assertThat(keys.table().clusteringFields()).containsExactly("subject_id");
    assertThat(keys.table().columns().subList(8, 13).stream().map(c -> c.name() + " " + c.type()))
        .containsExactly(
            "subject_id STRING",
            "wrapped_keyset BYTES",
            "kek_uri STRING",
            "pseudonym STRING",
            "created_at TIMESTAMP");
    assertThat(layout.datasets()).containsExactly("energy", "retail", "telco", "entityflow");
  }

  @Test
  void aContractWithoutPiiGetsNoSubjectKeyEntity() {
    EntityRegistry clear =
        EntityRegistry.fromFiles(
            List.of(registry.forTopic("installation_v1").orElseThrow().descriptor().getFile()));
    PhysicalLayout layout = PhysicalLayout.of(clear);

    assertThat(layout.hasSubjectKeys()).isFalse();
    assertThat(layout.entities().stream().map(EntityResources::topic))
        .containsExactly("installation_v1");
  }

  @Test
  void heartbeatIsPartitionedOnATimestampColumnNotOnItsFirstColumn() {
    TableDefinition heartbeat = PhysicalLayout.of(registry).heartbeatTable();
    assertThat(heartbeat.columns().get(0).name()).isEqualTo("pipeline");
    assertThat(heartbeat.partitionField()).isEqualTo("written_at");
    assertThat(
            heartbeat.columns().stream()
                .filter(c -> c.name().equals("written_at"))
                .map(TableColumn::type))
        .containsExactly(BigQueryType.TIMESTAMP);
    assertThat(heartbeat.clusteringFields()).containsExactly("pipeline");
  }

  @Test
  void deadLetterTableIsPartitionedOnFailedAtAndClusteredByTopicAndKind() {
    TableDefinition deadLetter = PhysicalLayout.of(registry).deadLetterTable();
    assertThat(deadLetter.qualifiedName()).isEqualTo("entityflow.dead_letter");
    assertThat(deadLetter.partitionField()).isEqualTo("failed_at");
    assertThat(deadLetter.clusteringFields()).containsExactly("source_topic", "error_kind");
  }

  @Test
  void datasetPrefixAppliesToEveryDatasetIdIncludingTheSystemDataset() {
    PhysicalLayout layout = PhysicalLayout.of(registry).withDatasetPrefix("prod_");
    assertThat(layout.datasetId("retail")).isEqualTo("prod_retail");
    assertThat(layout.tableId("acme-data", layout.heartbeatTable()))
        .isEqualTo("acme-data.prod_entityflow.pipeline_heartbeat");
    assertThat(layout.tableId("acme-data", "retail.sale_v1"))
        .isEqualTo("acme-data.prod_retail.sale_v1");
    assertThat(layout.entity(sale).table().qualifiedName()).isEqualTo("retail.sale_v1");
    assertThat(layout.datasets()).startsWith("energy").endsWith("entityflow");
  }

  @Test
  void datasetPrefixBigQueryWouldRefuseIsRefusedWithTheValue() {
    assertThatThrownBy(() -> PhysicalLayout.of(registry).withDatasetPrefix("prod-"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "dataset prefix 'prod-' is not allowed; allowed: up to 64 letters, digits and"
                + " underscores (it starts every BigQuery dataset id)");
  }

  @Test
  void unknownTableIsRefusedListingTheKnownOnes() {
    assertThatThrownBy(() -> PhysicalLayout.of(registry).requireTable("retail.nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("no table 'retail.nope' in the layout; known: [")
        .hasMessageContaining("entityflow.pipeline_heartbeat]");
  }
}
