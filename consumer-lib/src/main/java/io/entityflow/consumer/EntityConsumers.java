package io.entityflow.consumer;

import com.google.protobuf.Message;
import io.entityflow.consumer.config.ConsumerConfiguration;
import io.entityflow.consumer.config.PullMode;
import io.entityflow.consumer.deadletter.DeadLetterSink;
import io.entityflow.consumer.dedup.DedupStore;
import io.entityflow.consumer.internal.Backoff;
import io.entityflow.consumer.internal.EventDispatcher;
import io.entityflow.consumer.internal.HandlerBinding;
import io.entityflow.consumer.internal.PiiReader;
import io.entityflow.consumer.internal.ResourceSetup;
import io.entityflow.consumer.internal.SubscriptionReader;
import io.entityflow.consumer.internal.SubscriptionRunner;
import io.entityflow.consumer.internal.SynchronousPullRunner;
import io.entityflow.consumer.metrics.ConsumerMetrics;
import io.entityflow.consumer.retry.RetryPolicy;
import io.entityflow.consumer.tracing.ConsumeTracing;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.privacy.keys.SubjectKeysets;
import io.entityflow.publisher.connection.PubSubConnection;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every {@link EntityHandler} bean: created eagerly with the context, it binds each handler to
 * the contract, prepares its resources (creates them in local mode, checks the subscription
 * otherwise) and starts one subscriber on its subscription (and on its replay subscription with
 * {@code read-replay}). Closing the context stops them gracefully.
 *
 * <pre>{@code
 * try (ApplicationContext context = ApplicationContext.run()) {   // handlers start consuming
 *   context.getBean(EntityConsumers.class).subscriptions();         // ["sale_v1_loyalty_accrual"]
 * }                                                               // graceful stop
 * }</pre>
 *
 * <p>Start-up fails, naming the handler and the value, when a handler's entity is not in the
 * contract, its name is not allowed, two handlers of one entity share a name, {@code project-id} is
 * missing, or (outside local mode) a subscription is missing ({@link
 * MissingSubscriptionException}).
 *
 * <p>Shutdown: new messages are nacked at once, events waiting for a retry stop waiting and are
 * nacked, running handlers get up to {@code shutdown-timeout} to finish (their events are then
 * acknowledged); handlers still running after it are interrupted and their events not acknowledged.
 * Nothing is acknowledged that was not handled, skipped or dead-lettered.
 */
