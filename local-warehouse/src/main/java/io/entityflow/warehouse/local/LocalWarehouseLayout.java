package io.entityflow.warehouse.local;

import java.nio.file.Path;
import java.util.UUID;

/**
 * Where the local warehouse keeps each table: {@code <root>/<dataset>/<table>/}, holding immutable
 * Parquet files named {@code part-<epoch-millis>-<uuid>.parquet}. Writers create a file under a
 * temporary name ({@code .part-...parquet.tmp}) and rename it, so readers never see a partial file.
 * Files are never modified; new columns appear in newer files only and readers union by column
 * name.
 *
 * <pre>{@code
 * LocalWarehouseLayout layout = new LocalWarehouseLayout(Path.of(".entityflow/warehouse"));
 * Path dir = layout.tableDirectory("retail", "sale_v1");
 * }</pre>
 *
 * @param root the warehouse root directory
 */
public record LocalWarehouseLayout(Path root) {
  /** The directory of one table. */
  public Path tableDirectory(String dataset, String table) {
    return root.resolve(dataset).resolve(table);
  }

  /** The glob DuckDB reads a table with. */
  public String parquetGlob(String dataset, String table) {
    return tableDirectory(dataset, table).resolve("*.parquet").toString();
  }

  /** A new, unique file name for a batch of rows. */
  public static String newPartFileName() {
    return "part-" + System.currentTimeMillis() + "-" + UUID.randomUUID() + ".parquet";
  }

  /** The temporary name a part file is written under before its rename. */
  public static String temporaryName(String partFileName) {
    return "." + partFileName + ".tmp";
  }
}
