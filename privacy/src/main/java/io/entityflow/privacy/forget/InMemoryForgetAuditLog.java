package io.entityflow.privacy.forget;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forgets recorded in memory, in order: for tests.
 *
 * <pre>{@code
 * InMemoryForgetAuditLog auditLog = new InMemoryForgetAuditLog();
 * auditLog.entries(); // every recorded receipt, oldest first
 * }</pre>
 *
 * <p>Guarantees: those of {@link ForgetAuditLog}; {@link #entries} is a snapshot.
 */
public final class InMemoryForgetAuditLog implements ForgetAuditLog {
  private final List<ForgetReceipt> entries = new CopyOnWriteArrayList<>();

  @Override
  public void record(ForgetReceipt receipt) {
    entries.add(receipt);
  }

  /** Every recorded receipt, oldest first. */
  public List<ForgetReceipt> entries() {
    return List.copyOf(entries);
  }
}
