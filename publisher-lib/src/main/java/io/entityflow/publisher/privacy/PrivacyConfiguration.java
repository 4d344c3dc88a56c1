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
 * }</pre>
 *
 * <p>The nested {@link Cache} group always exists (with its defaults) even when no key of it is
 * set.
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

  /** {@code entityflow.privacy.cache.*}: the cache of unwrapped subject keysets. */
  @ConfigurationProperties("cache")
  public static class Cache {
    private long maxSubjects = 10_000;
    private Duration expireAfter = Duration.ofMinutes(10);

    /** {@code max-subjects} (default 10000): subjects whose keyset stays unwrapped in memory. */
    public long getMaxSubjects() {
      return maxSubjects;
    }

    public void setMaxSubjects(long maxSubjects) {
      this.maxSubjects = maxSubjects;
    }

    /**
     * {@code expire-after} (default 10m): how long a cached keyset is used before it is read again;
     * bounds how long another instance keeps using a forgotten subject's key.
     */
    public Duration getExpireAfter() {
      return expireAfter;
    }

    public void setExpireAfter(Duration expireAfter) {
      this.expireAfter = expireAfter;
    }
  }
}
