package io.entityflow.alerting.warehouse;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.TableResult;
import io.entityflow.alerting.model.SeriesHistory;
import io.entityflow.contract.layout.PhysicalLayout;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counts events in BigQuery with one grouped standard-SQL query per table and named query
 * parameters ({@code @from}, {@code @to}); the partition filter on {@code occurred_at} keeps the
 * scanned bytes to the lookback.
 *
 * <pre>{@code
 * EventCountSource source = new BigQueryEventCountSource(
 *     BigQueryOptions.newBuilder().setProjectId("acme-data").build().getService(), "acme-data",
 *     PhysicalLayout.of(registry).withDatasetPrefix("prod_"));   // reads acme-data.prod_retail...
 * }</pre>
 *
 * <p>Tables are named by the physical layout, with its dataset prefix. Guarantees: identifiers come
 * from the contract and are validated by {@link CountQuery}; values are always parameters; failures
 * become {@link WarehouseException}s naming the table.
 */
public final class BigQueryEventCountSource implements EventCountSource {
  private final BigQuery bigQuery;
  private final String project;
  private final PhysicalLayout layout;

  /** Creates a source for the tables {@code layout} names in {@code project}. */
  public BigQueryEventCountSource(BigQuery bigQuery, String project, PhysicalLayout layout) {
    if (project == null || !project.matches("[a-z][a-z0-9-]{4,28}[a-z0-9]")) {
      throw new IllegalArgumentException(
          "BigQuery project must be a Google Cloud project id (6-30 lowercase letters, digits,"
              + " hyphens), got '"
              + project
              + "'");
    }
    this.bigQuery = bigQuery;
    this.project = project;
    this.layout = layout;
  }

  /** The query job sent for a count query. */
  public QueryJobConfiguration job(CountQuery query) {
    return countJob(
        query,
        "UNIX_SECONDS(TIMESTAMP_TRUNC(occurred_at, HOUR)) AS hour_start,"
            + " COUNT(*) AS events, UNIX_MICROS(MAX(occurred_at)) AS last_us",
        ", hour_start");
  }

  /** The query job sent for a window count. */
  public QueryJobConfiguration windowJob(WindowCountQuery query) {
    return countJob(query, "COUNT(*) AS events", "");
  }

  /**
   * The grouped count of {@code range} by operation and segment: {@code columns} after the segment,
   * {@code moreGroupBy} after {@code GROUP BY operation, segment}.
   */
  private QueryJobConfiguration countJob(CountedRange range, String columns, String moreGroupBy) {
    String segment =
        range.segmentColumn() == null
            ? "CAST(NULL AS STRING)"
            : "CAST(`" + range.segmentColumn() + "` AS STRING)";
    String sql =
        "SELECT operation, "
            + segment
            + " AS segment, "
            + columns
            + " FROM `"
            + layout.tableId(project, range.qualifiedTable())
            + "` WHERE occurred_at >= @from AND occurred_at < @to"
            + " GROUP BY operation, segment"
            + moreGroupBy;
    return QueryJobConfiguration.newBuilder(sql)
        .setUseLegacySql(false)
        .addNamedParameter("from", timestamp(range.from()))
        .addNamedParameter("to", timestamp(range.to()))
        .build();
  }

  @Override
  public List<Map<String, Long>> windowCounts(List<WindowCountQuery> queries) {
    List<Map<String, Long>> results = new java.util.ArrayList<>();
    for (WindowCountQuery query : queries) {
      TableResult result = run(windowJob(query), query.qualifiedTable());
      Map<String, Long> counts = new java.util.LinkedHashMap<>();
      for (FieldValueList row : result.iterateAll()) {
        FieldValue segment = row.get("segment");
        counts.put(
            query.seriesId(
                row.get("operation").getStringValue(),
                segment.isNull() ? null : segment.getStringValue()),
            row.get("events").getLongValue());
      }
      results.add(counts);
    }
    return results;
  }

  /** The query job reading the ingestion watermark. */
  public QueryJobConfiguration watermarkJob() {
    return QueryJobConfiguration.newBuilder(
            "SELECT UNIX_MICROS(MAX(ingested_through)) AS ingested_through FROM `"
                + layout.tableId(project, layout.heartbeatTable())
                + "`")
        .setUseLegacySql(false)
        .build();
  }

  @Override
  public List<SeriesHistory> hourlyCounts(CountQuery query) {
    TableResult result = run(job(query), query.qualifiedTable());
    HourlyRowsCollector rows = new HourlyRowsCollector(query);
    for (FieldValueList row : result.iterateAll()) {
      FieldValue segment = row.get("segment");
      rows.add(
          row.get("operation").getStringValue(),
          segment.isNull() ? null : segment.getStringValue(),
          row.get("hour_start").getLongValue(),
          row.get("events").getLongValue(),
          row.get("last_us").getLongValue());
    }
    return rows.build();
  }

  @Override
  public Optional<Instant> ingestedThrough() {
    TableResult result = run(watermarkJob(), layout.heartbeatTable().qualifiedName());
    for (FieldValueList row : result.iterateAll()) {
      FieldValue value = row.get("ingested_through");
      if (value.isNull()) {
        return Optional.empty();
      }
      long micros = value.getLongValue();
      return Optional.of(
          Instant.ofEpochSecond(
              Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000));
    }
    return Optional.empty();
  }

  private TableResult run(QueryJobConfiguration job, String table) {
    try {
      return bigQuery.query(job);
    } catch (BigQueryException e) {
      throw new WarehouseException(
          "BigQuery query of " + project + "." + table + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WarehouseException(
          "BigQuery query of " + project + "." + table + " interrupted", e);
    }
  }

  private static QueryParameterValue timestamp(Instant t) {
    return QueryParameterValue.timestamp(t.getEpochSecond() * 1_000_000 + t.getNano() / 1000);
  }
}
