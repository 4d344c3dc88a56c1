package io.entityflow.publisher.privacy;

/**
 * Where the subject keys are stored ({@code entityflow.privacy.key-store}).
 *
 * <pre>{@code
 * entityflow.privacy.key-store: jdbc
 * }</pre>
 */
public enum KeyStoreKind {
  /**
   * {@link io.entityflow.privacy.keys.JdbcSubjectKeyStore} on the service's PostgreSQL DataSource
   * named by {@code entityflow.privacy.datasource}: keys survive restarts and are shared by every
   * instance. The forget audit goes to the same database.
   */
  JDBC,
  /**
   * {@link io.entityflow.privacy.keys.InMemorySubjectKeyStore}: keys die with the process, so
   * everything encrypted before a restart becomes unreadable. For tests only.
   */
  MEMORY
}
