package io.entityflow.consumer.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every {@code entityflow.consumer.*} key with its default; the module README lists them.
 *
 * <pre>{@code
 * entityflow:
 *   consumer:
 *     project-id: acme-prod
 *     retry:
 *       max-attempts: 5
 *       retryable-exceptions: [java.io.IOException]
 *     dedup:
 *       store: jdbc
 * }</pre>
 *
 * <p>The nested groups always exist with their defaults even when none of their keys is set.
 */
@ConfigurationProperties(ConsumerConfiguration.PREFIX)
public class ConsumerConfiguration {
  /** The prefix of every key. */
  public static final String PREFIX = "entityflow.consumer";

  /** Environment variable naming the emulator, {@code host:port}. */
  public static final String EMULATOR_ENV = "PUBSUB_EMULATOR_HOST";

  private boolean enabled = true;
  private String projectId;
  private String emulatorHost;
  private boolean readReplay = false;
  private boolean decryptPii = true;
  private PullMode pull = PullMode.AUTO;
  private int executorThreads = 4;
  private int parallelPullCount = 1;
  private Duration maxAckExtension = Duration.ofMinutes(60);
  private Duration shutdownTimeout = Duration.ofSeconds(30);
  private FlowControl flowControl = new FlowControl();
  private Retry retry = new Retry();
  private DeadLetter deadLetter = new DeadLetter();
  private Dedup dedup = new Dedup();

  /**
   * {@code enabled} (default true): false starts no subscriber at all; handler beans still exist
   * but receive nothing.
   */
  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** {@code project-id} (required): the Google Cloud project of the subscriptions and topics. */
  public String getProjectId() {
    return projectId;
  }

  public void setProjectId(String projectId) {
    this.projectId = projectId;
  }

  /**
   * {@code emulator-host} (default: the {@code PUBSUB_EMULATOR_HOST} environment variable): {@code
   * host:port} of a Pub/Sub emulator. Set = local mode: plaintext, no credentials, and missing
   * topics and subscriptions are created.
   */
  public String getEmulatorHost() {
    return emulatorHost;
  }

  public void setEmulatorHost(String emulatorHost) {
    this.emulatorHost = emulatorHost;
  }

  /**
   * {@code read-replay} (default false): also read each consumer's replay subscription ({@code
   * <topic>_<consumer>_replay}), into the same handler.
   */
  public boolean isReadReplay() {
    return readReplay;
  }

  public void setReadReplay(boolean readReplay) {
    this.readReplay = readReplay;
  }

  /**
   * {@code decrypt-pii} (default true): decrypt the PII fields of events with the service's subject
   * keys (the {@code SubjectKeysets} bean, made when {@code entityflow.privacy.kek-uri} is set).
   * With false, or without keys, handlers get the PII fields cleared and {@code
   * EventMetadata.piiState()} is {@code NOT_DECRYPTED}.
   */
  public boolean isDecryptPii() {
    return decryptPii;
  }

  public void setDecryptPii(boolean decryptPii) {
    this.decryptPii = decryptPii;
  }

  /**
   * {@code pull} (default auto): {@code streaming} (the Java client's streaming pull), {@code
   * synchronous} (unary pulls), or {@code auto}: synchronous on the emulator, streaming otherwise.
   */
  public PullMode getPull() {
    return pull;
  }

  public void setPull(PullMode pull) {
    this.pull = pull;
  }

  /** {@code executor-threads} (default 4): handler threads per subscription. */
  public int getExecutorThreads() {
    return executorThreads;
  }

  public void setExecutorThreads(int executorThreads) {
    this.executorThreads = executorThreads;
  }

  /** {@code parallel-pull-count} (default 1): streaming pulls per subscription. */
  public int getParallelPullCount() {
    return parallelPullCount;
  }

  public void setParallelPullCount(int parallelPullCount) {
    this.parallelPullCount = parallelPullCount;
  }

  /**
   * {@code max-ack-extension} (default 60m): how long the client keeps extending the lease of a
   * message being handled, in-process retries included; must exceed the longest retry sequence.
   */
  public Duration getMaxAckExtension() {
    return maxAckExtension;
  }

  public void setMaxAckExtension(Duration maxAckExtension) {
    this.maxAckExtension = maxAckExtension;
  }

  /**
   * {@code shutdown-timeout} (default 30s): how long context close waits for handlers in flight;
   * events still waiting for a retry are not acknowledged (Pub/Sub redelivers them).
   */
  public Duration getShutdownTimeout() {
    return shutdownTimeout;
  }

  public void setShutdownTimeout(Duration shutdownTimeout) {
    this.shutdownTimeout = shutdownTimeout;
  }

  /** The {@code flow-control.*} group. */
  public FlowControl getFlowControl() {
    return flowControl;
  }

