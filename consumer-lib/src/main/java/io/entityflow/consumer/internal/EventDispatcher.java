package io.entityflow.consumer.internal;

import com.google.protobuf.Message;
import com.google.pubsub.v1.PubsubMessage;
import io.entityflow.consumer.DeadLetterKind;
import io.entityflow.consumer.DeliveryOutcome;
import io.entityflow.consumer.DeliveryOutcome.Kind;
import io.entityflow.consumer.EntityEvent;
import io.entityflow.consumer.deadletter.DeadLetterSink;
import io.entityflow.consumer.deadletter.DeadLetters;
import io.entityflow.consumer.dedup.DedupStore;
import io.entityflow.consumer.metrics.ConsumerMetrics;
import io.entityflow.consumer.retry.RetryPolicy;
import io.entityflow.consumer.tracing.ConsumeTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one dispatch of a message to a handler, shared by the Pub/Sub subscribers and the test kit:
 * decode (undecodable → dead letter at once), operation filter, dedup check, handler call with
 * in-process retries and backoff for retryable failures, dead letter for the others, dedup mark
 * after success. The caller acknowledges when {@link DeliveryOutcome#acknowledged()} and nacks
 * otherwise.
 *
 * <pre>{@code
 * DeliveryOutcome outcome = dispatcher.dispatch(message, "sale_v1_loyalty_accrual");
 * if (outcome.acknowledged()) ackReplyConsumer.ack(); else ackReplyConsumer.nack();
 * }</pre>
 *
 * <p>Guarantees: the handler is called on the calling thread, so a caller that runs one ordering
 * key sequentially keeps that order through retries; nothing is reported acknowledgeable that was
 * not handled, skipped as a duplicate or unwanted operation, or stored as a dead letter. With
 * tracing on ({@link ConsumeTracing}) the whole dispatch runs in a consumer span that continues the
 * message's trace; with tracing off no tracing step runs.
 */
public final class EventDispatcher<T extends Message> {
  private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

  private final HandlerBinding<T> binding;
  private final RetryPolicy retryPolicy;
  private final DedupStore dedupStore;
  private final DeadLetterSink deadLetters;
  private final ConsumerMetrics metrics;
  private final Backoff backoff;
  private final PiiReader pii;
  private final ConsumeTracing tracing; // null when off

  /**
   * A dispatcher of {@code binding}'s handler without subject keys (PII fields cleared), not
   * traced.
   */
  public EventDispatcher(
      HandlerBinding<T> binding,
      RetryPolicy retryPolicy,
      DedupStore dedupStore,
      DeadLetterSink deadLetters,
      ConsumerMetrics metrics,
      Backoff backoff) {
    this(
        binding,
        retryPolicy,
        dedupStore,
        deadLetters,
        metrics,
        backoff,
        PiiReader.WITHOUT_KEYS,
        ConsumeTracing.OFF);
  }

  /**
   * A dispatcher of {@code binding}'s handler decrypting PII fields with {@code pii}, traced with
   * {@code tracing}.
   */
  public EventDispatcher(
      HandlerBinding<T> binding,
      RetryPolicy retryPolicy,
      DedupStore dedupStore,
      DeadLetterSink deadLetters,
      ConsumerMetrics metrics,
      Backoff backoff,
      PiiReader pii,
      ConsumeTracing tracing) {
    this.pii = pii;
    this.tracing = tracing.isEnabled() ? tracing : null;
    this.binding = binding;
    this.retryPolicy = retryPolicy;
    this.dedupStore = dedupStore;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
    this.backoff = backoff;
  }

  /** The handler binding. */
  public HandlerBinding<T> binding() {
    return binding;
  }

  /** Dispatches one message read from {@code subscription}. */
  public DeliveryOutcome dispatch(PubsubMessage message, String subscription) {
    if (tracing == null) {
      return dispatchUntraced(message, subscription);
    }
    Span span = tracing.start(message, binding.topic(), subscription, binding.name());
    DeliveryOutcome outcome;
    try (Scope ignored = span.makeCurrent()) {
      outcome = dispatchUntraced(message, subscription);
    } catch (RuntimeException | Error e) {
      ConsumeTracing.failed(span, e);
      throw e;
    }
    ConsumeTracing.end(span, outcome);
    return outcome;
  }

  private DeliveryOutcome dispatchUntraced(PubsubMessage message, String subscription) {
    EntityEvent<T> event;
    try {
      event = EventDecoder.decode(binding, message, subscription, pii);
    } catch (UndecodableEventException e) {
      return deadLetter(
          message,
          subscription,
          eventIdOf(message),
          DeadLetterKind.UNDECODABLE,
          e.getMessage(),
          0,
          List.of(),
          e.exceptionClass());
    }
    String eventId = event.eventId();
    if (!binding.operations().contains(event.operation())) {
      metrics.skipped(binding.name(), binding.topic());
      return new DeliveryOutcome(Kind.SKIPPED, eventId, 0, List.of(), null, null, null);
    }
    try {
      if (dedupStore.isHandled(binding.name(), eventId)) {
        metrics.duplicate(binding.name(), binding.topic());
        return new DeliveryOutcome(Kind.DUPLICATE, eventId, 0, List.of(), null, null, null);
      }
    } catch (RuntimeException e) {
      LOG.warn("consumer {}: dedup store cannot answer for event {}", binding.name(), eventId, e);
      return notAcked(eventId, 0, List.of(), "dedup store failed: " + e.getMessage());
    }
    List<Duration> backoffs = new ArrayList<>();
    int attempt = 0;
    while (true) {
      attempt++;
      long start = System.nanoTime();
      try {
        binding
            .handler()
            .handle(
                attempt == 1
                    ? event
                    : new EntityEvent<>(event.entity(), event.metadata().withAttempt(attempt)));
        metrics.latency(
            binding.name(), binding.topic(), Duration.ofNanos(System.nanoTime() - start), true);
        break;
      } catch (Exception e) {
        metrics.latency(
            binding.name(), binding.topic(), Duration.ofNanos(System.nanoTime() - start), false);
        if (tracing != null) {
          Span.current().recordException(e);
        }
        String reason = "handler threw " + e.getClass().getName() + ": " + e.getMessage();
        if (!retryPolicy.isRetryable(e)) {
          return deadLetter(
              message,
              subscription,
              eventId,
              DeadLetterKind.NON_RETRYABLE,
              reason,
              attempt,
              backoffs,
              e.getClass().getName());
        }
        if (attempt >= retryPolicy.maxAttempts()) {
          return deadLetter(
              message,
              subscription,
              eventId,
              DeadLetterKind.RETRIES_EXHAUSTED,
              reason + " (attempt " + attempt + " of " + retryPolicy.maxAttempts() + ")",
              attempt,
              backoffs,
              e.getClass().getName());
        }
        Duration wait = retryPolicy.backoff(attempt);
        backoffs.add(wait);
        metrics.retried(binding.name(), binding.topic());
        if (backoff.stopped() || !backoff.await(wait)) {
          return notAcked(
              eventId, attempt, backoffs, "shutdown began while waiting to retry; " + reason);
        }
      }
    }
    metrics.handled(binding.name(), binding.topic());
    try {
      dedupStore.markHandled(binding.name(), eventId);
    } catch (RuntimeException e) {
      LOG.warn(
          "consumer {}: event {} handled but not marked in the dedup store; a redelivery would"
              + " handle it again",
          binding.name(),
          eventId,
          e);
    }
    return new DeliveryOutcome(Kind.HANDLED, eventId, attempt, backoffs, null, null, null);
  }

  private DeliveryOutcome deadLetter(
      PubsubMessage message,
      String subscription,
      String eventId,
      DeadLetterKind kind,
      String reason,
      int attempts,
      List<Duration> backoffs,
      String exceptionClass) {
    PubsubMessage deadLetter =
        DeadLetters.of(
            message, kind, reason, binding.name(), subscription, attempts, exceptionClass);
    try {
      deadLetters.deadLetter(binding.resources(), deadLetter);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.warn(
          "consumer {}: dead letter of event {} not stored in {}; left for redelivery",
          binding.name(),
          eventId,
          binding.resources().deadLetterTopic(),
          e);
      return notAcked(
          eventId,
          attempts,
          backoffs,
          "dead letter not stored in " + binding.resources().deadLetterTopic() + ": " + e);
    }
    LOG.info(
        "consumer {}: event {} dead-lettered to {} ({}): {}",
        binding.name(),
        eventId,
        binding.resources().deadLetterTopic(),
        kind,
        reason);
    metrics.deadLettered(binding.name(), binding.topic(), kind);
    return new DeliveryOutcome(
        Kind.DEAD_LETTERED, eventId, attempts, backoffs, kind, reason, deadLetter);
  }

  private DeliveryOutcome notAcked(
      String eventId, int attempts, List<Duration> backoffs, String reason) {
    metrics.notAcked(binding.name(), binding.topic());
    return new DeliveryOutcome(Kind.NOT_ACKED, eventId, attempts, backoffs, null, reason, null);
  }

  private static String eventIdOf(PubsubMessage message) {
    String id = message.getAttributesMap().get(io.entityflow.contract.EventAttributes.EVENT_ID);
    return id == null || id.isEmpty() ? null : id;
  }
}
