/**
 * Privacy in the wire contract: the encrypted form in which an entity with PII fields travels.
 *
 * <p>{@link io.entityflow.contract.privacy.EncryptedForm} rewrites an entity's message type so that
 * every PII field is a {@code bytes} field of the same number and name, holding Tink AEAD
 * ciphertext (see "PII on the wire" in {@code proto/README.md}). The codec that encrypts and
 * decrypts values lives in the {@code entityflow-privacy} module.
 */
package io.entityflow.contract.privacy;
