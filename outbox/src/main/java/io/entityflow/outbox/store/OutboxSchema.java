package io.entityflow.outbox.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The shipped Flyway migration of the outbox table ({@code classpath:db/entityflow-outbox}), with a
 * history table of its own ({@code entityflow_outbox_schema_history}) so that it never mixes with
 * the service's own migrations and their version numbers.
 *
 * <pre>{@code
 * OutboxSchema.migrate(dataSource); // creates entityflow_outbox, or does nothing when current
 * }</pre>
 *
 * <p>Safe to run from several instances at once: Flyway locks its history table.
 */
public final class OutboxSchema {
  /** Where the migrations are on the class path. */
  public static final String LOCATION = "classpath:db/entityflow-outbox";

  /** Flyway's history table for the outbox migrations. */
  public static final String HISTORY_TABLE = "entityflow_outbox_schema_history";

  private OutboxSchema() {}

  /** Applies the pending outbox migrations; returns how many ran. */
  public static int migrate(DataSource dataSource) {
    MigrateResult result =
        Flyway.configure(OutboxSchema.class.getClassLoader())
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
