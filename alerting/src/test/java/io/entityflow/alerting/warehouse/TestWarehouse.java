package io.entityflow.alerting.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/** Writes test rows into a local warehouse directory as Parquet, the way the pipeline does. */
public final class TestWarehouse {
  private TestWarehouse() {}

  /** Writes the rows of {@code select} to {@code <root>/<dataset>/<table>/part-<uuid>.parquet}. */
  public static void write(Path root, String dataset, String table, String select)
      throws Exception {
    Path dir = root.resolve(dataset).resolve(table);
    Files.createDirectories(dir);
    Path file = dir.resolve("part-" + UUID.randomUUID() + ".parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      s.execute("COPY (" + select + ") TO '" + file + "' (FORMAT PARQUET)");
    }
  }

  /** Writes one heartbeat row. */
  public static void heartbeat(Path root, String ingestedThrough) throws Exception {
    write(
        root,
        "entityflow",
        "pipeline_heartbeat",
        "SELECT 'entities' AS pipeline, TIMESTAMPTZ '"
            + ingestedThrough
            + "' AS ingested_through, TIMESTAMPTZ '"
            + ingestedThrough
            + "' AS written_at");
  }

  /** One CREATED sale per minute for {@code minutes} minutes from {@code start}. */
  public static String salesPerMinute(String start, int minutes) {
    return "SELECT 'CREATED' AS operation, TIMESTAMPTZ '"
        + start
        + "' + to_minutes(i) AS occurred_at, 'store-' || (i % 2) AS store_id FROM range(0, "
        + minutes
        + ") t(i)";
  }
}
