package io.entityflow.privacy.forget;

import io.entityflow.privacy.keys.PrivacySchema;
import io.entityflow.testing.PostgresServer;
import javax.sql.DataSource;

class JdbcForgetAuditLogIT extends ForgetAuditLogContract {
  @Override
  ForgetAuditLog log() {
    DataSource dataSource = PostgresServer.shared().createDatabase("privacy_audit").dataSource();
    PrivacySchema.migrate(dataSource);
    return new JdbcForgetAuditLog(dataSource);
  }
}
