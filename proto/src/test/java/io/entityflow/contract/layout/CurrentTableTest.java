package io.entityflow.contract.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurrentTableTest {
  private final EntityRegistry registry = EntityRegistry.load();
  private final PhysicalLayout layout = PhysicalLayout.of(registry);
  private final EntityDefinition sale = registry.forTopic("sale_v1").orElseThrow();

  @Test
  void currentTableIsNamedFromTheHistoryTableWithTheIdAsPrimaryKeyAndClustering() {
    EntityResources resources = layout.entity(sale);
    TableDefinition current = resources.currentTable();

    assertThat(current.kind()).isEqualTo(TableKind.CURRENT);
    assertThat(current.qualifiedName()).isEqualTo("retail.sale_v1_current");
    assertThat(current.primaryKey()).containsExactly("sale_id");
    assertThat(current.clusteringFields()).containsExactly("sale_id");
    assertThat(current.partitionField()).isNull();
    assertThat(current.partitioned()).isFalse();
    assertThat(current.columns()).isEqualTo(resources.table().columns());
    assertThat(current.description())
        .isEqualTo(
            "Current state of every id of sale_v1 (one row per id, deleted ids removed), kept by"
                + " BigQuery change data capture; history in sale_v1.");
    assertThat(layout.tableId("acme", current)).isEqualTo("acme.retail.sale_v1_current");
  }

  @Test
  void historyAndSystemTablesHaveNoPrimaryKeyAndArePartitioned() {
    assertThat(layout.tables())
        .allSatisfy(
            table -> {
              assertThat(table.primaryKey()).isEmpty();
              assertThat(table.partitioned()).isTrue();
            });
  }

  @Test
  void currentTablesAreThoseOfTheContractEntitiesNotOfTheSubjectKeys() {
    List<String> expected =
        registry.entities().stream()
            .map(e -> e.dataset() + "." + e.tableName() + "_current")
            .toList();

    assertThat(layout.currentTables().stream().map(TableDefinition::qualifiedName))
        .containsExactlyElementsOf(expected);
    assertThat(layout.currentTable("retail.sale_v1_current")).isPresent();
    assertThat(layout.currentTable("entityflow.subject_key_v1_current")).isEmpty();
    assertThat(layout.table("retail.sale_v1_current")).isEmpty();
  }

  @Test
  void primaryKeyOutsideCurrentTablesIsRefused() {
    TableDefinition history = layout.entity(sale).table();
    assertThatThrownBy(
            () ->
                new TableDefinition(
                    TableKind.ENTITY,
                    "retail",
                    "sale_v1",
                    "",
                    history.columns(),
                    "occurred_at",
                    List.of(),
                    List.of("sale_id")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "table retail.sale_v1 of kind ENTITY has primary key [sale_id]; allowed: a primary"
                + " key exactly on CURRENT tables");
  }

  @Test
  void primaryKeyOnAnUnknownColumnIsRefused() {
    TableDefinition history = layout.entity(sale).table();
    assertThatThrownBy(() -> TableDefinition.currentOf(history, "no_such_id"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("table retail.sale_v1_current has a primary key on unknown column no_such_id");
  }

  @Test
  void unpartitionedTableOtherThanCurrentIsRefused() {
    assertThatThrownBy(
            () ->
                new TableDefinition(
                    TableKind.ENTITY,
                    "retail",
                    "sale_v1",
                    "",
                    layout.entity(sale).table().columns(),
                    null,
                    List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("partitionField");
  }
}
