package io.entityflow.publisher;

import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutures;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.pubsub.v1.PubsubMessage;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.publisher.config.PublisherConfiguration;
import io.entityflow.publisher.connection.PubSubConnection;
import io.entityflow.publisher.internal.DeliveryDeadline;
import io.entityflow.publisher.internal.EntityRoute;
import io.entityflow.publisher.internal.EventMessages;
import io.entityflow.publisher.internal.OutstandingEvents;
import io.entityflow.publisher.internal.PendingEvent;
import io.entityflow.publisher.internal.TopicPublishers;
import io.entityflow.publisher.metrics.PublisherMetrics;
import io.entityflow.publisher.metrics.TopicMetrics;
import io.entityflow.publisher.privacy.PayloadEncryption;
import io.entityflow.publisher.tracing.PublishTracing;
import io.entityflow.publisher.validation.EventValidator;
import io.entityflow.publisher.validation.ValidatedEvent;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.opentelemetry.api.trace.Span;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link EntityPublisher} bean: validates each event, encodes it as the contract's message,
 * publishes it with the topic's cached client {@link Publisher} and completes its future exactly
 * once. Replace it with {@code @Replaces(EntityPublisher.class)}; {@code
 * entityflow.publisher.enabled=false} swaps it for the {@link DisabledEntityPublisher}; {@code
 * entityflow.publisher.recording=true} swaps it for the {@link
 * io.entityflow.publisher.testing.RecordingEntityPublisher}.
 *
 * <pre>{@code
 * try (ApplicationContext context = ApplicationContext.run(Map.of(
 *     "entityflow.publisher.project-id", "acme-prod", "micronaut.application.name", "checkout"))) {
 *   context.getBean(EntityPublisher.class).publish(sale, Operation.CREATED).join();
 * }
 * }</pre>
 *
 * <p>Events of an entity with PII are published in its encrypted form with the {@code
 * pii_encryption} attribute (see {@link PayloadEncryption}).
 *
 * <p>Guarantees: with message ordering on, events of one ordering key are stored in publish order.
 * When an event of a key fails, the client pauses the key and fails the events of that key already
 * queued behind it (each of their futures fails); the first event of that key published after the
 * failure resumes the key and goes through, as do all later ones. So the delivered events of a key
 * keep their publish order, and a failure shows up as a gap the callers were told about. On {@link
 * #close()} (context shutdown) new publishes are refused, batched events are flushed, and after
 * {@code shutdown-timeout} every event still unanswered fails with {@link PublisherClosedException}
 * as cause. An event Pub/Sub has not answered within {@code retry.total-timeout} plus one {@code
 * rpc-timeout} fails with {@link PublishTimeoutException} as cause (with ordering on the client
 * itself would retry it without end).
 *
 * <p>Tracing: with an OpenTelemetry configured ({@link PublishTracing}), each event gets a producer
 * span, child of the caller's current span, ended when Pub/Sub answers (failures recorded on it),
 * and the message carries its W3C {@code traceparent} attribute. Without one, or with {@code
 * entityflow.publisher.tracing.enabled=false}, no tracing step runs.
 */
@Singleton
@Requires(property = PublisherConfiguration.PREFIX + ".enabled", notEquals = "false")
@Requires(property = PublisherConfiguration.PREFIX + ".recording", notEquals = "true")
public class DefaultEntityPublisher implements EntityPublisher, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultEntityPublisher.class);

  private final PublisherConfiguration configuration;
  private final EventValidator validator;
  private final PublisherMetrics metrics;
  private final PubSubConnection connection;
  private final TopicPublishers publishers;
  private final String producer;
  private final boolean ordering;
  private final OutstandingEvents<PendingEvent> pending = new OutstandingEvents<>();
  private final DeliveryDeadline<PendingEvent> deadline;
  private final Duration answerTimeout;
  private final Map<EntityDefinition, Route> routes = new ConcurrentHashMap<>();
  private volatile PayloadEncryption payloads = PayloadEncryption.refusingPii();
  private final PublishTracing tracing; // null when off: the publish path skips every step
  private volatile boolean closed;

  /**
   * Creates the publisher without tracing.
   *
   * @param applicationName {@code micronaut.application.name}, the default producer
   * @throws IllegalStateException when the project id or the producer is missing
   */
  public DefaultEntityPublisher(
      PublisherConfiguration configuration,
      EntityRegistry registry,
      PublisherMetrics metrics,
      String applicationName) {
    this(configuration, registry, metrics, applicationName, PublishTracing.OFF);
  }

  /**
   * Creates the publisher.
   *
   * @param applicationName {@code micronaut.application.name}, the default producer
   * @param tracing the publish tracing, {@link PublishTracing#OFF} for none
   * @throws IllegalStateException when the project id or the producer is missing
   */
  @Inject
  public DefaultEntityPublisher(
      PublisherConfiguration configuration,
      EntityRegistry registry,
      PublisherMetrics metrics,
      @Value("${micronaut.application.name:}") String applicationName,
      PublishTracing tracing) {
    this.configuration = configuration;
    this.tracing = tracing.isEnabled() ? tracing : null;
    this.validator = new EventValidator(registry);
    this.metrics = metrics;
    this.producer = resolveProducer(configuration, applicationName);
    if (configuration.getProjectId() == null || configuration.getProjectId().isBlank()) {
      throw new IllegalStateException(
          PublisherConfiguration.PREFIX
              + ".project-id is not set; set it to the Google Cloud project of the topics");
    }
    String emulator = configuration.getEmulatorHost();
    this.connection =
        PubSubConnection.to(
            emulator != null ? emulator : System.getenv(PublisherConfiguration.EMULATOR_ENV));
    this.publishers = new TopicPublishers(configuration, connection);
    this.ordering = configuration.isMessageOrdering();
    // the client's own total timeout ends first when ordering is off (its error is the cause);
    // with ordering on the client retries without end and this deadline fails the event
    this.answerTimeout =
        configuration.getRetry().getTotalTimeout().plus(configuration.getRetry().getRpcTimeout());
    this.deadline =
        DeliveryDeadline.start(
            pending,
            answerTimeout,
            PendingEvent::startNanos,
            this::expire,
            staleAfter(configuration),
            publishers::flush);
  }

  /**
   * Sets the step that makes each payload (encrypting the PII fields); the bean's is injected.
   * Without it events of entities with PII are refused.
   */
  @Inject
  public void usePayloadEncryption(PayloadEncryption payloadEncryption) {
    this.payloads = payloadEncryption;
  }

  /** When an unanswered event counts as stuck in a batch: ten batch delays, at least 1 s. */
  private static Duration staleAfter(PublisherConfiguration configuration) {
    Duration tenDelays = configuration.getBatching().getDelay().multipliedBy(10);
    return tenDelays.compareTo(Duration.ofSeconds(1)) > 0 ? tenDelays : Duration.ofSeconds(1);
  }

  private void expire(PendingEvent event) {
    event.fail(
        new PublishTimeoutException(
            "Pub/Sub did not answer within "
                + answerTimeout
                + " ("
                + PublisherConfiguration.PREFIX
                + ".retry.total-timeout="
                + configuration.getRetry().getTotalTimeout()
                + " plus one rpc-timeout); the event may still be stored later by the client's"
                + " retries, so publish it again with the same event id"));
  }

  private static String resolveProducer(PublisherConfiguration configuration, String appName) {
    String producer = configuration.getProducer();
    if (producer == null || producer.isBlank()) {
      producer = appName;
    }
    if (producer == null || producer.isBlank()) {
      throw new IllegalStateException(
          PublisherConfiguration.PREFIX
              + ".producer is not set and micronaut.application.name is empty; set one of them:"
              + " it becomes the 'producer' attribute of every event");
    }
    return producer;
  }

  @Override
  public CompletableFuture<PublishReceipt> publish(PublishRequest request) {
    refuseWhenClosed(request);
    ValidatedEvent valid = validator.validate(request);
    return send(valid, request);
  }

  @Override
  public List<CompletableFuture<PublishReceipt>> publishAll(List<PublishRequest> requests) {
    List<ValidatedEvent> entities = new ArrayList<>(requests.size());
    for (PublishRequest request : requests) {
      refuseWhenClosed(request);
      entities.add(validator.validate(request));
    }
    List<CompletableFuture<PublishReceipt>> futures = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      futures.add(send(entities.get(i), requests.get(i)));
    }
    return futures;
  }

  /** Whether shutdown has started. */
  public boolean isClosed() {
    return closed;
  }

  /** The producer name every event carries. */
  public String producer() {
    return producer;
  }

  /** Whether this publisher talks to an emulator. */
  public boolean usesEmulator() {
    return connection.emulator();
  }

  private void refuseWhenClosed(PublishRequest request) {
    if (closed) {
      String type =
          request.entity() == null
              ? "an"
              : "a " + request.entity().getDescriptorForType().getName();
      throw new PublisherClosedException(
          "the entity publisher is shut down (application shutdown started); "
              + type
              + " event was refused and not published");
    }
  }

  private CompletableFuture<PublishReceipt> send(ValidatedEvent valid, PublishRequest request) {
    Route route = routes.computeIfAbsent(valid.entity(), this::route);
    String eventId = request.eventId() != null ? request.eventId() : UUID.randomUUID().toString();
    Instant occurredAt = request.occurredAt() != null ? request.occurredAt() : Instant.now();
    PubsubMessage message =
        EventMessages.encode(
            payloads,
            request.entity(),
            route.entity,
            request.operation(),
            eventId,
            occurredAt,
            producer,
            request.attributes(),
            ordering ? route.entity.orderingKey(valid.id()) : null);
    return send(message, eventId, route.entity.topic(), route.metrics, true);
  }

  @Override
  public CompletableFuture<PublishReceipt> publishEncoded(EncodedEvent event) {
    refuseWhenClosed(event);
    return send(
        event.toMessage(ordering), event.eventId(), event.topic(), topicMetrics(event), true);
  }

  @Override
  public List<CompletableFuture<PublishReceipt>> publishAllEncoded(List<EncodedEvent> events) {
    List<CompletableFuture<PublishReceipt>> futures = new ArrayList<>(events.size());
    Set<String> keysSeen = new HashSet<>();
    Set<String> topics = new HashSet<>();
    for (EncodedEvent event : events) {
      refuseWhenClosed(event);
      // a key paused by an earlier event of this call stays paused for the rest of the call
      boolean firstOfKey = keysSeen.add(event.topic() + '\n' + event.orderingKey());
      topics.add(event.topic());
      futures.add(
          send(
              event.toMessage(ordering),
              event.eventId(),
              event.topic(),
              topicMetrics(event),
              firstOfKey));
    }
    publishers.flush(topics);
    return futures;
  }

  private TopicMetrics topicMetrics(EncodedEvent event) {
    return metrics.forTopic(event.topic());
  }

  private void refuseWhenClosed(EncodedEvent event) {
    if (closed) {
      throw new PublisherClosedException(
          "the entity publisher is shut down (application shutdown started); "
              + event
              + " was refused and not published");
    }
  }

  private CompletableFuture<PublishReceipt> send(
      PubsubMessage message,
      String eventId,
      String topic,
      TopicMetrics topicMetrics,
      boolean mayResume) {
    Span span = null;
    if (tracing != null) {
      span = tracing.start(topic, eventId, message);
      message = tracing.inject(span, message);
    }
    PendingEvent event = new PendingEvent(eventId, topic, topicMetrics, span);
    pending.add(event);
    topicMetrics.started();
    ApiFuture<String> sent;
    try {
      Publisher publisher = publishers.forTopic(topic);
      sent = publisher.publish(message);
      if (mayResume && !message.getOrderingKey().isEmpty() && refusedForPausedKey(sent)) {
        // an earlier event of this key failed and the client paused the key: this event was
        // published after that failure, so it resumes the key and goes through
        publisher.resumePublish(message.getOrderingKey());
        sent = publisher.publish(message);
      }
      ApiFutures.addCallback(sent, event, MoreExecutors.directExecutor());
    } catch (RuntimeException e) {
      event.fail(e);
    }
    return event;
  }

  private Route route(EntityDefinition entity) {
    EntityRoute entityRoute = EntityRoute.of(entity);
    return new Route(entityRoute, metrics.forTopic(entityRoute.topic()));
  }

  /** Per-entity values computed once. */
  private record Route(EntityRoute entity, TopicMetrics metrics) {}

  private static boolean refusedForPausedKey(ApiFuture<String> sent) {
    if (!sent.isDone()) {
      return false;
    }
    try {
      sent.get();
      return false;
    } catch (ExecutionException e) {
      return e.getCause() instanceof CancellationException;
    } catch (CancellationException e) {
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Refuses new events, flushes, waits up to {@code shutdown-timeout} and fails every event still
   * unanswered. Called when the application context closes.
   */
  @PreDestroy
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    deadline.close();
    boolean finished;
    try {
      finished = publishers.shutdown(configuration.getShutdownTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      finished = false;
    }
    List<PendingEvent> abandoned = pending.open();
    if (!finished || !abandoned.isEmpty()) {
      LOG.error(
          "entity publisher shut down with {} events not delivered within {}; their futures fail",
          abandoned.size(),
          configuration.getShutdownTimeout());
    }
    for (PendingEvent event : abandoned) {
      event.fail(
          new PublisherClosedException(
              "not delivered within the shutdown timeout ("
                  + PublisherConfiguration.PREFIX
                  + ".shutdown-timeout="
                  + configuration.getShutdownTimeout()
                  + ")"));
    }
    connection.close();
  }
}
