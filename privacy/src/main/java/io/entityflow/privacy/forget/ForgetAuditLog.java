package io.entityflow.privacy.forget;

/**
 * Where forgets are recorded (SPI): {@link JdbcForgetAuditLog} (PostgreSQL table {@code
 * entityflow_forget_audit}) for services, {@link InMemoryForgetAuditLog} for tests.
 *
 * <pre>{@code
 * auditLog.record(new ForgetReceipt("customer-42", "dpo:ticket-1234", now, true));
 * }</pre>
 *
 * <p>Guarantees every implementation gives: one entry per recorded receipt, holding only its
 * subject id, actor, time and whether a key existed; thread-safe.
 */
@FunctionalInterface
public interface ForgetAuditLog {
  /** Records one forget. */
  void record(ForgetReceipt receipt);
}
