package io.entityflow.contract;

import java.nio.charset.StandardCharsets;

/**
 * Derives the Pub/Sub ordering key of an entity event from the entity id, the same way in every
 * language, so that all events of one entity id share a key and Pub/Sub delivers them in publish
 * order.
 *
 * <p>The key is {@code <bucket>} where bucket = FNV-1a 32-bit hash of the id's UTF-8 bytes, taken
 * as an unsigned number, modulo the entity's bucket count. Bucketing keeps Pub/Sub batches full:
 * the client batches per ordering key, so one key per id would send single-message requests. Ids
 * that share a bucket are also delivered in their relative publish order, which is stronger than
 * needed and never weaker.
 *
 * <pre>{@code
 * String key = OrderingKey.bucketed("sale-42", 64); // "27" (for example)
 * }</pre>
 */
public final class OrderingKey {
  /** Bucket count used when an entity does not set {@code ordering_key_buckets}. */
  public static final int DEFAULT_BUCKETS = 64;

  private static final int FNV_OFFSET = 0x811c9dc5;
  private static final int FNV_PRIME = 0x01000193;

  private OrderingKey() {}

  /** The bucket key of {@code id} among {@code buckets} buckets. */
  public static String bucketed(String id, int buckets) {
    if (buckets < 1) {
      throw new IllegalArgumentException("ordering key buckets must be at least 1, got " + buckets);
    }
    return Long.toString(Integer.toUnsignedLong(fnv1a32(id)) % buckets);
  }

  /** FNV-1a 32-bit hash of the UTF-8 bytes of {@code value}. */
  public static int fnv1a32(String value) {
    int hash = FNV_OFFSET;
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      hash ^= (b & 0xff);
      hash *= FNV_PRIME;
    }
    return hash;
  }
}
