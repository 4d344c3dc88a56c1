package io.entityflow.contract.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated BigQuery schema of every sample entity equals its reviewed, committed copy under
 * {@code examples/acme-contract/bigquery/}. A change to the contract or the mapping shows up here
 * as a diff to review; regenerate with {@code ./mvnw -pl examples/acme-contract -am package} and
 * copy from {@code examples/acme-contract/target/bigquery-schemas}.
 */
class SampleEntitySchemasTest {
  private static final Path COMMITTED = Path.of("../examples/acme-contract/bigquery");

  static Stream<EntityDefinition> entities() {
    return EntityRegistry.load().entities().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entities")
  void generatedSchemaEqualsTheCommittedSchema(EntityDefinition entity) throws IOException {
    String generated = BigQueryJsonSchema.toJson(EntityTable.of(entity).columns());

    assertThat(generated)
        .isEqualTo(Files.readString(COMMITTED.resolve(SchemaFileGenerator.relativePath(entity))));
  }

  @Test
  void everyCommittedSchemaBelongsToAnEntity() throws IOException {
    try (Stream<Path> files = Files.walk(COMMITTED)) {
      List<String> committed =
          files
              .filter(p -> p.toString().endsWith(".json"))
              .map(p -> COMMITTED.relativize(p).toString())
              .sorted()
              .toList();
      assertThat(committed)
          .containsExactlyElementsOf(
              entities().map(SchemaFileGenerator::relativePath).sorted().toList());
    }
  }

  @Test
  void generatorWritesOneFilePerEntityUnderDatasetDirectories(@TempDir Path out)
      throws IOException {
    List<Path> written = SchemaFileGenerator.write(EntityRegistry.load(), out);

    assertThat(written.stream().map(p -> out.relativize(p).toString()))
        .containsExactly(
            "energy/installation_v1.json",
            "energy/meter_reading_v1.json",
            "energy/user_v1.json",
            "retail/customer_v1.json",
            "retail/loyalty_membership_v1.json",
            "retail/loyalty_accrual_v1.json",
            "retail/sale_v1.json",
            "telco/call_record_v1.json");
  }

  @Test
  void tablesArePartitionedByOccurredAtAndClusteredByTheId() {
    EntityTable sale = EntityTable.of(EntityRegistry.load().forTopic("sale_v1").orElseThrow());

    assertThat(sale.qualifiedName()).isEqualTo("retail.sale_v1");
    assertThat(sale.partitionField()).isEqualTo("occurred_at");
    assertThat(EntityTable.PARTITION_TYPE).isEqualTo("DAY");
    assertThat(sale.clusteringFields()).containsExactly("sale_id");
    assertThat(sale.columns().subList(0, 8).stream().map(TableColumn::name))
        .containsExactly(
            "event_id",
            "operation",
            "occurred_at",
            "publish_time",
            "producer",
            "schema_version",
            "message_id",
            "ingestion_time");
    assertThat(sale.entityColumns().get(0).name()).isEqualTo("sale_id");
  }
}
