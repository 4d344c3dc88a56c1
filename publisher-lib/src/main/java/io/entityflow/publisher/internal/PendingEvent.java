package io.entityflow.publisher.internal;

import com.google.api.core.ApiFutureCallback;
import io.entityflow.publisher.PublishFailedException;
import io.entityflow.publisher.PublishReceipt;
import io.entityflow.publisher.metrics.TopicMetrics;
import io.entityflow.publisher.tracing.PublishTracing;
import io.opentelemetry.api.trace.Span;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * One event between the publish call and its outcome: the future handed to the caller and the
 * callback of the client's future in one object, so the publish path allocates one object per event
 * for both.
 *
 * <pre>{@code
 * PendingEvent event = new PendingEvent(eventId, "sale_v1", topicMetrics);
 * ApiFutures.addCallback(publisher.publish(message), event, MoreExecutors.directExecutor());
 * return event; // completes with a PublishReceipt or fails with PublishFailedException
 * }</pre>
 *
 * <p>Completes exactly once: the first of success, failure, timeout or shutdown wins, and only that
 * outcome is counted in the topic's metrics and ends the event's producer span (when tracing is
 * on).
 */
public final class PendingEvent extends CompletableFuture<PublishReceipt>
    implements ApiFutureCallback<String> {
  private final String eventId;
  private final String topic;
  private final TopicMetrics topicMetrics;
  private final Span span;
  private final long startNanos = System.nanoTime();

  private static final AtomicIntegerFieldUpdater<PendingEvent> SETTLED =
      AtomicIntegerFieldUpdater.newUpdater(PendingEvent.class, "settled");
  private volatile int settled;

  /** An event of {@code topic} accepted now, not traced. */
  public PendingEvent(String eventId, String topic, TopicMetrics topicMetrics) {
    this(eventId, topic, topicMetrics, null);
  }

  /** An event of {@code topic} accepted now whose outcome ends {@code span} (null: not traced). */
  public PendingEvent(String eventId, String topic, TopicMetrics topicMetrics, Span span) {
    this.eventId = eventId;
    this.topic = topic;
    this.topicMetrics = topicMetrics;
    this.span = span;
  }

  /** {@link System#nanoTime()} when the event was accepted. */
  public long startNanos() {
    return startNanos;
  }

  @Override
  public void onSuccess(String messageId) {
    if (SETTLED.compareAndSet(this, 0, 1)) {
      topicMetrics.succeeded(System.nanoTime() - startNanos);
      if (span != null) {
        PublishTracing.succeeded(span, messageId);
      }
      complete(new PublishReceipt(eventId, messageId, topic));
    }
  }

  @Override
  public void onFailure(Throwable cause) {
    fail(cause);
  }

  /** Fails the event with {@link PublishFailedException} wrapping {@code cause}, once. */
  public void fail(Throwable cause) {
    if (SETTLED.compareAndSet(this, 0, 1)) {
      topicMetrics.failed(System.nanoTime() - startNanos, cause);
      if (span != null) {
        PublishTracing.failed(span, cause);
      }
      completeExceptionally(new PublishFailedException(eventId, topic, cause));
    }
  }
}
