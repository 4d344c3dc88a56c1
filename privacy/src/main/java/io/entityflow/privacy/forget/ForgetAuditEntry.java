package io.entityflow.privacy.forget;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded forget as the audit log lists it for the key caches and the republisher: its id in
 * the log, the subject and the time. Carries neither the actor nor any key material.
 *
 * <pre>{@code
 * for (ForgetAuditEntry entry : auditLog.since(lastId, 100)) {
 *   keysets.evict(entry.subjectId());
 * }
 * }</pre>
 *
 * @param id the entry's id: increasing in the order the log assigned them (1, 2, ...)
 * @param subjectId the forgotten subject's id
 * @param forgottenAt when the key was deleted (to the microsecond)
 */
public record ForgetAuditEntry(long id, String subjectId, Instant forgottenAt) {

  /** Checks that every field is present. */
  public ForgetAuditEntry {
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(forgottenAt, "forgottenAt");
  }
}
