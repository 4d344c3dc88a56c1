package io.entityflow.privacy.keys;

import com.google.crypto.tink.Aead;
import java.security.GeneralSecurityException;
import java.util.Optional;

/**
 * The AEAD primitive of each data subject: what encrypts a subject's PII field values at the source
 * and decrypts them for readers allowed to see them.
 *
 * <pre>{@code
 * Aead aead = keysets.aeadFor("customer-42");          // created on first use
 * byte[] ciphertext = aead.encrypt(plaintext, "customer-42".getBytes(UTF_8));
 * keysets.existingAeadFor("customer-7");               // empty: never seen, or forgotten
 * }</pre>
 *
 * <p>Guarantees: a subject has at most one keyset at a time; {@link #aeadFor} never returns a
 * primitive of a forgotten subject's deleted keyset (it creates a new one, so data encrypted before
 * the forget stays unreadable); implementations are thread-safe.
 */
public interface SubjectKeysets {

  /**
   * The AEAD of {@code subjectId}, creating and storing the subject's keyset on first use.
   *
   * @throws GeneralSecurityException when the keyset cannot be created, unwrapped or stored
   */
  Aead aeadFor(String subjectId) throws GeneralSecurityException;

  /**
   * The AEAD of {@code subjectId} if the subject has a keyset; empty for a subject never seen or
   * forgotten. Never creates a keyset.
   *
   * @throws GeneralSecurityException when the stored keyset cannot be unwrapped
   */
  Optional<Aead> existingAeadFor(String subjectId) throws GeneralSecurityException;
}
