package io.entityflow.privacy.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomIvsTest {
  @Test
  void ivsAcrossSeveralBlocksAreDistinctAndWrittenAtTheOffset() {
    RandomIvs ivs = new RandomIvs();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) { // 16 per block: crosses six refills
      byte[] out = new byte[3 + 12 + 2];
      Arrays.fill(out, (byte) 0x7f);
      ivs.next(out, 3);
      assertThat(Arrays.copyOfRange(out, 0, 3)).containsOnly(0x7f);
      assertThat(Arrays.copyOfRange(out, 15, 17)).containsOnly(0x7f);
      seen.add(Arrays.toString(Arrays.copyOfRange(out, 3, 15)));
    }
    assertThat(seen).hasSize(100);
  }
}
