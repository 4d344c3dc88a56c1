package io.entityflow.pipelines.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableRow;
import com.google.api.services.bigquery.model.TableSchema;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.testing.bigquery.RuleCheckingDatasetService;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.io.gcp.testing.FakeJobService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TableProvisionerTest {
  private FakeDatasetService datasets;

  @BeforeEach
  void setUp() {
    FakeDatasetService.setUp();
    FakeJobService.setUp();
    datasets = new RuleCheckingDatasetService();
  }

  private static Table wantedSale() {
    return BigQuerySchemas.table(
        "p-evolve", "", EntityTable.of(EntityRegistry.load().forTopic("sale_v1").orElseThrow()));
  }

  @Test
  void newContractColumnsAreAddedAsNullableAndExistingRowsStay() throws Exception {
    Table wanted = wantedSale();
    List<TableFieldSchema> older = new ArrayList<>(wanted.getSchema().getFields());
    older.removeIf(f -> f.getName().equals("receipt_number"));
    TableFieldSchema total =
        older.stream().filter(f -> f.getName().equals("total")).findFirst().orElseThrow();
    TableFieldSchema oldTotal = total.clone().setFields(new ArrayList<>(total.getFields()));
    oldTotal.getFields().removeIf(f -> f.getName().equals("nanos"));
    older.set(older.indexOf(total), oldTotal);
    datasets.createDataset("p-evolve", "retail", "", "", null);
    datasets.createTable(wanted.clone().setSchema(new TableSchema().setFields(older)));
    datasets.insertAll(
        wanted.getTableReference(),
        List.of(
            new TableRow()
                .set("event_id", "e-old")
                .set("operation", "CREATED")
                .set("occurred_at", "2026-11-23T10:00:00Z")
                .set("sale_id", "s-old")),
        null);

    List<String> changes =
        new TableProvisioner(new FakeTableAdmin(datasets)).provision(List.of(wanted));

    assertThat(changes)
        .containsExactly(
            "added column retail.sale_v1.total.nanos",
            "added column retail.sale_v1.receipt_number");
    Table live = datasets.getTable(wanted.getTableReference());
    List<TableFieldSchema> fields = live.getSchema().getFields();
    TableFieldSchema receipt = fields.get(fields.size() - 1);
    assertThat(receipt.getName()).isEqualTo("receipt_number");
    assertThat(receipt.getMode()).isEqualTo("NULLABLE");
    assertThat(
            fields.stream()
                .filter(f -> f.getName().equals("total"))
                .findFirst()
                .orElseThrow()
                .getFields()
                .stream()
                .map(TableFieldSchema::getName))
        .containsExactly("currency_code", "units", "nanos");
    assertThat(datasets.getAllRows("p-evolve", "retail", "sale_v1"))
        .extracting(r -> r.get("sale_id"))
        .containsExactly("s-old");
    assertThat(new TableProvisioner(new FakeTableAdmin(datasets)).provision(List.of(wanted)))
        .isEmpty();
  }

  @Test
  void aRetypedColumnIsRefusedNamingTheColumnAndBothTypes() throws Exception {
    Table wanted = wantedSale();
    List<TableFieldSchema> live = new ArrayList<>(wanted.getSchema().getFields());
    TableFieldSchema storeId =
        live.stream().filter(f -> f.getName().equals("store_id")).findFirst().orElseThrow();
    live.set(live.indexOf(storeId), storeId.clone().setType("INTEGER"));
    datasets.createDataset("p-evolve", "retail", "", "", null);
    datasets.createTable(wanted.clone().setSchema(new TableSchema().setFields(live)));

    assertThatThrownBy(
            () -> new TableProvisioner(new FakeTableAdmin(datasets)).provision(List.of(wanted)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "column retail.sale_v1.store_id is INTEGER in BigQuery but STRING in the contract;"
                + " only additive changes (new NULLABLE columns) are applied automatically");
  }
}
