package io.entityflow.privacy.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PseudonymsTest {
  @Test
  void pseudonymIsSixteenRandomBytesInUrlSafeBase64WithoutPadding() {
    SecureRandom constant =
        new SecureRandom() {
          @Override
          public void nextBytes(byte[] bytes) {
            java.util.Arrays.fill(bytes, (byte) 0xfb);
          }
        };

    assertThat(Pseudonyms.next(constant)).isEqualTo("-_v7-_v7-_v7-_v7-_v7-w");
    assertThat(Pseudonyms.next(constant)).hasSize(Pseudonyms.LENGTH);
  }
}
