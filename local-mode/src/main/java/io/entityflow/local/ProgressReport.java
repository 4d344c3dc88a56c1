package io.entityflow.local;

import io.entityflow.contract.layout.DeadLetterTable;
import io.entityflow.contract.layout.SystemEntities;
import io.entityflow.contract.layout.TableDefinition;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rows landed per table and dead letters, read from the local warehouse with SQL, for the demo's
 * progress lines and {@code entityflow status}.
 *
 * <pre>{@code
 * ProgressReport report = ProgressReport.read(warehouse, registry);
 * report.line(); // "rows: retail.sale_v1=1204 retail.customer_v1=130 ... | dead letters: 0"
 * }</pre>
 *
 * @param rowsByTable row count of every entity table that has rows, by {@code dataset.table}
 * @param deadLetters rows of the dead-letter table
 */
public record ProgressReport(Map<String, Long> rowsByTable, long deadLetters) {

  /** Counts the rows now. */
  public static ProgressReport read(Path warehouse, EntityRegistry registry) throws SQLException {
    // the system tables too (SubjectKey): the demo service's published count includes them
    List<EntityDefinition> tables = new ArrayList<>(registry.entities());
    tables.addAll(SystemEntities.neededBy(registry.entities()));
    List<String> parts = new ArrayList<>();
    for (EntityDefinition entity : tables) {
      parts.add(
          "SELECT '"
              + entity.dataset()
              + "."
              + entity.tableName()
              + "' AS t, count(*) AS n FROM "
              + entity.dataset()
              + "."
              + entity.tableName());
    }
    Map<String, Long> rows = new TreeMap<>();
    for (List<String> row :
        LocalSql.query(warehouse, registry, String.join(" UNION ALL ", parts))
            .subList(1, tables.size() + 1)) {
      long n = Long.parseLong(row.get(1));
      if (n > 0) {
        rows.put(row.get(0), n);
      }
    }
    long deadLetters = 0;
    TableDefinition deadLetter = DeadLetterTable.definition();
    if (java.nio.file.Files.isDirectory(
        warehouse.resolve(deadLetter.dataset()).resolve(deadLetter.name()))) {
      List<List<String>> result =
          LocalSql.query(warehouse, registry, "SELECT count(*) FROM " + deadLetter.qualifiedName());
      deadLetters = Long.parseLong(result.get(1).get(0));
    }
    return new ProgressReport(rows, deadLetters);
  }

  /** One console line. */
  public String line() {
    StringBuilder out = new StringBuilder("rows:");
    if (rowsByTable.isEmpty()) {
      out.append(" none yet");
    }
    rowsByTable.forEach((table, n) -> out.append(' ').append(table).append('=').append(n));
    return out.append(" | dead letters: ").append(deadLetters).toString();
  }
}
