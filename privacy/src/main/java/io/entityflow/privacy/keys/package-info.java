/**
 * Subject keys: one Tink AEAD keyset per data subject, created on first use, stored wrapped by a
 * key-encryption key, cached, and deleted when the subject is forgotten.
 */
package io.entityflow.privacy.keys;
