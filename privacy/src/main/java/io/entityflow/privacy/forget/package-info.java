/**
 * Forgetting a data subject (crypto-shredding): {@link
 * io.entityflow.privacy.forget.SubjectForgetter} deletes the subject's key, evicts it from the key
 * caches and records who asked and when in a {@link io.entityflow.privacy.forget.ForgetAuditLog}.
 */
package io.entityflow.privacy.forget;