@Context
@Requires(property = ConsumerConfiguration.PREFIX + ".enabled", notEquals = "false")
public class EntityConsumers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EntityConsumers.class);

  private final List<EntityHandler<?>> handlers;
  private final ConsumerConfiguration config;
  private final EntityRegistry registry;
  private final RetryPolicy retryPolicy;
  private final DedupStore dedupStore;
  private final DeadLetterSink deadLetterSink;
  private final ConsumerMetrics metrics;
  private final PubSubConnection connection;
  private final ConsumeTracing tracing;
  private final Backoff.Stoppable backoff = Backoff.stoppable();
  private final List<SubscriptionReader> runners = new ArrayList<>();
  private PiiReader pii = PiiReader.WITHOUT_KEYS;
  private boolean closed;

  /** The consumers of {@code handlers}; {@code registry} null means {@link EntityRegistry#load}. */
  public EntityConsumers(
      List<EntityHandler<?>> handlers,
      ConsumerConfiguration config,
      @Nullable EntityRegistry registry,
      RetryPolicy retryPolicy,
      DedupStore dedupStore,
      DeadLetterSink deadLetterSink,
      ConsumerMetrics metrics,
      PubSubConnection connection,
      ConsumeTracing tracing) {
    this.handlers = List.copyOf(handlers);
    this.tracing = tracing;
    this.config = config;
    this.registry = registry != null ? registry : EntityRegistry.load();
    this.retryPolicy = retryPolicy;
    this.dedupStore = dedupStore;
    this.deadLetterSink = deadLetterSink;
    this.metrics = metrics;
    this.connection = connection;
  }

  /**
   * Decrypts PII fields with the service's subject keys when {@code decrypt-pii} is on and a {@link
   * SubjectKeysets} bean exists; otherwise handlers get them cleared.
   */
  @Inject
  public void usePiiKeys(BeanProvider<SubjectKeysets> keysets) {
    this.pii =
        config.isDecryptPii()
            ? keysets.find(null).map(PiiReader::with).orElse(PiiReader.WITHOUT_KEYS)
            : PiiReader.WITHOUT_KEYS;
  }

  /** Binds every handler and starts its subscribers. */
  @PostConstruct
  public synchronized void start() {
    if (handlers.isEmpty()) {
      LOG.info("no EntityHandler beans: no consumer started");
      return;
    }
    String projectId = config.getProjectId();
    if (projectId == null || projectId.isBlank()) {
      throw new IllegalStateException(
          ConsumerConfiguration.PREFIX
              + ".project-id is not set; allowed: the Google Cloud project of the"
              + " subscriptions (any id of at least 6 characters on the emulator)");
    }
    List<HandlerBinding<?>> bindings = new ArrayList<>();
    Set<String> subscriptions = new HashSet<>();
    for (EntityHandler<?> handler : handlers) {
      HandlerBinding<?> binding = bind(handler);
      if (!subscriptions.add(binding.resources().subscription())) {
        throw new IllegalStateException(
            "two EntityHandler beans consume "
                + binding.entity().name()
                + " as '"
                + binding.name()
                + "' (subscription "
                + binding.resources().subscription()
                + "); allowed: one handler per entity and consumer name");
      }
      bindings.add(binding);
    }
    try {
      for (HandlerBinding<?> binding : bindings) {
        ResourceSetup.prepare(
            connection,
            projectId,
            binding.resources(),
            config.isReadReplay(),
            connection.emulator());
        EventDispatcher<?> dispatcher = dispatcher(binding);
        runners.add(reader(projectId, binding.resources().subscription(), dispatcher));
        if (config.isReadReplay()) {
          runners.add(reader(projectId, binding.resources().replaySubscription(), dispatcher));
        }
      }
      for (SubscriptionReader runner : runners) {
        runner.start();
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The short names of the subscriptions being read, in start order. */
  public synchronized List<String> subscriptions() {
    return runners.stream().map(SubscriptionReader::subscription).toList();
  }

  /** Stops every subscriber gracefully (see the class comment); idempotent. */
  @PreDestroy
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    runners.forEach(SubscriptionReader::refuseNew);
    backoff.stop();
    long deadline = System.nanoTime() + config.getShutdownTimeout().toNanos();
    int abandoned = 0;
    for (SubscriptionReader runner : runners) {
      abandoned +=
          runner.stop(java.time.Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
    if (abandoned > 0) {
      LOG.warn("{} handler call(s) did not finish within the shutdown timeout", abandoned);
    }
  }

  private SubscriptionReader reader(
      String projectId, String subscription, EventDispatcher<?> dispatcher) {
    boolean synchronous =
        config.getPull() == PullMode.SYNCHRONOUS
            || (config.getPull() == PullMode.AUTO && connection.emulator());
    return synchronous
        ? new SynchronousPullRunner(connection, config, projectId, subscription, dispatcher)
        : new SubscriptionRunner(connection, config, projectId, subscription, dispatcher);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private HandlerBinding<?> bind(EntityHandler<?> handler) {
    return HandlerBinding.of((EntityHandler) handler, registry);
  }

  private <T extends Message> EventDispatcher<T> dispatcher(HandlerBinding<T> binding) {
    return new EventDispatcher<>(
        binding, retryPolicy, dedupStore, deadLetterSink, metrics, backoff, pii, tracing);
  }
}
