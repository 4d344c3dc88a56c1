package io.entityflow.pipelines.bench;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PublishRequest;
import com.google.pubsub.v1.PublishResponse;
import com.google.pubsub.v1.PublisherGrpc;
import com.google.pubsub.v1.PubsubMessage;
import io.grpc.Channel;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A load generator: publishes events {@code e-0 .. e-(n-1)} to one topic at a fixed rate, batched
 * as the publisher library batches by default (requests of up to 1,000 events, none waiting longer
 * than {@value #BATCH_MILLIS} ms), straight over gRPC with one pre-encoded payload, so that the
 * generator takes little of the machine it measures. At most {@value #IN_FLIGHT} requests are
 * unanswered; a failed request stops it ({@link #await} throws).
 *
 * <pre>{@code
 * PacedPublisher generator = PacedPublisher.start(channel, topicPath, payload, 20_000, 6_000_000);
 * generator.published(); // events the emulator answered for so far
 * generator.await();
 * }</pre>
 */
final class PacedPublisher {
  static final long BATCH_MILLIS = 50;
  static final int MAX_EVENTS_PER_REQUEST = 1_000;
  static final int IN_FLIGHT = 8;

  private final PublisherGrpc.PublisherFutureStub stub;
  private final String topicPath;
  private final ByteString payload;
  private final int rate;
  private final long events;
  private final AtomicLong published = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
  private final Thread thread;

  private PacedPublisher(
      Channel channel, String topicPath, ByteString payload, int rate, long events) {
    this.stub = PublisherGrpc.newFutureStub(channel);
    this.topicPath = topicPath;
    this.payload = payload;
    this.rate = rate;
    this.events = events;
    this.thread = new Thread(this::run, "load-generator");
  }

  /** Starts publishing {@code events} events at {@code rate} per second to {@code topicPath}. */
  static PacedPublisher start(
      Channel channel, String topicPath, ByteString payload, int rate, long events) {
    PacedPublisher generator = new PacedPublisher(channel, topicPath, payload, rate, events);
    generator.thread.start();
    return generator;
  }

  /** Events the emulator has answered for (published). */
  long published() {
    return published.get();
  }

  /** Whether every request was sent and answered, or one failed. */
  boolean done() {
    return !thread.isAlive();
  }

  /** Waits until every event is published; throws the first failure. */
  void await() throws InterruptedException {
    thread.join();
    if (failure.get() != null) {
      throw new IllegalStateException("the load generator failed", failure.get());
    }
  }

  private void run() {
    long start = System.nanoTime();
    long sent = 0;
    try {
      while (sent < events && failure.get() == null) {
        long due = Math.min(events, (System.nanoTime() - start) / 1_000L * rate / 1_000_000L + 1);
        while (sent < due && failure.get() == null) {
          int count = (int) Math.min(MAX_EVENTS_PER_REQUEST, due - sent);
          send(sent, count);
          sent += count;
        }
        TimeUnit.MILLISECONDS.sleep(BATCH_MILLIS);
      }
      inFlight.acquire(IN_FLIGHT); // every request answered
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.compareAndSet(null, e);
    }
  }

  private void send(long first, int count) throws InterruptedException {
    PublishRequest.Builder request = PublishRequest.newBuilder().setTopic(topicPath);
    for (long i = first; i < first + count; i++) {
      request.addMessages(message("e-" + i, payload));
    }
    inFlight.acquire();
    Futures.addCallback(
        stub.withDeadlineAfter(60, TimeUnit.SECONDS).publish(request.build()),
        new FutureCallback<PublishResponse>() {
          @Override
          public void onSuccess(PublishResponse response) {
            published.addAndGet(response.getMessageIdsCount());
            inFlight.release();
          }

          @Override
          public void onFailure(Throwable t) {
            failure.compareAndSet(null, t);
            inFlight.release();
          }
        },
        MoreExecutors.directExecutor());
  }

  /** A Sale event as the publisher library sends it: payload plus the metadata attributes. */
  static PubsubMessage message(String eventId, ByteString payload) {
    return PubsubMessage.newBuilder()
        .setData(payload)
        .putAllAttributes(
            Map.of(
                "event_id", eventId,
                "operation", "CREATED",
                "occurred_at", "2026-11-23T10:00:00Z",
                "producer", "bench",
                "schema", "acme.retail.sale.v1.Sale",
                "schema_version", "1.0",
                // Sale has a PII field (the cardholder name), published encrypted
                "pii_encryption", "tink-aead-v1"))
        .build();
  }
}
