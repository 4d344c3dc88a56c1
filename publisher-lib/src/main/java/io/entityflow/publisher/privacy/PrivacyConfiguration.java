package io.entityflow.publisher.privacy;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * Every {@code entityflow.privacy.*} key with its default; the publisher module README lists them.
 *
 * <pre>{@code
 * entityflow:
 *   privacy:
 *     kek-uri: gcp-kms://projects/acme-prod/locations/europe-west1/keyRings/entityflow/cryptoKeys/kek
 *     key-store: jdbc
 *     datasource: default
 *     cache:
 *       max-subjects: 10000
 *       expire-after: 10m
 *       forget-poll-interval: 5s
 *     republish:
 *       enabled: true
 *       interval: 30s
 *       min-age: 2m
 *       batch-size: 500
 * }</pre>
 *
 * <p>The nested {@link Cache} and {@link Republish} groups always exist (with their defaults) even
 * when no key of them is set.
 */
@ConfigurationProperties(PrivacyConfiguration.PREFIX)
public class PrivacyConfiguration {
  /** The prefix of every key. */
  public static final String PREFIX = "entityflow.privacy";

  /** The forms {@code kek-uri} may take, as error messages show them. */
  public static final String KEK_URI_FORMS =
      "gcp-kms://projects/<project>/locations/<location>/keyRings/<ring>/cryptoKeys/<key> (Cloud"
          + " KMS) or local-file://<absolute path> (a local Tink keyset file, local mode and tests)";

  private boolean enabled = true;
  private String kekUri;
  private KeyStoreKind keyStore = KeyStoreKind.JDBC;
  private String datasource = "default";
  private Cache cache = new Cache();
  private Republish republish = new Republish();

  /**
   * {@code enabled} (default true): encrypt the PII fields of every event. With false an event of
   * an entity with PII is refused (never published in clear).
   */
  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * {@code kek-uri} (required when enabled and the contract has an entity with PII): the
   * key-encryption key that wraps every subject keyset, one of {@link #KEK_URI_FORMS}.
   */
  public String getKekUri() {
    return kekUri;
  }

  public void setKekUri(String kekUri) {
    this.kekUri = kekUri;
  }

  /** {@code key-store} (default jdbc): where subject keys live; memory is for tests only. */
  public KeyStoreKind getKeyStore() {
    return keyStore;
  }

  public void setKeyStore(KeyStoreKind keyStore) {
    this.keyStore = keyStore;
  }

  /** {@code datasource} (default {@code default}): the named DataSource of the jdbc key store. */
  public String getDatasource() {
    return datasource;
  }

  public void setDatasource(String datasource) {
    this.datasource = datasource;
  }

  /** The {@code cache.*} group. */
  public Cache getCache() {
    return cache;
  }

  public void setCache(Cache cache) {
    this.cache = cache;
  }

  /** The {@code republish.*} group. */
  public Republish getRepublish() {
    return republish;
  }

  public void setRepublish(Republish republish) {
    this.republish = republish;
  }

  /**
   * A positive duration of {@code key}.
   *
   * @throws IllegalStateException naming the key, the value and what is allowed
   */
  static Duration positive(String key, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalStateException(
          PREFIX + "." + key + " " + value + " is not allowed: a positive duration, e.g. 5s");
    }
    return value;
  }

  /** {@code entityflow.privacy.cache.*}: the cache of unwrapped subject keysets. */
  @ConfigurationProperties("cache")
  public static class Cache {
    private long maxSubjects = 10_000;
    private Duration expireAfter = Duration.ofMinutes(10);
    private Duration forgetPollInterval = Duration.ofSeconds(5);

    /** {@code max-subjects} (default 10000): subjects whose keyset stays unwrapped in memory. */
    public long getMaxSubjects() {
      return maxSubjects;
    }

    public void setMaxSubjects(long maxSubjects) {
      this.maxSubjects = maxSubjects;
    }

    /**
     * {@code expire-after} (default 10m): how long a cached keyset is used before it is read again
     * (with the memory store, the only bound on a forgotten key in a cache the forgetter does not
     * know; with jdbc, {@code forget-poll-interval} is).
     */
    public Duration getExpireAfter() {
      return expireAfter;
    }

    public void setExpireAfter(Duration expireAfter) {
      this.expireAfter = expireAfter;
    }

    /**
     * {@code forget-poll-interval} (default 5s): how often the forget audit log is read for
     * subjects another instance forgot (jdbc key store only): a forgotten key is used by another
     * instance for at most this long.
     */
    public Duration getForgetPollInterval() {
      return forgetPollInterval;
    }

    public void setForgetPollInterval(Duration forgetPollInterval) {
      this.forgetPollInterval = forgetPollInterval;
    }
  }

  /**
   * {@code entityflow.privacy.republish.*}: publishing again the {@code SubjectKey} events Pub/Sub
   * never acknowledged ({@link SubjectKeyRepublisher}).
   */
  @ConfigurationProperties("republish")
  public static class Republish {
    /** The largest {@code batch-size}. */
    public static final int MAX_BATCH_SIZE = 10_000;

    private boolean enabled = true;
    private Duration interval = Duration.ofSeconds(30);
    private Duration minAge = Duration.ofMinutes(2);
    private int batchSize = 500;

    /** {@code enabled} (default true): run the republisher every {@code interval}. */
    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** {@code interval} (default 30s): the delay between two runs. */
    public Duration getInterval() {
      return interval;
    }

    public void setInterval(Duration interval) {
      this.interval = interval;
    }

    /**
     * {@code min-age} (default 2m): entries younger than this are left to their first publish
     * (longer than the publisher's default deadline, retry.total-timeout 60s + rpc-timeout 10s).
     */
    public Duration getMinAge() {
      return minAge;
    }

    public void setMinAge(Duration minAge) {
      this.minAge = minAge;
    }

    /** {@code batch-size} (default 500, 1 to 10000): entries read and published at a time. */
    public int getBatchSize() {
      return batchSize;
    }

    public void setBatchSize(int batchSize) {
      this.batchSize = batchSize;
    }

    /**
     * Checks every value.
     *
     * @throws IllegalStateException naming the key, the value and what is allowed
     */
    void check() {
      positive("republish.interval", interval);
      if (minAge == null || minAge.isNegative()) {
        throw new IllegalStateException(
            PREFIX
                + ".republish.min-age "
                + minAge
                + " is not allowed: zero or a positive duration");
      }
      if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
        throw new IllegalStateException(
            PREFIX
                + ".republish.batch-size "
                + batchSize
                + " is not allowed: 1 to "
                + MAX_BATCH_SIZE);
      }
    }
  }
}
