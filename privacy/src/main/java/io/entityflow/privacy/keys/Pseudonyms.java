package io.entityflow.privacy.keys;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random subject pseudonyms: 16 random bytes as 22 characters of URL-safe base64 without padding
 * ({@code A-Z a-z 0-9 - _}), e.g. {@code "q3Vh0C1yXWm8fK2p9sTQ4g"}.
 *
 * <pre>{@code
 * String pseudonym = Pseudonyms.next(new SecureRandom());
 * }</pre>
 *
 * <p>Guarantees: unrelated to the subject id (nothing can be derived from it); 128 random bits, so
 * two subjects practically never share one (the store's unique constraint refuses it if they do).
 */
public final class Pseudonyms {
  /** Length of every pseudonym. */
  public static final int LENGTH = 22;

  private Pseudonyms() {}

  /** A new random pseudonym. */
  public static String next(SecureRandom random) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
