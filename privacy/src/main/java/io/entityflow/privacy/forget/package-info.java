/**
 * Forgetting a data subject (crypto-shredding): {@link
 * io.entityflow.privacy.forget.SubjectForgetter} deletes the subject's key, evicts it from the key
 * caches and records who asked and when in a {@link io.entityflow.privacy.forget.ForgetAuditLog};
 * {@link io.entityflow.privacy.forget.ForgottenSubjectsPoller} brings the forgets of other
 * instances to this instance's cache.
 */
package io.entityflow.privacy.forget;
