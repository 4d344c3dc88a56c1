package io.entityflow.local;

import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.warehouse.local.LocalPrivacyViews;
import io.entityflow.warehouse.local.LocalWarehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL over the local warehouse, as {@code entityflow sql} runs it: every table as {@code
 * <dataset>.<table>}, every entity's {@code <dataset>.<table>_latest} view and, for entities with
 * PII, {@code <dataset>.<table>_masked} and {@code <dataset>_pii.<table>_decrypted} ({@link
 * LocalPrivacyViews}), read from the Parquet files at query time, so it works while the demo
 * writes.
 *
 * <pre>{@code
 * List<List<String>> rows = LocalSql.query(warehouse, registry, "SELECT count(*) FROM retail.sale_v1");
 * }</pre>
 */
public final class LocalSql {
  private LocalSql() {}

  /** Opens a connection with the tables and the latest views. */
  public static Connection open(Path warehouse, EntityRegistry registry) throws SQLException {
    Connection connection = LocalWarehouse.open(warehouse, registry);
    try {
      LocalWarehouse.createLatestViews(connection, registry);
      LocalPrivacyViews.create(connection, registry);
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  /** Runs a query; the first row holds the column names, values are rendered as text. */
  public static List<List<String>> query(Path warehouse, EntityRegistry registry, String sql)
      throws SQLException {
    try (Connection connection = open(warehouse, registry);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      List<List<String>> rows = new ArrayList<>();
      List<String> header = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        header.add(meta.getColumnLabel(i));
      }
      rows.add(header);
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          Object value = rs.getObject(i);
          row.add(value == null ? "NULL" : value.toString());
        }
        rows.add(row);
      }
      return rows;
    }
  }

  /** Renders rows (header first) as an aligned text table. */
  public static String render(List<List<String>> rows) {
    int columns = rows.get(0).size();
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.min(60, Math.max(widths[i], row.get(i).length()));
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      for (int i = 0; i < columns; i++) {
        String cell = row.get(i).length() > 60 ? row.get(i).substring(0, 57) + "..." : row.get(i);
        out.append(i == 0 ? "" : " | ").append(String.format("%-" + widths[i] + "s", cell));
      }
      out.append('\n');
      if (r == 0) {
        for (int i = 0; i < columns; i++) {
          out.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        out.append('\n');
      }
    }
    out.append("(")
        .append(rows.size() - 1)
        .append(rows.size() == 2 ? " row)" : " rows)")
        .append('\n');
    return out.toString();
  }
}