  public void setFlowControl(FlowControl flowControl) {
    this.flowControl = flowControl;
  }

  /** The {@code retry.*} group. */
  public Retry getRetry() {
    return retry;
  }

  public void setRetry(Retry retry) {
    this.retry = retry;
  }

  /** The {@code dead-letter.*} group. */
  public DeadLetter getDeadLetter() {
    return deadLetter;
  }

  public void setDeadLetter(DeadLetter deadLetter) {
    this.deadLetter = deadLetter;
  }

  /** The {@code dedup.*} group. */
  public Dedup getDedup() {
    return dedup;
  }

  public void setDedup(Dedup dedup) {
    this.dedup = dedup;
  }

  /** {@code entityflow.consumer.flow-control.*}: how much a subscriber holds unacknowledged. */
  @ConfigurationProperties("flow-control")
  public static class FlowControl {
    private long maxOutstandingMessages = 1000;
    private long maxOutstandingBytes = 100L * 1024 * 1024;

    /** {@code max-outstanding-messages} (default 1000): per subscription. */
    public long getMaxOutstandingMessages() {
      return maxOutstandingMessages;
    }

    public void setMaxOutstandingMessages(long maxOutstandingMessages) {
      this.maxOutstandingMessages = maxOutstandingMessages;
    }

    /** {@code max-outstanding-bytes} (default 104857600, 100 MiB): per subscription. */
    public long getMaxOutstandingBytes() {
      return maxOutstandingBytes;
    }

    public void setMaxOutstandingBytes(long maxOutstandingBytes) {
      this.maxOutstandingBytes = maxOutstandingBytes;
    }
  }

  /** {@code entityflow.consumer.retry.*}: in-process retries of retryable handler failures. */
  @ConfigurationProperties("retry")
  public static class Retry {
    private int maxAttempts = 5;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private double multiplier = 2.0;
    private Duration maxBackoff = Duration.ofSeconds(60);
    private List<String> retryableExceptions = new ArrayList<>();

    /** {@code max-attempts} (default 5): handler calls per event, the first included. */
    public int getMaxAttempts() {
      return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    /** {@code initial-backoff} (default 1s): wait before the second attempt. */
    public Duration getInitialBackoff() {
      return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    /** {@code multiplier} (default 2.0): each wait is the previous one times this. */
    public double getMultiplier() {
      return multiplier;
    }

    public void setMultiplier(double multiplier) {
      this.multiplier = multiplier;
    }

    /** {@code max-backoff} (default 60s): the longest wait. */
    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }

    /**
     * {@code retryable-exceptions} (default none): class names that are retryable besides {@code
     * RetryableException}; subclasses and causes count.
     */
    public List<String> getRetryableExceptions() {
      return retryableExceptions;
    }

    public void setRetryableExceptions(List<String> retryableExceptions) {
      this.retryableExceptions = retryableExceptions;
    }
  }

  /** {@code entityflow.consumer.dead-letter.*}. */
  @ConfigurationProperties("dead-letter")
  public static class DeadLetter {
    private Duration publishTimeout = Duration.ofSeconds(30);

    /**
     * {@code publish-timeout} (default 30s): how long to wait for Pub/Sub to store a dead letter;
     * after it the original is not acknowledged and comes back.
     */
    public Duration getPublishTimeout() {
      return publishTimeout;
    }

    public void setPublishTimeout(Duration publishTimeout) {
      this.publishTimeout = publishTimeout;
    }
  }

  /** {@code entityflow.consumer.dedup.*}: the store of handled event ids. */
  @ConfigurationProperties("dedup")
  public static class Dedup {
    private DedupStoreKind store = DedupStoreKind.MEMORY;
    private int maxEntries = 100_000;
    private Duration ttl = Duration.ofHours(24);
    private String table = "entityflow_consumer_handled_events";

    /** {@code store} (default memory): {@code memory}, {@code jdbc} or {@code none}. */
    public DedupStoreKind getStore() {
      return store;
    }

    public void setStore(DedupStoreKind store) {
      this.store = store;
    }

    /** {@code max-entries} (default 100000): memory store size, least recently used evicted. */
    public int getMaxEntries() {
      return maxEntries;
    }

    public void setMaxEntries(int maxEntries) {
      this.maxEntries = maxEntries;
    }

    /** {@code ttl} (default 24h): memory store: how long an event id is remembered. */
    public Duration getTtl() {
      return ttl;
    }

    public void setTtl(Duration ttl) {
      this.ttl = ttl;
    }

    /** {@code table} (default entityflow_consumer_handled_events): the jdbc store's table. */
    public String getTable() {
      return table;
    }

    public void setTable(String table) {
      this.table = table;
    }
  }
}
