package io.entityflow.privacy.forget;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/**
 * Forgets recorded in PostgreSQL, table {@code entityflow_forget_audit} (id, subject_id, actor,
 * forgotten_at, key_existed), created by {@code PrivacySchema.migrate}.
 *
 * <pre>{@code
 * PrivacySchema.migrate(dataSource);
 * ForgetAuditLog auditLog = new JdbcForgetAuditLog(dataSource);
 * }</pre>
 *
 * <p>Guarantees: those of {@link ForgetAuditLog}; one row per receipt, inserted in auto-commit;
 * {@code forgotten_at} kept to the microsecond.
 */
public final class JdbcForgetAuditLog implements ForgetAuditLog {
  private static final String INSERT =
      "INSERT INTO entityflow_forget_audit (subject_id, actor, forgotten_at, key_existed)"
          + " VALUES (?, ?, ?, ?)";

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
      insert.setObject(
          3,
          OffsetDateTime.ofInstant(
              receipt.forgottenAt().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
      insert.setBoolean(4, receipt.keyExisted());
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not record the forget of subject " + receipt.subjectId() + " in the audit log", e);
    }
  }
}
