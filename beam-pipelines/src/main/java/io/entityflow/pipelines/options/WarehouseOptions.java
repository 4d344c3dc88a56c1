package io.entityflow.pipelines.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Which warehouse the pipeline writes to, and the options common to both.
 *
 * <pre>{@code
 * --warehouse=local --warehouseDir=.entityflow/warehouse
 * }</pre>
 */
public interface WarehouseOptions extends PipelineOptions {
  @Description("BIGQUERY (default) or LOCAL.")
  @Default.Enum("BIGQUERY")
  WarehouseKind getWarehouse();

  void setWarehouse(WarehouseKind value);

  @Description("Root directory of the local warehouse (with --warehouse=LOCAL).")
  @Default.String(".entityflow/warehouse")
  String getWarehouseDir();

  void setWarehouseDir(String value);

  @Description("Name written to the heartbeat table's 'pipeline' column.")
  @Default.String("entity-topics-to-bigquery")
  String getPipelineName();

  void setPipelineName(String value);

  @Description("Seconds between heartbeat rows in entityflow.pipeline_heartbeat.")
  @Default.Integer(30)
  Integer getHeartbeatSeconds();

  void setHeartbeatSeconds(Integer value);

  @Description(
      "Local warehouse: the longest a row waits before its Parquet file is written, in seconds.")
  @Default.Integer(5)
  Integer getFlushSeconds();

  void setFlushSeconds(Integer value);

  @Description(
      "Local warehouse on the DirectRunner: keep the runner's immutability and encodability checks"
          + " (development aids that re-encode every element between steps; off by default in"
          + " local mode, where they cost about half of the CPU).")
  @Default.Boolean(false)
  Boolean getDirectRunnerChecks();

  void setDirectRunnerChecks(Boolean value);

  @Description("Local warehouse: the most rows per Parquet file.")
  @Default.Integer(50000)
  Integer getMaxRowsPerFile();

  void setMaxRowsPerFile(Integer value);
}
