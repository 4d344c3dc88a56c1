package io.entityflow.pipelines.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * How rows reach BigQuery; where ({@code --bigQueryProject}, {@code --datasetPrefix}) comes from
 * {@link BigQueryDatasetOptions}.
 *
 * <pre>{@code
 * --bigQueryProject=acme-analytics --writeMethod=AT_LEAST_ONCE --datasetPrefix=prod_
 * --currentTables=true
 * --writeMethod=AT_LEAST_ONCE --rowPath=DIRECT
 * }</pre>
 */
public interface BigQuerySinkOptions extends BigQueryDatasetOptions {
  @Description("EXACTLY_ONCE (default) or AT_LEAST_ONCE Storage Write API.")
  @Default.Enum("EXACTLY_ONCE")
  WriteMethod getWriteMethod();

  void setWriteMethod(WriteMethod value);

  @Description(
      "How entity events become Storage Write API rows: TABLE_ROW (default; a TableRow that"
          + " BigQueryIO converts) or DIRECT (the payload transcoded straight into the appended"
          + " bytes by the pipeline's own sink, far less CPU per row; needs"
          + " --writeMethod=AT_LEAST_ONCE and --currentTables=false). Dead letters and heartbeats"
          + " always take the TableRow path.")
  @Default.Enum("TABLE_ROW")
  RowPath getRowPath();

  void setRowPath(RowPath value);

  @Description("Exactly-once only: seconds between Storage Write API commits.")
  @Default.Integer(5)
  Integer getTriggeringFrequencySeconds();

  void setTriggeringFrequencySeconds(Integer value);

  @Description(
      "Also keep each contract entity's current-state table <table>_current up to date through"
          + " BigQuery change data capture (UPSERT for CREATED, UPDATED and SNAPSHOT, DELETE for"
          + " DELETED, ordered by occurred_at then publish time; Storage Write API default stream,"
          + " at-least-once). Terraform creates the tables when its variable current_tables is"
          + " true.")
  @Default.Boolean(false)
  Boolean getCurrentTables();

  void setCurrentTables(Boolean value);

  @Description(
      "At start-up, check that every table the pipeline writes exists in BigQuery with the"
          + " contract's columns, partitioning and clustering, and refuse to start otherwise."
          + " Tables are created and altered by Terraform only (proto/README.md: adding a field).")
  @Default.Boolean(true)
  Boolean getVerifyTables();

  void setVerifyTables(Boolean value);
}
