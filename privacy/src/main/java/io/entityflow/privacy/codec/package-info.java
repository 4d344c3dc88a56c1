/**
 * The PII codec: {@link io.entityflow.privacy.codec.PiiEncryptor} turns an entity message into its
 * encrypted form (every PII value a Tink AEAD ciphertext of its data subject), {@link
 * io.entityflow.privacy.codec.PiiDecryptor} reads it back (PII cleared when the subject was
 * forgotten), and {@link io.entityflow.privacy.codec.PiiPlaintext} is the text form of each value,
 * the one BigQuery casts back to the column's type.
 *
 * <p>The wire format is language-neutral; see "PII on the wire" in {@code proto/README.md}.
 */
package io.entityflow.privacy.codec;
