/**
 * Operator commands of the privacy features. {@link io.entityflow.privacy.tools.ForgetCli} is
 * {@code entityflow forget} against a deployed environment: it deletes a data subject's key in the
 * key store with an audit record ({@link io.entityflow.privacy.tools.KeyStoreAccess}), publishes
 * SubjectKey DELETED and waits for Pub/Sub ({@link io.entityflow.privacy.tools.SubjectKeyDeletion})
 * and deletes the subject's key rows in BigQuery ({@link
 * io.entityflow.privacy.tools.BigQueryKeyRows}), then prints a {@link
 * io.entityflow.privacy.tools.ForgetReport}; exit codes are {@link
 * io.entityflow.privacy.tools.ForgetExit}.
 */
package io.entityflow.privacy.tools;
