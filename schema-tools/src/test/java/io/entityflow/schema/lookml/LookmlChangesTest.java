package io.entityflow.schema.lookml;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.schema.ContractFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which generated LookML files differ between two contracts. */
class LookmlChangesTest {
  @Test
  void filesAreAddedChangedOrRemovedByNameAndContent() {
    LookmlChanges changes =
        LookmlChanges.between(
            Map.of("a.lkml", "1", "b.lkml", "2", "c.lkml", "3"),
            Map.of("b.lkml", "2", "c.lkml", "4", "d.lkml", "5"));

    assertThat(changes.added()).containsExactly("d.lkml");
    assertThat(changes.changed()).containsExactly("c.lkml");
    assertThat(changes.removed()).containsExactly("a.lkml");
    assertThat(changes.isEmpty()).isFalse();
  }

  @Test
  void aNewColumnChangesTheViewsOfItsEntityOnly() {
    Map<String, String> base =
        LookmlProject.of(ContractFixtures.base().registry(), LookmlOptions.defaults()).files();
    Map<String, String> current =
        LookmlProject.of(
                ContractFixtures.compile(
                        ContractFixtures.edit(
                            ContractFixtures.baseFiles(),
                            ContractFixtures.ORDER,
                            "bool gift = 12;",
                            "bool gift = 12; string memo = 14;"))
                    .registry(),
                LookmlOptions.defaults())
            .files();

    LookmlChanges changes = LookmlChanges.between(base, current);

    assertThat(changes.changed())
        .containsExactly("views/order_v1.view.lkml", "views/order_v1_latest.view.lkml");
    assertThat(changes.added()).isEmpty();
    assertThat(changes.removed()).isEmpty();
    assertThat(current.get("views/order_v1_latest.view.lkml"))
        .contains("  dimension: memo {\n    type: string\n    sql: ${TABLE}.memo ;;\n  }\n");
  }

  @Test
  void optionsNameTheModelConnectionAndTables() {
    Map<String, String> files =
        LookmlProject.of(
                ContractFixtures.base().registry(),
                LookmlOptions.defaults()
                    .withModel("analytics")
                    .withConnection("bq-prod")
                    .withProject("acme-data")
                    .withDatasetPrefix("prod_"))
            .files();

    assertThat(files.get("analytics.model.lkml")).contains("connection: \"bq-prod\"\n");
    assertThat(files.get("views/order_v1_latest.view.lkml"))
        .contains("  sql_table_name: `acme-data.prod_shop.order_v1_latest` ;;\n");
    assertThat(List.copyOf(files.keySet()).get(files.size() - 1)).isEqualTo("analytics.model.lkml");
  }
}
