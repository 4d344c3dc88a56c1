package io.entityflow.privacy.forget;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Forgets recorded in PostgreSQL, table {@code entityflow_forget_audit} (id, subject_id, actor,
 * forgotten_at, key_existed, published_at), created by {@code PrivacySchema.migrate}.
 *
 * <pre>{@code
 * PrivacySchema.migrate(dataSource);
 * ForgetAuditLog auditLog = new JdbcForgetAuditLog(dataSource);
 * }</pre>
 *
 * <p>Guarantees: those of {@link ForgetAuditLog}; one row per receipt, inserted in auto-commit;
 * {@code forgotten_at} kept to the microsecond; ids come from the table's identity column, so every
 * instance sharing the database sees the same ids. An id is taken when its row is inserted and the
 * row becomes visible when that insert commits, so a row can appear after a row with a higher id
 * (for the few milliseconds of a concurrent insert); {@link ForgottenSubjectsPoller} allows for it.
 */
public final class JdbcForgetAuditLog implements ForgetAuditLog {
  private static final String INSERT =
      "INSERT INTO entityflow_forget_audit (subject_id, actor, forgotten_at, key_existed)"
          + " VALUES (?, ?, ?, ?)";
  private static final String LATEST_ID =
      "SELECT COALESCE(MAX(id), 0) FROM entityflow_forget_audit";
  private static final String ENTRIES =
      "SELECT id, subject_id, forgotten_at FROM entityflow_forget_audit";
  private static final String SINCE = ENTRIES + " WHERE id > ? ORDER BY id LIMIT ?";
  private static final String UNPUBLISHED =
      ENTRIES + " WHERE published_at IS NULL AND forgotten_at <= ? ORDER BY id LIMIT ?";
  private static final String MARK_PUBLISHED =
      "UPDATE entityflow_forget_audit SET published_at = ?"
          + " WHERE subject_id = ? AND forgotten_at = ? AND published_at IS NULL";

  private final DataSource dataSource;

  /** An audit log on {@code dataSource}, whose database has the privacy migration applied. */
  public JdbcForgetAuditLog(DataSource dataSource) {
    if (dataSource == null) {
      throw new IllegalArgumentException("the data source of the forget audit log is null");
    }
    this.dataSource = dataSource;
  }

  @Override
  public void record(ForgetReceipt receipt) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setString(1, receipt.subjectId());
      insert.setString(2, receipt.actor());
      insert.setObject(3, utc(receipt.forgottenAt()));
      insert.setBoolean(4, receipt.keyExisted());
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not record the forget of subject " + receipt.subjectId() + " in the audit log", e);
    }
  }

  @Override
  public long latestId() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(LATEST_ID);
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the latest id of the forget audit log", e);
    }
  }

  @Override
  public List<ForgetAuditEntry> since(long afterId, int limit) {
    InMemoryForgetAuditLog.checkLimit(limit);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(SINCE)) {
      select.setLong(1, afterId);
      select.setInt(2, limit);
      return entries(select);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not list the forget audit entries after id " + afterId, e);
    }
  }

  @Override
  public List<ForgetAuditEntry> unpublished(Instant forgottenUpTo, int limit) {
    InMemoryForgetAuditLog.checkLimit(limit);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(UNPUBLISHED)) {
      select.setObject(1, utc(forgottenUpTo));
      select.setInt(2, limit);
      return entries(select);
    } catch (SQLException e) {
      throw new IllegalStateException("could not list the unpublished forget audit entries", e);
    }
  }

  @Override
  public int markPublished(String subjectId, Instant forgottenAt, Instant publishedAt) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(MARK_PUBLISHED)) {
      update.setObject(1, utc(publishedAt));
      update.setString(2, subjectId);
      update.setObject(3, utc(forgottenAt));
      return update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not mark the forget of subject " + subjectId + " published", e);
    }
  }

  private static List<ForgetAuditEntry> entries(PreparedStatement select) throws SQLException {
    List<ForgetAuditEntry> entries = new ArrayList<>();
    try (ResultSet row = select.executeQuery()) {
      while (row.next()) {
        entries.add(
            new ForgetAuditEntry(
                row.getLong(1),
                row.getString(2),
                row.getObject(3, OffsetDateTime.class).toInstant()));
      }
    }
    return entries;
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }
}
