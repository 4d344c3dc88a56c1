package io.entityflow.privacy.keys;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The shipped Flyway migration of the privacy tables ({@code classpath:db/entityflow-privacy}):
 * {@code entityflow_subject_keys} and {@code entityflow_forget_audit}, with a history table of its
 * own ({@code entityflow_privacy_schema_history}) so that it never mixes with the service's own
 * migrations and their version numbers.
 *
 * <pre>{@code
 * PrivacySchema.migrate(dataSource); // creates the tables, or does nothing when current
 * }</pre>
 *
 * <p>Safe to run from several instances at once: Flyway locks its history table.
 */
public final class PrivacySchema {
  /** Where the migrations are on the class path. */
  public static final String LOCATION = "classpath:db/entityflow-privacy";

  /** Flyway's history table for the privacy migrations. */
  public static final String HISTORY_TABLE = "entityflow_privacy_schema_history";

  private PrivacySchema() {}

  /** Applies the pending privacy migrations; returns how many ran. */
  public static int migrate(DataSource dataSource) {
    MigrateResult result =
        Flyway.configure(PrivacySchema.class.getClassLoader())
            .dataSource(dataSource)
            .locations(LOCATION)
            .table(HISTORY_TABLE)
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load()
            .migrate();
    return result.migrationsExecuted;
  }
}
