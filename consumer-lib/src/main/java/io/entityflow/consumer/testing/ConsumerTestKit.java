package io.entityflow.consumer.testing;

import com.google.protobuf.Message;
import com.google.pubsub.v1.PubsubMessage;
import io.entityflow.consumer.DeliveryOutcome;
import io.entityflow.consumer.EntityHandler;
import io.entityflow.consumer.config.ConsumerConfiguration;
import io.entityflow.consumer.dedup.DedupStore;
import io.entityflow.consumer.dedup.InMemoryDedupStore;
import io.entityflow.consumer.internal.Backoff;
import io.entityflow.consumer.internal.EventDispatcher;
import io.entityflow.consumer.internal.HandlerBinding;
import io.entityflow.consumer.internal.PiiReader;
import io.entityflow.consumer.metrics.ConsumerMetrics;
import io.entityflow.consumer.retry.DefaultRetryPolicy;
import io.entityflow.consumer.retry.RetryPolicy;
import io.entityflow.consumer.tracing.ConsumeTracing;
import io.entityflow.contract.Operation;
import io.entityflow.contract.registry.EntityRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Feeds typed events to a handler in a unit test, without Pub/Sub, through the very dispatch the
 * subscribers use (decode, operation filter, dedup, retries, dead letters). Backoffs are recorded,
 * not waited; dead letters are recorded, not published.
 *
 * <pre>{@code
 * DeliveryOutcome outcome = ConsumerTestKit.deliver(new LoyaltyAccrual(...), sale, Operation.CREATED);
 * assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.HANDLED);
 *
 * ConsumerTestKit<Sale> kit = ConsumerTestKit.of(handler);   // keeps its dedup store between calls
 * kit.deliver(TestEvent.of(sale, Operation.CREATED).withEventId(id));
 * kit.deliver(TestEvent.of(sale, Operation.CREATED).withEventId(id)).kind();  // DUPLICATE
 * kit.deadLetters();  // exactly the dead-letter messages production would publish
 * }</pre>
 *
 * <p>Defaults: the contract of the classpath ({@link EntityRegistry#load()}), the retry policy of
 * the default {@code entityflow.consumer.retry.*} (5 attempts, 1s doubling to 60s), an in-memory
 * dedup store. Not thread-safe.
 */
public final class ConsumerTestKit<T extends Message> {
  private final EventDispatcher<T> dispatcher;
  private final List<PubsubMessage> deadLetters;
  private final TestSubjectKeys keys = new TestSubjectKeys();

  private ConsumerTestKit(
      EntityHandler<T> handler,
      EntityRegistry registry,
      RetryPolicy retryPolicy,
      DedupStore dedupStore) {
    List<PubsubMessage> recorded = new ArrayList<>();
    this.deadLetters = recorded;
    this.dispatcher =
        new EventDispatcher<>(
            HandlerBinding.of(handler, registry),
            retryPolicy,
            dedupStore,
            (consumer, deadLetter) -> recorded.add(deadLetter),
            new ConsumerMetrics(null),
            Backoff.NO_WAIT,
            PiiReader.with(keys.keysets()),
            ConsumeTracing.OFF);
  }

  /** A kit for {@code handler} with the defaults. */
  public static <T extends Message> ConsumerTestKit<T> of(EntityHandler<T> handler) {
    return of(handler, EntityRegistry.load(), defaultRetryPolicy(), newDedupStore());
  }

  /** A kit with every part given. */
  public static <T extends Message> ConsumerTestKit<T> of(
      EntityHandler<T> handler,
      EntityRegistry registry,
      RetryPolicy retryPolicy,
      DedupStore dedupStore) {
    return new ConsumerTestKit<>(handler, registry, retryPolicy, dedupStore);
  }

  /** Delivers one event of {@code entity} with the {@link TestEvent} defaults, to a fresh kit. */
  public static <T extends Message> DeliveryOutcome deliver(
      EntityHandler<T> handler, T entity, Operation operation) {
    return of(handler).deliver(entity, operation);
  }

  /** The retry policy of the default configuration. */
  public static RetryPolicy defaultRetryPolicy() {
    return DefaultRetryPolicy.of(
        new ConsumerConfiguration.Retry(), ConsumerTestKit.class.getClassLoader());
  }

  /** The default in-memory dedup store. */
  public static DedupStore newDedupStore() {
    ConsumerConfiguration.Dedup config = new ConsumerConfiguration.Dedup();
    return new InMemoryDedupStore(config.getMaxEntries(), config.getTtl(), Clock.systemUTC());
  }

  /** Delivers one event of {@code entity} with the {@link TestEvent} defaults. */
  public DeliveryOutcome deliver(T entity, Operation operation) {
    return deliver(TestEvent.of(entity, operation));
  }

  /**
   * Delivers one event; the PII fields of an entity with PII are encrypted with the kit's {@link
   * #keys()}, as a producer would.
   */
  public DeliveryOutcome deliver(TestEvent<T> event) {
    var entity = dispatcher.binding().entity();
    return deliver(keys.encrypt(entity, event, event.toMessage(entity)));
  }

  /** The subject keys the kit encrypts and decrypts with ({@link TestSubjectKeys#forget}). */
  public TestSubjectKeys keys() {
    return keys;
  }

  /** Delivers a raw message (e.g. a poison message), as read from the live subscription. */
  public DeliveryOutcome deliver(PubsubMessage message) {
    return dispatcher.dispatch(message, dispatcher.binding().resources().subscription());
  }

  /** Every dead letter so far, in order. */
  public List<PubsubMessage> deadLetters() {
    return Collections.unmodifiableList(deadLetters);
  }
}
