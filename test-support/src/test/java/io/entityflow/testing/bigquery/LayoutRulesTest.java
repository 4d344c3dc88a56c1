package io.entityflow.testing.bigquery;

import static io.entityflow.testing.bigquery.Tables.field;
import static io.entityflow.testing.bigquery.Tables.message;
import static io.entityflow.testing.bigquery.Tables.record;
import static io.entityflow.testing.bigquery.Tables.sale;
import static io.entityflow.testing.bigquery.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.services.bigquery.model.Clustering;
import com.google.api.services.bigquery.model.RangePartitioning;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TimePartitioning;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutRulesTest {
  private static final String SALE = "test-project:retail.sale: ";
  private static final String CLUSTERING_ALLOWED =
      "allowed: top-level, non-repeated columns of type BIGNUMERIC, BOOL, DATE, DATETIME,"
          + " GEOGRAPHY, INT64, NUMERIC, RANGE, STRING or TIMESTAMP";

  /** The heartbeat table as EntityDestinations declared it: DAY on its first column. */
  private static Table heartbeatPartitionedOn(String column) {
    return table(
            "entityflow",
            "pipeline_heartbeat",
            field("pipeline", "STRING", "REQUIRED"),
            field("ingested_through", "TIMESTAMP", "REQUIRED"),
            field("written_at", "TIMESTAMP", "REQUIRED"))
        .setTimePartitioning(new TimePartitioning().setType("DAY").setField(column));
  }

  @Test
  void heartbeatPartitionedOnStringIsRefused() {
    assertThatThrownBy(() -> BigQueryRules.checkTable(heartbeatPartitionedOn("pipeline")))
        .isInstanceOf(BigQueryRuleException.class)
        .hasMessage(
            "test-project:entityflow.pipeline_heartbeat: pipeline: [partition-column-type] DAY"
                + " time partitioning column has type STRING; allowed: TIMESTAMP, DATE or"
                + " DATETIME");
  }

  @Test
  void heartbeatPartitionedOnATimestampIsAccepted() {
    assertThat(BigQueryRules.tableViolations(heartbeatPartitionedOn("ingested_through"))).isEmpty();
    assertThat(BigQueryRules.tableViolations(heartbeatPartitionedOn("written_at"))).isEmpty();
  }

  @Test
  void unknownGranularityIsRefused() {
    Table table = sale();
    table.getTimePartitioning().setType("WEEK");
    assertThat(message(table))
        .isEqualTo(
            SALE
                + "timePartitioning.type: [partition-type] granularity is 'WEEK'; allowed: DAY,"
                + " HOUR, MONTH, YEAR");
  }

  @Test
  void partitioningOnAMissingColumnIsRefused() {
    Table table = sale();
    table.getTimePartitioning().setField("sold_at");
    assertThat(message(table))
        .isEqualTo(
            SALE
                + "sold_at: [partition-column] no top-level column 'sold_at' to partition on;"
                + " allowed: a top-level TIMESTAMP, DATE or DATETIME column, NULLABLE or"
                + " REQUIRED");
  }

  @Test
  void partitioningOnANestedColumnIsRefused() {
    Table table = sale(record("card", "NULLABLE", field("issued_at", "TIMESTAMP")));
    table.getTimePartitioning().setField("card.issued_at");
    assertThat(message(table))
        .isEqualTo(
            SALE
                + "card.issued_at: [partition-column] no top-level column 'card.issued_at' to"
                + " partition on; allowed: a top-level TIMESTAMP, DATE or DATETIME column,"
                + " NULLABLE or REQUIRED");
  }

  @Test
  void partitioningOnARepeatedColumnIsRefused() {
    Table table = sale(field("seen_at", "TIMESTAMP", "REPEATED"));
    table.getTimePartitioning().setField("seen_at");
    assertThat(message(table))
        .isEqualTo(
            SALE
                + "seen_at: [partition-column] partitioning column is REPEATED; allowed: a"
                + " top-level TIMESTAMP, DATE or DATETIME column, NULLABLE or REQUIRED");
  }

  @Test
  void hourlyPartitioningOnADateIsRefused() {
    Table table = sale(field("sold_on", "DATE"));
    table.setTimePartitioning(new TimePartitioning().setType("HOUR").setField("sold_on"));
    assertThat(message(table))
        .isEqualTo(
            SALE
                + "sold_on: [partition-column-type] HOUR time partitioning column has type DATE;"
                + " allowed: TIMESTAMP or DATETIME for HOUR; DATE for DAY, MONTH or YEAR");
  }

  @Test
  void rangePartitioningOnAStringIsRefused() {
    Table table =
        sale().setTimePartitioning(null).setRangePartitioning(range("event_id", 0L, 100L, 10L));
    assertThat(message(table))
        .isEqualTo(
            SALE
                + "event_id: [partition-column-type] integer-range partitioning column has type"
                + " STRING; allowed: INTEGER (INT64)");
  }

  @Test
  void rangeOfMoreThan10000PartitionsIsRefused() {
    Table table =
        sale(field("store_no", "INT64"))
            .setTimePartitioning(null)
            .setRangePartitioning(range("store_no", 0L, 100_001L, 10L));
    assertThat(message(table))
        .isEqualTo(
            SALE
                + "store_no: [partition-range] range makes 10001 partitions; allowed: start < end,"
                + " interval > 0 and at most 10000 partitions");
  }

  @Test
  void timeAndRangePartitioningTogetherAreRefused() {
    Table table =
        sale(field("store_no", "INTEGER")).setRangePartitioning(range("store_no", 0L, 10L, 1L));
    assertThat(message(table))
        .isEqualTo(
            SALE
                + "partitioning: [partition-one] the table has both time partitioning and"
                + " integer-range partitioning; allowed: one of them");
  }

  @Test
  void fiveClusteringColumnsAreRefused() {
    Table table =
        sale(field("a", "STRING"), field("b", "STRING"), field("c", "STRING"), field("d", "STRING"))
            .setClustering(new Clustering().setFields(List.of("event_id", "a", "b", "c", "d")));
    assertThat(message(table))
        .isEqualTo(
            SALE
                + "clustering: [clustering-count] 5 clustering columns [event_id, a, b, c, d];"
                + " allowed: at most 4 clustering columns");
  }

  @Test
  void clusteringOnAFloatIsRefused() {
    Table table =
        sale(field("weight", "FLOAT64"))
            .setClustering(new Clustering().setFields(List.of("weight")));
    assertThat(message(table))
        .isEqualTo(
            SALE
                + "weight: [clustering-column] clustering column has type FLOAT; "
                + CLUSTERING_ALLOWED);
  }

  @Test
  void clusteringOnARecordOrJsonIsRefused() {
    Table table =
        sale(record("card", "NULLABLE", field("last4", "STRING")), field("doc", "JSON"))
            .setClustering(new Clustering().setFields(List.of("card", "doc")));
    assertThat(message(table))
        .isEqualTo(
            SALE
                + "card: [clustering-column] clustering column has type RECORD; "
                + CLUSTERING_ALLOWED
                + "\n"
                + SALE
                + "doc: [clustering-column] clustering column has type JSON; "
                + CLUSTERING_ALLOWED);
  }

  @Test
  void clusteringOnARepeatedOrNestedColumnIsRefused() {
    Table table =
        sale(field("tags", "STRING", "REPEATED"), record("card", "NULLABLE", field("x", "STRING")))
            .setClustering(new Clustering().setFields(List.of("tags", "card.x")));
    assertThat(message(table))
        .isEqualTo(
            SALE
                + "tags: [clustering-column] clustering column is REPEATED; "
                + CLUSTERING_ALLOWED
                + "\n"
                + SALE
                + "card.x: [clustering-column] no top-level column 'card.x' to cluster on; "
                + CLUSTERING_ALLOWED);
  }

  @Test
  void clusteringColumnNamedTwiceIsRefused() {
    Table table = sale().setClustering(new Clustering().setFields(List.of("event_id", "EVENT_ID")));
    assertThat(message(table))
        .isEqualTo(
            SALE
                + "EVENT_ID: [clustering-count] clustering column named twice; allowed: each"
                + " clustering column once");
  }

  private static RangePartitioning range(String field, long start, long end, long interval) {
    return new RangePartitioning()
        .setField(field)
        .setRange(new RangePartitioning.Range().setStart(start).setEnd(end).setInterval(interval));
  }
}
