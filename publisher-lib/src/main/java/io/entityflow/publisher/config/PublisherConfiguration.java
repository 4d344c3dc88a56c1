package io.entityflow.publisher.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * Every {@code entityflow.publisher.*} key with its default; the module README lists them.
 *
 * <pre>{@code
 * entityflow:
 *   publisher:
 *     project-id: acme-prod
 *     create-missing-topics: false
 *     batching:
 *       element-count: 1000
 * }</pre>
 *
 * <p>The nested {@link Batching}, {@link FlowControl} and {@link Retry} groups always exist (with
 * their defaults) even when no key of theirs is set.
 */
@ConfigurationProperties(PublisherConfiguration.PREFIX)
public class PublisherConfiguration {
  /** The prefix of every key. */
  public static final String PREFIX = "entityflow.publisher";

  /** Environment variable naming the emulator, {@code host:port}. */
  public static final String EMULATOR_ENV = "PUBSUB_EMULATOR_HOST";

  private boolean enabled = true;
  private String projectId;
  private String producer;
  private String emulatorHost;
  private boolean messageOrdering = true;
  private boolean createMissingTopics = false;
  private Duration shutdownTimeout = Duration.ofSeconds(30);
  private Batching batching = new Batching();
  private FlowControl flowControl = new FlowControl();
  private Retry retry = new Retry();

  /**
   * {@code enabled} (default true): false replaces the publisher by {@link
   * io.entityflow.publisher.DisabledEntityPublisher}, which validates every event and fails its
   * future naming this key; the service still starts and nothing is dropped silently.
   */
  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** {@code project-id} (required): the Google Cloud project of the topics. */
  public String getProjectId() {
    return projectId;
  }

  public void setProjectId(String projectId) {
    this.projectId = projectId;
  }

  /**
   * {@code producer} (default {@code micronaut.application.name}): the {@code producer} attribute.
   */
  public String getProducer() {
    return producer;
  }

  public void setProducer(String producer) {
    this.producer = producer;
  }

  /**
   * {@code emulator-host} (default: the {@code PUBSUB_EMULATOR_HOST} environment variable): {@code
   * host:port} of a Pub/Sub emulator; when set, a plaintext channel without credentials is used.
   */
  public String getEmulatorHost() {
    return emulatorHost;
  }

  public void setEmulatorHost(String emulatorHost) {
    this.emulatorHost = emulatorHost;
  }

  /** {@code message-ordering} (default true): publish with the contract's ordering key. */
  public boolean isMessageOrdering() {
    return messageOrdering;
  }

  public void setMessageOrdering(boolean messageOrdering) {
    this.messageOrdering = messageOrdering;
  }

  /** {@code create-missing-topics} (default false): create a topic on its first use. */
  public boolean isCreateMissingTopics() {
    return createMissingTopics;
  }

  public void setCreateMissingTopics(boolean createMissingTopics) {
    this.createMissingTopics = createMissingTopics;
  }

  /**
   * {@code shutdown-timeout} (default 30s): how long closing the context waits for outstanding
   * events before failing them.
   */
  public Duration getShutdownTimeout() {
    return shutdownTimeout;
  }

  public void setShutdownTimeout(Duration shutdownTimeout) {
    this.shutdownTimeout = shutdownTimeout;
  }

  /** The {@code batching.*} group. */
  public Batching getBatching() {
    return batching;
  }

