package io.entityflow.pipelines.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entityflow.contract.bigquery.MetadataColumns;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.layout.DeadLetterTable;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.pipelines.deadletter.DeadLetter;
import io.entityflow.pipelines.deadletter.DeadLetterKind;
import io.entityflow.pipelines.events.PipelineClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the staged NDJSON lines of one table into Parquet parts ({@link ParquetPartWriter}), at
 * most {@code maxRowsPerFile} rows each. When DuckDB refuses a part of an entity table, the part is
 * split in halves until every refused row is isolated: the accepted rows are published, each
 * refused row becomes a WAREHOUSE_REJECTED dead-letter line (rendered for {@code
 * entityflow.dead_letter}).
 *
 * <pre>{@code
 * StagedLinesConverter converter = new StagedLinesConverter(writer, 50_000, clock);
 * StagedLinesConverter.Result result = converter.convert("retail", "sale_v1", columns, ndjson);
 * }</pre>
 *
 * <p>Guarantees: every line is either published or returned as a dead letter; a refused row of a
 * system table, or any I/O failure, throws without returning anything (the caller keeps the staged
 * lines and retries). Not thread-safe (one {@link ParquetPartWriter}).
 */
final class StagedLinesConverter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final NdjsonRows DEAD_LETTER_LINES = NdjsonRows.of(DeadLetterTable.COLUMNS);

  private final ParquetPartWriter writer;
  private final long maxRowsPerFile;
  private final PipelineClock clock;

  StagedLinesConverter(ParquetPartWriter writer, long maxRowsPerFile, PipelineClock clock) {
    this.writer = writer;
    this.maxRowsPerFile = maxRowsPerFile;
    this.clock = clock;
  }

  /** What a conversion did: rows published, dead-letter lines of refused rows. */
  record Result(long published, List<String> deadLetterLines) {}

  /** Converts the staged {@code ndjson} (newline-terminated lines) of {@code dataset.table}. */
  Result convert(String dataset, String table, List<TableColumn> columns, String ndjson)
      throws SQLException {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < ndjson.length()) {
      int end = ndjson.indexOf('\n', start);
      if (end < 0) {
        break; // a torn last line of a crashed run was never forced, so its bundle never committed
      }
      if (end > start) {
        lines.add(ndjson.substring(start, end + 1));
      }
      start = end + 1;
    }
    long published = 0;
    List<String> rejected = new ArrayList<>();
    for (int from = 0; from < lines.size(); from += (int) maxRowsPerFile) {
      List<String> part = lines.subList(from, (int) Math.min(lines.size(), from + maxRowsPerFile));
      published += write(dataset, table, columns, part, rejected);
    }
    return new Result(published, rejected);
  }

  private long write(
      String dataset,
      String table,
      List<TableColumn> columns,
      List<String> lines,
      List<String> rejected)
      throws SQLException {
    StringBuilder ndjson = new StringBuilder(lines.size() * 512);
    lines.forEach(ndjson::append);
    try {
      writer.writeNdjson(dataset, table, columns, ndjson);
      return lines.size();
    } catch (SQLException e) {
      if (dataset.equals(PhysicalLayout.SYSTEM_DATASET)) {
        throw e;
      }
      if (lines.size() == 1) {
        rejected.add(deadLetterLine(dataset + "." + table, lines.get(0), e));
        return 0;
      }
      int half = lines.size() / 2;
      return write(dataset, table, columns, lines.subList(0, half), rejected)
          + write(dataset, table, columns, lines.subList(half, lines.size()), rejected);
    }
  }

  private String deadLetterLine(String table, String line, SQLException e) {
    Map<String, Object> row =
        new DeadLetter(
                clock.now(),
                DeadLetterKind.WAREHOUSE_REJECTED,
                "local warehouse refused a row of " + table + ": " + e.getMessage(),
                table.substring(table.indexOf('.') + 1),
                textOf(line, MetadataColumns.MESSAGE_ID),
                null,
                Map.of(),
                line.trim().getBytes(StandardCharsets.UTF_8),
                textOf(line, MetadataColumns.TRACE_ID))
            .toRow();
    StringBuilder out = new StringBuilder();
    DEAD_LETTER_LINES.append(out, row);
    return out.toString();
  }

  private static String textOf(String line, String column) {
    try {
      JsonNode value = JSON.readTree(line).get(column);
      return value == null || value.isNull() ? null : value.asText();
    } catch (IOException e) {
      return null; // the line is kept whole in the dead letter's payload
    }
  }
}
