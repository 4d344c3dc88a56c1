package io.entityflow.terraform.hcl;

import static io.entityflow.terraform.hcl.ExampleEnvironment.array;
import static io.entityflow.terraform.hcl.ExampleEnvironment.eval;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.entityflow.contract.layout.EntityResources;
import io.entityflow.contract.layout.PhysicalLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The current-state tables as Terraform would create them, evaluated offline from the parsed
 * example environment and entity module: names from the layout, the primary key and clustering on
 * the entity id, {@code max_staleness}, no partitioning, and only when {@code current_tables} is
 * on. That the blocks and arguments exist in the google provider is {@link ProviderSchemaIT}'s.
 */
class CurrentTablesIT {
  private static final String ENV = ExampleEnvironment.ENV;
  private static final String ENTITY = ExampleEnvironment.ENTITY;

  private static ExampleEnvironment environment;
  private static TerraformTree tree;
  private static PhysicalLayout layout;

  @BeforeAll
  static void parse() throws Exception {
    environment = ExampleEnvironment.shared();
    tree = environment.tree();
    layout = PhysicalLayout.of(environment.registry());
  }

  private static JsonObject current() {
    return tree.resource(ENTITY, "google_bigquery_table", "current");
  }

  /** A list literal with each element evaluated. */
  private static JsonArray list(JsonElement value, JsonObject scope) {
    JsonArray evaluated = new JsonArray();
    value.getAsJsonArray().forEach(e -> evaluated.add(Expressions.evaluate(e, scope)));
    return evaluated;
  }

  @Test
  void everyContractEntityGetsItsLayoutCurrentTableKeyedAndClusteredByItsId() {
    JsonObject table = current();
    for (EntityResources resources : layout.entities()) {
      JsonObject scope = environment.entityModuleScope(resources.entity());
      boolean hasCurrent = layout.currentTables().contains(resources.currentTable());
      String id = resources.entity().idField().getName();

      assertThat(eval(table, "table_id", scope))
          .as("current table of %s", resources.topic())
          .isEqualTo(hasCurrent ? resources.currentTable().name() : "");
      assertThat(eval(table, "dataset_id", scope)).isEqualTo(resources.table().dataset());
      assertThat(list(table.get("clustering"), scope)).isEqualTo(array(id));
      JsonObject primaryKey =
          table
              .getAsJsonArray("table_constraints")
              .get(0)
              .getAsJsonObject()
              .getAsJsonArray("primary_key")
              .get(0)
              .getAsJsonObject();
      assertThat(list(primaryKey.get("columns"), scope)).isEqualTo(array(id));
      assertThat(eval(table, "max_staleness", scope)).isEqualTo("0-0 0 0:15:0");
      assertThat(eval(table, "description", scope))
          .isEqualTo(
              "Current state of every id of "
                  + resources.table().name()
                  + " (one row per id, deleted ids removed), kept by BigQuery change data"
                  + " capture; history in "
                  + resources.table().name()
                  + ".");
      assertThat(scope.getAsJsonObject("var").get("current_tables"))
          .isEqualTo(new JsonPrimitive(false));
    }
  }

  @Test
  void theTableIsCreatedOnlyWhenTheEnvironmentTurnsCurrentTablesOnAndIsNotPartitioned() {
    JsonObject table = current();
    assertThat(table.get("count").getAsString())
        .isEqualTo("${var.current_tables && var.current_table != \"\" ? 1 : 0}");
    assertThat(table.has("time_partitioning")).isFalse();
    assertThat(table.get("schema").getAsString()).isEqualTo("${var.bigquery_schema}");

    JsonObject variable = TerraformTree.single(tree.blocks(ENV, "variable").get("current_tables"));
    assertThat(variable.get("default").getAsBoolean()).isFalse();
    JsonObject staleness =
        TerraformTree.single(tree.blocks(ENV, "variable").get("current_table_max_staleness"));
    assertThat(staleness.get("default").getAsString()).isEqualTo("0-0 0 0:15:0");

    JsonObject call = tree.module(ENV, "entity");
    assertThat(call.get("current_tables").getAsString()).isEqualTo("${var.current_tables}");
    assertThat(call.get("current_table").getAsString()).isEqualTo("${each.value.current_table}");
    assertThat(call.get("current_table_max_staleness").getAsString())
        .isEqualTo("${var.current_table_max_staleness}");
  }

  @Test
  void thePipelineIsStartedWithCurrentTablesWhenTheEnvironmentTurnsThemOn() {
    JsonObject parameters = tree.module(ENV, "pipeline").getAsJsonObject("parameters");
    assertThat(parameters.get("currentTables").getAsString()).isEqualTo("${var.current_tables}");
  }
}
