package io.entityflow.outbox.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * Every {@code entityflow.outbox.*} key with its default; the module README lists them.
 *
 * <pre>{@code
 * entityflow:
 *   outbox:
 *     datasource: default
 *     relay:
 *       enabled: true
 *       batch-size: 2000
 * }</pre>
 *
 * <p>The nested {@link Relay} and {@link Health} groups always exist with their defaults. {@link
 * #validate()} names the key, the value and what is allowed.
 */
@ConfigurationProperties(OutboxConfiguration.PREFIX)
public class OutboxConfiguration {
  /** The prefix of every key. */
  public static final String PREFIX = "entityflow.outbox";

  private boolean enabled = true;
  private String datasource = "default";
  private boolean migrate = true;
  private Duration metricsInterval = Duration.ofSeconds(5);
  private Relay relay = new Relay();
  private Health health = new Health();

  /** {@code enabled} (default true): false creates no outbox bean at all (nor relay). */
  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** {@code datasource} (default {@code default}): the name of the JDBC DataSource bean. */
  public String getDatasource() {
    return datasource;
  }

  public void setDatasource(String datasource) {
    this.datasource = datasource;
  }

  /**
   * {@code migrate} (default true): create or upgrade the outbox table at startup with the shipped
   * Flyway migration (history table {@code entityflow_outbox_schema_history}).
   */
  public boolean isMigrate() {
    return migrate;
  }

  public void setMigrate(boolean migrate) {
    this.migrate = migrate;
  }

  /** {@code metrics-interval} (default 5s): how often depth and oldest age are read. */
  public Duration getMetricsInterval() {
    return metricsInterval;
  }

  public void setMetricsInterval(Duration metricsInterval) {
    this.metricsInterval = metricsInterval;
  }

  /** The {@code relay.*} group. */
  public Relay getRelay() {
    return relay;
  }

  public void setRelay(Relay relay) {
    this.relay = relay;
  }

  /** The {@code health.*} group. */
  public Health getHealth() {
    return health;
  }

  public void setHealth(Health health) {
    this.health = health;
  }

  /**
   * Checks every value.
   *
   * @throws IllegalArgumentException naming the key, the value and what is allowed
   */
  public void validate() {
    if (datasource == null || datasource.isBlank()) {
      throw new IllegalArgumentException(
          PREFIX + ".datasource is empty; name a DataSource bean, e.g. default");
    }
    positive("metrics-interval", metricsInterval);
    range("relay.workers", relay.workers, 1, 64);
    range("relay.batch-size", relay.batchSize, 1, 10_000);
    range("relay.keys-per-batch", relay.keysPerBatch, 1, 10_000);
    positive("relay.poll-interval", relay.pollInterval);
    positive("relay.initial-backoff", relay.initialBackoff);
    positive("relay.max-backoff", relay.maxBackoff);
    positive("relay.shutdown-timeout", relay.shutdownTimeout);
    if (relay.maxBackoff.compareTo(relay.initialBackoff) < 0) {
      throw new IllegalArgumentException(
          PREFIX
              + ".relay.max-backoff="
              + relay.maxBackoff
              + " is shorter than relay.initial-backoff="
              + relay.initialBackoff
              + "; it must be at least as long");
    }
    positive("health.max-age", health.maxAge);
  }

  private static void positive(String key, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          PREFIX + "." + key + "=" + value + " is not allowed; it must be a positive duration");
    }
  }

  private static void range(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          PREFIX + "." + key + "=" + value + " is not allowed; it must be " + min + ".." + max);
    }
  }

  /** {@code entityflow.outbox.relay.*}: the process that publishes the stored events. */
  @ConfigurationProperties("relay")
  public static class Relay {
    private boolean enabled = true;
    private int workers = 2;
    private int batchSize = 2000;
    private int keysPerBatch = 16;
    private boolean listen = true;
    private Duration pollInterval = Duration.ofSeconds(1);
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofMinutes(5);
    private int lockClass = 0x0E0F;
    private Duration shutdownTimeout = Duration.ofSeconds(30);

    /** {@code enabled} (default true): false records events but never publishes them here. */
    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** {@code workers} (default 2): relay threads, each with its own connection, 1..64. */
    public int getWorkers() {
      return workers;
    }

    public void setWorkers(int workers) {
      this.workers = workers;
    }

    /** {@code batch-size} (default 2000): rows one worker publishes per transaction, 1..10000. */
    public int getBatchSize() {
      return batchSize;
    }

    public void setBatchSize(int batchSize) {
      this.batchSize = batchSize;
    }

    /**
     * {@code keys-per-batch} (default 16): ordering keys one worker claims per transaction, so
     * several workers and instances share the keys.
     */
    public int getKeysPerBatch() {
      return keysPerBatch;
    }

    public void setKeysPerBatch(int keysPerBatch) {
      this.keysPerBatch = keysPerBatch;
    }

    /** {@code listen} (default true): wake up on PostgreSQL NOTIFY instead of only polling. */
    public boolean isListen() {
      return listen;
    }

    public void setListen(boolean listen) {
      this.listen = listen;
    }

    /** {@code poll-interval} (default 1s): how often an idle worker looks anyway. */
    public Duration getPollInterval() {
      return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
      this.pollInterval = pollInterval;
    }

    /** {@code initial-backoff} (default 1s): wait before retrying a failed row, doubled per try. */
    public Duration getInitialBackoff() {
      return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    /** {@code max-backoff} (default 5m): the longest wait between retries of a row. */
    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }

    /**
     * {@code lock-class} (default 3599): the first key of the two-key PostgreSQL advisory locks the
     * relay takes per ordering key; change it if the service uses the same class itself.
     */
    public int getLockClass() {
      return lockClass;
    }

    public void setLockClass(int lockClass) {
      this.lockClass = lockClass;
    }

    /** {@code shutdown-timeout} (default 30s): how long stopping waits for a running batch. */
    public Duration getShutdownTimeout() {
      return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
      this.shutdownTimeout = shutdownTimeout;
    }
  }

  /** {@code entityflow.outbox.health.*}: when the health indicator turns DOWN. */
  @ConfigurationProperties("health")
  public static class Health {
    private Duration maxAge = Duration.ofMinutes(5);

    /** {@code max-age} (default 5m): DOWN while the oldest waiting row is older than this. */
    public Duration getMaxAge() {
      return maxAge;
    }

    public void setMaxAge(Duration maxAge) {
      this.maxAge = maxAge;
    }
  }
}
