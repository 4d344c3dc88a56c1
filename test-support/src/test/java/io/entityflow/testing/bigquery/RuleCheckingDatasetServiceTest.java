package io.entityflow.testing.bigquery;

import static io.entityflow.testing.bigquery.Tables.field;
import static io.entityflow.testing.bigquery.Tables.sale;
import static io.entityflow.testing.bigquery.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableRow;
import com.google.api.services.bigquery.model.TableSchema;
import com.google.api.services.bigquery.model.TimePartitioning;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RuleCheckingDatasetServiceTest {
  private FakeDatasetService datasets;

  @BeforeEach
  void setUp() throws Exception {
    FakeDatasetService.setUp();
    datasets = new RuleCheckingDatasetService();
    datasets.createDataset(Tables.PROJECT, "retail", "", "", null);
    datasets.createDataset(Tables.PROJECT, "entityflow", "", "", null);
  }

  @Test
  void heartbeatPartitionedOnStringIsRefusedAndNotCreated() throws Exception {
    Table heartbeat =
        table(
                "entityflow",
                "pipeline_heartbeat",
                field("pipeline", "STRING", "REQUIRED"),
                field("ingested_through", "TIMESTAMP"),
                field("written_at", "TIMESTAMP"))
            .setTimePartitioning(new TimePartitioning().setType("DAY").setField("pipeline"));

    assertThatThrownBy(() -> datasets.createTable(heartbeat))
        .isInstanceOf(BigQueryRuleException.class)
        .hasMessage(
            "test-project:entityflow.pipeline_heartbeat: pipeline: [partition-column-type] DAY"
                + " time partitioning column has type STRING; allowed: TIMESTAMP, DATE or"
                + " DATETIME");
    assertThat(datasets.getTable(heartbeat.getTableReference())).isNull();
  }

  @Test
  void validTableIsCreated() throws Exception {
    datasets.createTable(sale());
    assertThat(datasets.getTable(sale().getTableReference()).getSchema())
        .isEqualTo(sale().getSchema());
  }

  @Test
  void schemaUpdateRemovingAColumnIsRefusedAndAdditiveOneApplied() throws Exception {
    datasets.createTable(sale(field("store_id", "STRING")));
    List<TableFieldSchema> fewer = new ArrayList<>(sale().getSchema().getFields());

    assertThatThrownBy(
            () ->
                datasets.updateTableSchema(
                    sale().getTableReference(), new TableSchema().setFields(fewer)))
        .isInstanceOf(BigQueryRuleException.class)
        .hasMessage(
            "test-project:retail.sale: store_id: [schema-keep-column] column removed; allowed:"
                + " every existing column kept with its name");

    TableSchema more = sale(field("store_id", "STRING"), field("till", "STRING")).getSchema();
    datasets.updateTableSchema(sale().getTableReference(), more);
    assertThat(datasets.getTable(sale().getTableReference()).getSchema()).isEqualTo(more);
  }

  @Test
  void insertedRowWithoutRequiredValueIsRefusedAndNotStored() throws Exception {
    datasets.createTable(sale());
    TableRow bad = new TableRow().set("occurred_at", "2026-11-23T10:00:00Z");

    assertThatThrownBy(() -> datasets.insertAll(sale().getTableReference(), List.of(bad), null))
        .isInstanceOf(BigQueryRuleException.class)
        .hasMessage(
            "test-project:retail.sale: event_id: [row-required] REQUIRED column is missing or"
                + " null; allowed: a value");
    assertThat(datasets.getAllRows(Tables.PROJECT, "retail", "sale")).isEmpty();

    TableRow good = bad.clone().set("event_id", "e-1");
    datasets.insertAll(sale().getTableReference(), List.of(good), null);
    assertThat(datasets.getAllRows(Tables.PROJECT, "retail", "sale")).containsExactly(good);
  }

  @Test
  void tooLongDescriptionPatchIsRefused() throws Exception {
    datasets.createTable(sale());
    assertThatThrownBy(
            () -> datasets.patchTableDescription(sale().getTableReference(), "d".repeat(16_385)))
        .isInstanceOf(BigQueryRuleException.class)
        .hasMessage(
            "test-project:retail.sale: table description: [table-description] description has"
                + " 16385 characters; allowed: at most 16384 characters");
  }

  @Test
  void aSerializedCopyKeepsChecking() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(datasets);
    }
    FakeDatasetService copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (FakeDatasetService) in.readObject();
    }
    Table bad = sale(field("a-b", "STRING"));
    assertThat(copy).isInstanceOf(RuleCheckingDatasetService.class);
    assertThatThrownBy(() -> copy.createTable(bad)).isInstanceOf(BigQueryRuleException.class);
  }
}
