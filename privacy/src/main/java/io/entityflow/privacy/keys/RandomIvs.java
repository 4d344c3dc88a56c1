package io.entityflow.privacy.keys;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Random 12-byte AES-GCM IVs of one thread, drawn in blocks of 16 from the thread's own {@code
 * DRBG} {@link SecureRandom} (NIST SP 800-90A, seeded by the JDK from the system's entropy), or
 * from the platform's default {@link SecureRandom} where no DRBG is offered.
 *
 * <pre>{@code
 * RandomIvs ivs = new RandomIvs(); // one per thread: not thread-safe
 * ivs.next(ciphertext, 5);         // writes 12 random bytes at offset 5
 * }</pre>
 *
 * <p>Why blocks: asking a {@code SecureRandom} for 12 bytes costs about as much as asking for 192
 * (a lock, a reseed check, a hash); IVs are public, so keeping the next few in memory reveals
 * nothing. Guarantees: every IV is 12 fresh random bytes, never handed out twice by this instance.
 */
final class RandomIvs {
  static final int IV_BYTES = 12;
  private static final int BLOCK = 16 * IV_BYTES;

  private final SecureRandom random = drbg();
  private final byte[] block = new byte[BLOCK];
  private int next = BLOCK;

  /** Writes the next random IV to {@code out[offset, offset + 12)}. */
  void next(byte[] out, int offset) {
    if (next == BLOCK) {
      random.nextBytes(block);
      next = 0;
    }
    System.arraycopy(block, next, out, offset, IV_BYTES);
    next += IV_BYTES;
  }

  private static SecureRandom drbg() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }
}
