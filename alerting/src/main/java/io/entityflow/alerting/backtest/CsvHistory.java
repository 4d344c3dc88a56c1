package io.entityflow.alerting.backtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads history from a CSV of {@code timestamp,count} lines (RFC 3339 UTC timestamps; an optional
 * header line; blank lines ignored).
 *
 * <pre>{@code
 * List<CountRow> rows = CsvHistory.read(Path.of("signups.csv"));
 * }</pre>
 *
 * <p>Guarantees: rows sorted by time; a bad line fails naming the file, the line number, the value
 * and the expected format.
 */
public final class CsvHistory {
  private CsvHistory() {}

  /** Reads the file. */
  public static List<CountRow> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<CountRow> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || (i == 0 && line.toLowerCase().startsWith("timestamp"))) {
        continue;
      }
      String[] parts = line.split(",");
      try {
        if (parts.length != 2) {
          throw new IllegalArgumentException("two columns");
        }
        long count = Long.parseLong(parts[1].trim());
        if (count < 0) {
          throw new IllegalArgumentException("negative count");
        }
        rows.add(new CountRow(Instant.parse(parts[0].trim()), count));
      } catch (DateTimeParseException | IllegalArgumentException e) {
        throw new IllegalArgumentException(
            file
                + " line "
                + (i + 1)
                + ": '"
                + line
                + "' is not 'timestamp,count' (e.g. 2026-01-05T10:00:00Z,12 with a count >= 0)",
            e);
      }
    }
    rows.sort(Comparator.comparing(CountRow::at));
    return rows;
  }
}
