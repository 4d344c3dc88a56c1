package io.entityflow.testing.bigquery;

import static io.entityflow.testing.bigquery.Tables.field;
import static io.entityflow.testing.bigquery.Tables.record;
import static io.entityflow.testing.bigquery.Tables.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableSchema;
import com.google.api.services.bigquery.model.TimePartitioning;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaChangeRulesTest {
  private static final String SALE = "test-project:retail.sale: ";

  private static Table live() {
    return sale(
        field("store_id", "STRING", "REQUIRED"),
        record("total", "NULLABLE", field("units", "INTEGER"), field("currency", "STRING")));
  }

  /** The live schema's fields, deep-copied, changed by the caller. */
  private static List<TableFieldSchema> fields() {
    List<TableFieldSchema> fields = new ArrayList<>();
    for (TableFieldSchema field : live().getSchema().getFields()) {
      fields.add(field.clone());
    }
    return fields;
  }

  private static String message(List<TableFieldSchema> fields) {
    return String.join(
        "\n",
        BigQueryRules.schemaChangeViolations(
                live(), new Table().setSchema(new TableSchema().setFields(fields)))
            .stream()
            .map(Violation::message)
            .toList());
  }

  private static TableFieldSchema named(List<TableFieldSchema> fields, String name) {
    return fields.stream().filter(f -> f.getName().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void addingNullableAndRepeatedColumnsAtAnyLevelAndRelaxingRequiredIsAccepted() {
    List<TableFieldSchema> fields = fields();
    fields.add(field("receipt", "STRING"));
    fields.add(field("tags", "STRING", "REPEATED"));
    named(fields, "total").getFields().add(field("nanos", "INTEGER"));
    named(fields, "store_id").setMode("NULLABLE");
    BigQueryRules.checkSchemaChange(live(), new TableSchema().setFields(fields));
    assertThat(message(fields)).isEmpty();
  }

  @Test
  void addingARequiredColumnIsRefused() {
    List<TableFieldSchema> fields = fields();
    named(fields, "total").getFields().add(field("nanos", "INTEGER", "REQUIRED"));
    assertThat(message(fields))
        .isEqualTo(
            SALE
                + "total.nanos: [schema-add-column] new column is REQUIRED; allowed: new columns"
                + " NULLABLE or REPEATED");
  }

  @Test
  void removingAColumnIsRefused() {
    List<TableFieldSchema> fields = fields();
    fields.remove(named(fields, "store_id"));
    assertThatThrownBy(
            () -> BigQueryRules.checkSchemaChange(live(), new TableSchema().setFields(fields)))
        .isInstanceOf(BigQueryRuleException.class)
        .hasMessage(
            SALE
                + "store_id: [schema-keep-column] column removed; allowed: every existing column"
                + " kept with its name");
  }

  @Test
  void renamingAColumnIsRefused() {
    List<TableFieldSchema> fields = fields();
    named(fields, "store_id").setName("Store_Id");
    assertThat(message(fields))
        .isEqualTo(
            SALE
                + "store_id: [schema-keep-column] column renamed to 'Store_Id'; allowed: every"
                + " existing column kept with its name");
  }

  @Test
  void retypingANestedColumnIsRefused() {
    List<TableFieldSchema> fields = fields();
    named(named(fields, "total").getFields(), "units").setType("STRING");
    assertThat(message(fields))
        .isEqualTo(
            SALE
                + "total.units: [schema-type-change] type changes from INTEGER to STRING; allowed:"
                + " the column's type INTEGER");
  }

  @Test
  void retypingThePartitioningColumnIsRefused() {
    List<TableFieldSchema> fields = fields();
    named(fields, "occurred_at").setType("STRING");
    assertThat(message(fields))
        .isEqualTo(
            SALE
                + "occurred_at: [schema-type-change] type changes from TIMESTAMP to STRING;"
                + " allowed: the column's type TIMESTAMP\n"
                + SALE
                + "occurred_at: [partition-column-type] DAY time partitioning column has type"
                + " STRING; allowed: TIMESTAMP, DATE or DATETIME");
  }

  @Test
  void legacyAndSqlTypeNamesAreTheSameType() {
    List<TableFieldSchema> fields = fields();
    named(named(fields, "total").getFields(), "units").setType("INT64");
    assertThat(message(fields)).isEmpty();
  }

  @Test
  void tighteningNullableToRequiredIsRefused() {
    List<TableFieldSchema> fields = fields();
    named(fields, "total").setMode("REQUIRED");
    assertThat(message(fields))
        .isEqualTo(
            SALE
                + "total: [schema-mode-change] mode changes from NULLABLE to REQUIRED; allowed:"
                + " the mode NULLABLE");
  }

  @Test
  void changingRequiredToRepeatedIsRefused() {
    List<TableFieldSchema> fields = fields();
    named(fields, "store_id").setMode("REPEATED");
    assertThat(message(fields))
        .isEqualTo(
            SALE
                + "store_id: [schema-mode-change] mode changes from REQUIRED to REPEATED; allowed:"
                + " the mode REQUIRED or NULLABLE");
  }

  @Test
  void changingThePartitioningIsRefused() {
    Table wanted =
        live().setTimePartitioning(new TimePartitioning().setType("DAY").setField("event_id"));
    assertThat(BigQueryRules.schemaChangeViolations(live(), wanted))
        .extracting(Violation::message)
        .containsExactly(
            SALE
                + "timePartitioning: [schema-partitioning-change] partitioning changes from DAY on"
                + " occurred_at to DAY on event_id; allowed: the partitioning the table was created"
                + " with (DAY on occurred_at)");
  }
}
