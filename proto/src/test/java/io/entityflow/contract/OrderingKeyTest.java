package io.entityflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrderingKeyTest {

  @Test
  void fnv1aMatchesTheReferenceVectorsSoEveryLanguageAgrees() {
    assertThat(OrderingKey.fnv1a32("")).isEqualTo(0x811c9dc5);
    assertThat(OrderingKey.fnv1a32("a")).isEqualTo(0xe40c292c);
    assertThat(OrderingKey.fnv1a32("foobar")).isEqualTo(0xbf9cf968);
  }

  @Test
  void bucketIsTheUnsignedHashModuloTheBucketCount() {
    // 0xbf9cf968 = 3214735720; 3214735720 % 64 = 40
    assertThat(OrderingKey.bucketed("foobar", 64)).isEqualTo("40");
    assertThat(OrderingKey.bucketed("foobar", 1)).isEqualTo("0");
  }

  @Test
  void nonAsciiIdsHashTheirUtf8Bytes() {
    // UTF-8 bytes c3 a4
    assertThat(OrderingKey.fnv1a32("\u00e4")).isEqualTo(0x199de0e2);
    assertThat(OrderingKey.bucketed("\u00e4", 1000)).isEqualTo(Long.toString(0x199de0e2L % 1000));
  }

  @Test
  void bucketCountBelowOneIsRefused() {
    assertThatThrownBy(() -> OrderingKey.bucketed("x", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ordering key buckets must be at least 1, got 0");
  }

  @Test
  void unknownOperationIsRefusedListingTheAllowedOnes() {
    assertThat(Operation.parse("DELETED")).isEqualTo(Operation.DELETED);
    assertThatThrownBy(() -> Operation.parse("REMOVED"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "attribute 'operation' has invalid value 'REMOVED'; allowed: CREATED, UPDATED, DELETED,"
                + " SNAPSHOT");
  }
}
