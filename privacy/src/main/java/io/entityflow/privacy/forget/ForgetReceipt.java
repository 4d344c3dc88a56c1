package io.entityflow.privacy.forget;

import java.time.Instant;
import java.util.Objects;

/**
 * What a forget did, as audited: the subject, who asked, when, and whether the subject had a key.
 * Holds nothing else (no key material, no personal data).
 *
 * <pre>{@code
 * ForgetReceipt receipt = forgetter.forget("customer-42", "dpo:ticket-1234");
 * receipt.keyExisted(); // false when the subject never had a key (or was already forgotten)
 * }</pre>
 *
 * @param subjectId the forgotten subject's id
 * @param actor who asked for the forget (a user, a ticket, a service)
 * @param forgottenAt when the key was deleted (to the microsecond)
 * @param keyExisted true when the subject had a key that was deleted
 */
public record ForgetReceipt(
    String subjectId, String actor, Instant forgottenAt, boolean keyExisted) {

  /** Checks that every field is present. */
  public ForgetReceipt {
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(forgottenAt, "forgottenAt");
  }
}
