package io.entityflow.privacy.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AesGcmKey;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A subject's AEAD producing exactly Tink's AES-GCM ciphertext (output prefix, 12-byte random IV,
 * ciphertext and 16-byte tag) with less work per encryption than Tink's primitive; decryption is
 * Tink's own primitive of the same keyset.
 *
 * <pre>{@code
 * Aead aead = ReusableCipherAead.of(keyset, tinkPrimitive).orElse(tinkPrimitive);
 * byte[] ciphertext = aead.encrypt(plaintext, subjectIdUtf8); // tinkPrimitive.decrypt reads it
 * }</pre>
 *
 * <p>Why: an event's PII values are a few short strings, so the fixed cost of each encryption is
 * what counts. Tink's primitive initializes its thread's cipher with the key on every call (the AES
 * key schedule again whenever the thread's previous call used another subject's key) and draws
 * every IV from the platform's {@code SecureRandom} on its own (a lock and a hash per call). Here
 * each subject keeps one JCE {@code AES/GCM/NoPadding} cipher (with its key schedule, about 900
 * bytes once it has encrypted) and IVs come from {@link RandomIvs}. The cryptography is the JDK's
 * AES-GCM, as in Tink.
 *
 * <p>Guarantees: only for a keyset whose primary key is AES-GCM with a 12-byte IV and a 16-byte tag
 * ({@link #of} says empty otherwise); a fresh random IV per encryption; thread-safe (one subject's
 * encryptions take turns); what it writes decrypts with Tink ({@code ReusableCipherAeadTest}
 * compares it byte for byte with Tink's AES-GCM for the same IV).
 */
final class ReusableCipherAead implements Aead {
  private static final int IV_BYTES = RandomIvs.IV_BYTES;
  private static final int TAG_BYTES = 16;

  /** The source of IVs: random in production, given in tests. */
  interface IvSource {
    void next(byte[] out, int offset);
  }

  private static final ThreadLocal<RandomIvs> RANDOM_IVS = ThreadLocal.withInitial(RandomIvs::new);

  private static final IvSource RANDOM = (out, offset) -> RANDOM_IVS.get().next(out, offset);

  private final SecretKeySpec key;
  private final byte[] outputPrefix;
  private final Aead tink;
  private final IvSource ivs;
  private Cipher cipher; // made on the first encryption; guarded by this

  private ReusableCipherAead(byte[] key, byte[] outputPrefix, Aead tink, IvSource ivs) {
    this.key = new SecretKeySpec(key, "AES");
    this.outputPrefix = outputPrefix;
    this.tink = tink;
    this.ivs = ivs;
  }

  /**
   * The reusable-cipher AEAD of {@code keyset}, whose decryption is {@code tink} (the keyset's Tink
   * primitive); empty when the primary key is not AES-GCM with a 12-byte IV and a 16-byte tag.
   */
  static Optional<Aead> of(KeysetHandle keyset, Aead tink) {
    return of(keyset, tink, RANDOM);
  }

  static Optional<Aead> of(KeysetHandle keyset, Aead tink, IvSource ivs) {
    if (!(keyset.getPrimary().getKey() instanceof AesGcmKey gcm)
        || gcm.getParameters().getIvSizeBytes() != IV_BYTES
        || gcm.getParameters().getTagSizeBytes() != TAG_BYTES) {
      return Optional.empty();
    }
    return Optional.of(
        new ReusableCipherAead(
            gcm.getKeyBytes().toByteArray(InsecureSecretKeyAccess.get()),
            gcm.getOutputPrefix().toByteArray(),
            tink,
            ivs));
  }

  @Override
  public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
    if (plaintext == null) {
      throw new NullPointerException("plaintext is null");
    }
    int ivAt = outputPrefix.length;
    int bodyAt = ivAt + IV_BYTES;
    byte[] out = new byte[bodyAt + plaintext.length + TAG_BYTES];
    System.arraycopy(outputPrefix, 0, out, 0, ivAt);
    ivs.next(out, ivAt);
    GCMParameterSpec iv = new GCMParameterSpec(8 * TAG_BYTES, out, ivAt, IV_BYTES);
    synchronized (this) {
      if (cipher == null) {
        cipher = Cipher.getInstance("AES/GCM/NoPadding");
      }
      cipher.init(Cipher.ENCRYPT_MODE, key, iv);
      if (associatedData != null) {
        cipher.updateAAD(associatedData);
      }
      int written = cipher.doFinal(plaintext, 0, plaintext.length, out, bodyAt);
      if (written != plaintext.length + TAG_BYTES) {
        throw new GeneralSecurityException(
            "AES-GCM wrote " + written + " bytes, expected " + (plaintext.length + TAG_BYTES));
      }
    }
    return out;
  }

  @Override
  public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
    return tink.decrypt(ciphertext, associatedData);
  }
}
