package io.entityflow.terraform.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.entityflow.contract.layout.EntityResources;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.testing.sql.BigQuerySqlParser;
import io.entityflow.testing.sql.ParsedStatement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code latest_view_sql} of every entity in the Terraform inputs parses as BigQuery SQL
 * (node-sql-parser, bigquery dialect) once the entity module has put the project id in place of
 * {@code ${project}} and the deployed dataset (with a prefix) in place of {@code ${dataset}}, as it
 * does with {@code replace(...)}: generated for every sample entity, and in the committed tfvars.
 */
class LatestViewSqlParsesAsBigQueryTest {
  private static final String PROJECT = "acme-data-prod";

  static Stream<EntityDefinition> entities() {
    return PhysicalLayout.of(EntityRegistry.load()).entities().stream()
        .map(EntityResources::entity);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entities")
  void generatedLatestViewSqlOfEverySampleEntityParsesAsASelect(EntityDefinition entity) {
    String sql =
        ((String)
                EntityVariables.of(PhysicalLayout.of(EntityRegistry.load()).entity(entity))
                    .get("latest_view_sql"))
            .replace(EntityVariables.PROJECT_PLACEHOLDER, PROJECT)
            .replace(EntityVariables.DATASET_PLACEHOLDER, "prod_" + entity.dataset());

    assertThat(sql)
        .contains("FROM `" + PROJECT + ".prod_" + entity.dataset() + "." + entity.tableName());
    assertThat(BigQuerySqlParser.statement(sql))
        .isEqualTo(new ParsedStatement("select", List.of()));
  }

  @Test
  void committedLatestViewSqlOfEveryEntityParsesAsASelect() throws IOException {
    Path tfvars =
        Path.of(
            System.getProperty("entityflow.repository.root", ".."),
            "terraform/environments/example/entities.auto.tfvars.json");
    JsonObject entities =
        JsonParser.parseString(Files.readString(tfvars))
            .getAsJsonObject()
            .getAsJsonObject("entities");

    Map<String, String> types = new TreeMap<>();
    for (Map.Entry<String, JsonElement> entity : entities.entrySet()) {
      String sql =
          entity
              .getValue()
              .getAsJsonObject()
              .get("latest_view_sql")
              .getAsString()
              .replace(EntityVariables.PROJECT_PLACEHOLDER, PROJECT)
              .replace(
                  EntityVariables.DATASET_PLACEHOLDER,
                  entity.getValue().getAsJsonObject().get("dataset").getAsString());
      types.put(entity.getKey(), BigQuerySqlParser.parse(sql));
    }

    assertThat(types.keySet())
        .containsExactlyInAnyOrderElementsOf(entities().map(EntityDefinition::topicName).toList());
    assertThat(types.values()).containsOnly("select");
  }
}