  public void setBatching(Batching batching) {
    this.batching = batching;
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

  /**
   * {@code entityflow.publisher.batching.*}: when a batch (one publish request per topic and
   * ordering key) is sent. Defaults measured for ~300-byte events (see BENCHMARKS.md).
   */
  @ConfigurationProperties("batching")
  public static class Batching {
    private long elementCount = 1000;
    private long requestBytes = 1_000_000;
    private Duration delay = Duration.ofMillis(50);

    /** {@code element-count} (default 1000): events per batch, at most 1000 (Pub/Sub's limit). */
    public long getElementCount() {
      return elementCount;
    }

    public void setElementCount(long elementCount) {
      this.elementCount = elementCount;
    }

    /** {@code request-bytes} (default 1000000): bytes per batch, Pub/Sub allows up to 10 MB. */
    public long getRequestBytes() {
      return requestBytes;
    }

    public void setRequestBytes(long requestBytes) {
      this.requestBytes = requestBytes;
    }

    /**
     * {@code delay} (default 50ms): the longest an event waits for its batch to fill. With message
     * ordering the client sends one request per ordering key at a time, so a short delay makes many
     * small per-key batches; 50ms measured faster than 10ms and 25ms (BENCHMARKS.md).
     */
    public Duration getDelay() {
      return delay;
    }

    public void setDelay(Duration delay) {
      this.delay = delay;
    }
  }

  /** {@code entityflow.publisher.flow-control.*}: the bound on memory held by unsent events. */
  @ConfigurationProperties("flow-control")
  public static class FlowControl {
    private long maxOutstandingElements = 50_000;
    private long maxOutstandingBytes = 64L * 1024 * 1024;
    private LimitBehavior limitBehavior = LimitBehavior.BLOCK;

    /** {@code max-outstanding-elements} (default 50000): events published but not yet stored. */
    public long getMaxOutstandingElements() {
      return maxOutstandingElements;
    }

    public void setMaxOutstandingElements(long maxOutstandingElements) {
      this.maxOutstandingElements = maxOutstandingElements;
    }

    /** {@code max-outstanding-bytes} (default 67108864, 64 MiB): their payload bytes. */
    public long getMaxOutstandingBytes() {
      return maxOutstandingBytes;
    }

    public void setMaxOutstandingBytes(long maxOutstandingBytes) {
      this.maxOutstandingBytes = maxOutstandingBytes;
    }

    /** {@code limit-behavior} (default BLOCK): BLOCK waits, FAIL fails the event at once. */
    public LimitBehavior getLimitBehavior() {
      return limitBehavior;
    }

    public void setLimitBehavior(LimitBehavior limitBehavior) {
      this.limitBehavior = limitBehavior;
    }
  }

  /** {@code entityflow.publisher.retry.*}: how long a batch is retried before its events fail. */
  @ConfigurationProperties("retry")
  public static class Retry {
    private Duration totalTimeout = Duration.ofSeconds(60);
    private Duration initialDelay = Duration.ofMillis(100);
    private Duration maxDelay = Duration.ofSeconds(10);
    private Duration rpcTimeout = Duration.ofSeconds(10);

    /**
     * {@code total-timeout} (default 60s, at least 10s): after this, the batch's events fail. With
     * message ordering on, the Pub/Sub client retries without end, so the publisher itself fails
     * every event unanswered after this plus one {@code rpc-timeout} ({@link
     * io.entityflow.publisher.PublishTimeoutException}).
     */
    public Duration getTotalTimeout() {
      return totalTimeout;
    }

    public void setTotalTimeout(Duration totalTimeout) {
      this.totalTimeout = totalTimeout;
    }

    /** {@code initial-delay} (default 100ms): wait before the first retry, doubled each time. */
    public Duration getInitialDelay() {
      return initialDelay;
    }

    public void setInitialDelay(Duration initialDelay) {
      this.initialDelay = initialDelay;
    }

    /** {@code max-delay} (default 10s): the longest wait between retries. */
    public Duration getMaxDelay() {
      return maxDelay;
    }

    public void setMaxDelay(Duration maxDelay) {
      this.maxDelay = maxDelay;
    }

    /** {@code rpc-timeout} (default 10s): the timeout of one publish request. */
    public Duration getRpcTimeout() {
      return rpcTimeout;
    }

    public void setRpcTimeout(Duration rpcTimeout) {
      this.rpcTimeout = rpcTimeout;
    }
  }
}
