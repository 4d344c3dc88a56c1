/**
 * Privacy: personal data (fields marked {@code PII} in the contract) encrypted at the source with a
 * key of its data subject, and forgotten by deleting that key (crypto-shredding).
 *
 * <p>{@link io.entityflow.privacy.keys} holds one Tink AEAD keyset per subject, wrapped by a
 * key-encryption key. {@link io.entityflow.privacy.codec} encrypts an entity event's PII values
 * with them (the entity's encrypted form) and decrypts them back.
 */
package io.entityflow.privacy;
