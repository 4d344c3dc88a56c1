/**
 * Encryption at the source of the PII fields of every published event ({@code
 * entityflow.privacy.*}): the configuration, the factory of the subject keys (key-encryption key,
 * key store, cached keysets, forgetter and its audit log), the step that turns an entity with PII
 * into its encrypted form, the publication of the {@code SubjectKey} entity when a key is made or
 * forgotten (marked published on Pub/Sub's acknowledgement, republished until then), and the
 * background tasks: the republisher and the poller of other instances' forgets.
 */
package io.entityflow.publisher.privacy;
