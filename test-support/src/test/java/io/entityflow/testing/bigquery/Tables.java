package io.entityflow.testing.bigquery;

import com.google.api.services.bigquery.model.Clustering;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableSchema;
import com.google.api.services.bigquery.model.TimePartitioning;
import java.util.ArrayList;
import java.util.List;

/** Builders of BigQuery API tables for the rule tests. */
final class Tables {
  static final String PROJECT = "test-project";

  private Tables() {}

  static TableFieldSchema field(String name, String type, String mode) {
    return new TableFieldSchema().setName(name).setType(type).setMode(mode);
  }

  static TableFieldSchema field(String name, String type) {
    return field(name, type, "NULLABLE");
  }

  static TableFieldSchema record(String name, String mode, TableFieldSchema... fields) {
    return field(name, "RECORD", mode).setFields(new ArrayList<>(List.of(fields)));
  }

  static Table table(String dataset, String name, TableFieldSchema... fields) {
    return new Table()
        .setTableReference(
            new TableReference().setProjectId(PROJECT).setDatasetId(dataset).setTableId(name))
        .setSchema(new TableSchema().setFields(new ArrayList<>(List.of(fields))));
  }

  /** retail.sale: event_id STRING REQUIRED, occurred_at TIMESTAMP, DAY on occurred_at. */
  static Table sale(TableFieldSchema... more) {
    List<TableFieldSchema> fields = new ArrayList<>();
    fields.add(field("event_id", "STRING", "REQUIRED"));
    fields.add(field("occurred_at", "TIMESTAMP", "REQUIRED"));
    fields.addAll(List.of(more));
    return table("retail", "sale", fields.toArray(TableFieldSchema[]::new))
        .setTimePartitioning(new TimePartitioning().setType("DAY").setField("occurred_at"))
        .setClustering(new Clustering().setFields(new ArrayList<>(List.of("event_id"))));
  }

  static String message(Table table) {
    return String.join(
        "\n", BigQueryRules.tableViolations(table).stream().map(Violation::message).toList());
  }
}
