package io.entityflow.pipelines.options;

/**
 * How entity events become the rows the BigQuery Storage Write API appends ({@code --rowPath}).
 * Dead letters and heartbeats always take the {@code TableRow} path.
 *
 * <pre>{@code
 * --rowPath=DIRECT --writeMethod=AT_LEAST_ONCE
 * }</pre>
 */
public enum RowPath {
  /**
   * Each event becomes a {@code TableRow} that Beam's {@code BigQueryIO} converts to the Storage
   * Write API row (default): every write method, current-state tables and the local warehouse.
   */
  TABLE_ROW,
  /**
   * Each event's payload is transcoded straight into the appended row bytes and appended by the
   * pipeline's own sink ({@code WriteStorageRows}) to the table's default stream: far less CPU per
   * row; BigQuery only, {@code --writeMethod=AT_LEAST_ONCE} and {@code --currentTables=false} only.
   */
  DIRECT;

  /**
   * Refuses a combination of options this row path does not support, naming the options, their
   * values and what is allowed.
   *
   * @throws IllegalArgumentException for {@code DIRECT} with the local warehouse, the exactly-once
   *     write method or current-state tables
   */
  public void requireSupported(
      WarehouseKind warehouse, WriteMethod writeMethod, boolean currentTables) {
    if (this != DIRECT) {
      return;
    }
    String allowed =
        "; allowed: --rowPath=DIRECT with --warehouse=BIGQUERY, --writeMethod=AT_LEAST_ONCE and"
            + " --currentTables=false, or --rowPath=TABLE_ROW with any of them";
    if (warehouse != WarehouseKind.BIGQUERY) {
      throw new IllegalArgumentException(
          "--rowPath=DIRECT writes to BigQuery only, but --warehouse is " + warehouse + allowed);
    }
    if (writeMethod != WriteMethod.AT_LEAST_ONCE) {
      throw new IllegalArgumentException(
          "--rowPath=DIRECT appends at-least-once only, but --writeMethod is "
              + writeMethod
              + allowed);
    }
    if (currentTables) {
      throw new IllegalArgumentException(
          "--rowPath=DIRECT does not write current-state tables, but --currentTables is true"
              + allowed);
    }
  }
}
