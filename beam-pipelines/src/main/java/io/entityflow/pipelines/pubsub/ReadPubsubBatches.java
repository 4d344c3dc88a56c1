package io.entityflow.pipelines.pubsub;

import com.google.auto.value.AutoValue;
import java.net.URI;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.apache.beam.sdk.io.Read;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessageWithAttributesAndMessageIdAndOrderingKeyCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * Reads one subscription of the Pub/Sub emulator for local mode: the same messages, with the same
 * ids, attributes, payloads and publish-time timestamps as {@code
 * PubsubIO.readMessagesWithAttributesAndMessageId()}, but pulled in batches of up to a thousand
 * (one element per batch on the DirectRunner, whose unbounded reads hand out at most ten elements
 * per bundle) and acknowledged only once written to the {@link PullJournal}; the journal record is
 * released when the warehouse writer has staged every message of it ({@link PendingMessages}).
 *
 * <pre>{@code
 * PCollection<PubsubMessage> messages = pipeline.apply("Read sale_v1",
 *     ReadPubsubBatches.fromSubscription("projects/test-project/subscriptions/sale_v1_pipeline")
 *         .withTopic("sale_v1")
 *         .withEmulator("http://127.0.0.1:8085")
 *         .withJournal(Path.of("/tmp/wh/.journal")));
 * }</pre>
 *
 * <p>Guarantees: with a writer that reports staged messages, no acknowledged message is lost to a
 * crash (SIGKILL included); a message may be emitted twice (a journal record re-read after a crash,
 * or a Pub/Sub redelivery), with the same message id. Talks to the emulator only (plain-text gRPC,
 * no credentials). Immutable; the {@code withX} methods may be called in any order.
 */
@AutoValue
public abstract class ReadPubsubBatches extends PTransform<PBegin, PCollection<PubsubMessage>> {
  private static final Pattern SUBSCRIPTION = Pattern.compile("projects/[^/]+/subscriptions/[^/]+");

  abstract String subscription();

  abstract @Nullable String topic();

  abstract @Nullable String emulatorRootUrl();

  abstract @Nullable String journal();

  abstract int maxMessagesPerPull();

  abstract int maxPendingMessages();

  abstract Builder toBuilder();

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setSubscription(String subscription);

    abstract Builder setTopic(String topic);

    abstract Builder setEmulatorRootUrl(String url);

    abstract Builder setJournal(String journal);

    abstract Builder setMaxMessagesPerPull(int max);

    abstract Builder setMaxPendingMessages(int max);

    abstract ReadPubsubBatches build();
  }

  /**
   * Reads {@code subscription} ({@code projects/<project>/subscriptions/<name>}), up to 1,000
   * messages per pull and 50,000 pending.
   */
  public static ReadPubsubBatches fromSubscription(String subscription) {
    if (subscription == null || !SUBSCRIPTION.matcher(subscription).matches()) {
      throw new IllegalArgumentException(
          "subscription '"
              + subscription
              + "' is not a full subscription name; expected projects/<project>/subscriptions/<name>");
    }
    return new AutoValue_ReadPubsubBatches.Builder()
        .setSubscription(subscription)
        .setMaxMessagesPerPull(1000)
        .setMaxPendingMessages(50_000)
        .build();
  }

  /**
   * A copy naming the topic's short name ({@code sale_v1}), the key under which the warehouse
   * writer reports messages staged (the topic the parse step names in its source messages).
   */
  public ReadPubsubBatches withTopic(String topic) {
    return toBuilder().setTopic(requireText("topic", topic)).build();
  }

  /** A copy reading the emulator at {@code rootUrl} ({@code http://host:port}). */
  public ReadPubsubBatches withEmulator(String rootUrl) {
    return toBuilder().setEmulatorRootUrl(requireText("emulator root URL", rootUrl)).build();
  }

  /**
   * A copy keeping its journal under {@code directory} (a subdirectory per subscription), on the
   * same disk as the warehouse it feeds.
   */
  public ReadPubsubBatches withJournal(Path directory) {
    return toBuilder().setJournal(directory.toAbsolutePath().normalize().toString()).build();
  }

  /** A copy pulling at most {@code max} messages per pull (1 to 1,000; the default 1,000). */
  public ReadPubsubBatches withMaxMessagesPerPull(int max) {
    if (max < 1 || max > 1000) {
      throw new IllegalArgumentException(
          "maxMessagesPerPull " + max + " is out of range; allowed: 1 to 1000");
    }
    return toBuilder().setMaxMessagesPerPull(max).build();
  }

  /**
   * A copy that stops pulling while {@code max} messages are pulled but not yet staged (at least
   * one pull's worth; the default 50,000).
   */
  public ReadPubsubBatches withMaxPendingMessages(int max) {
    if (max < 1) {
      throw new IllegalArgumentException(
          "maxPendingMessages " + max + " is out of range; allowed: 1 or more");
    }
    return toBuilder().setMaxPendingMessages(max).build();
  }

  @Override
  public void validate(org.apache.beam.sdk.options.PipelineOptions options) {
    emulatorHost();
    if (topic() == null) {
      throw new IllegalArgumentException(
          "ReadPubsubBatches of " + subscription() + " needs withTopic(...)");
    }
    if (journal() == null) {
      throw new IllegalArgumentException(
          "ReadPubsubBatches of " + subscription() + " needs withJournal(...)");
    }
  }

  @Override
  public PCollection<PubsubMessage> expand(PBegin begin) {
    validate(begin.getPipeline().getOptions());
    String name = subscription().substring(subscription().lastIndexOf('/') + 1);
    PullSettings settings =
        new PullSettings(
            emulatorHost(),
            subscription(),
            topic(),
            Path.of(journal()).resolve(name).toString(),
            maxMessagesPerPull(),
            maxPendingMessages());
    return begin
        .apply("Pull batches", Read.from(new PullBatchSource(settings)))
        .apply("Messages of batches", ParDo.of(new MessagesOfBatchFn()))
        .setCoder(PubsubMessageWithAttributesAndMessageIdAndOrderingKeyCoder.of());
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("subscription", subscription()))
        .addIfNotNull(DisplayData.item("topic", topic()))
        .addIfNotNull(DisplayData.item("emulator", emulatorRootUrl()))
        .addIfNotNull(DisplayData.item("journal", journal()))
        .add(DisplayData.item("maxMessagesPerPull", maxMessagesPerPull()))
        .add(DisplayData.item("maxPendingMessages", maxPendingMessages()));
  }

  private String emulatorHost() {
    String url = emulatorRootUrl();
    if (url == null) {
      throw new IllegalArgumentException(
          "ReadPubsubBatches of " + subscription() + " needs withEmulator(\"http://host:port\")");
    }
    URI uri = URI.create(url);
    if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
      throw new IllegalArgumentException(
          "emulator root URL '"
              + url
              + "' is not the Pub/Sub emulator's; allowed: http://<host>:<port> (the batched read"
              + " talks to the emulator only; read Pub/Sub itself with PubsubIO)");
    }
    return uri.getHost() + ":" + uri.getPort();
  }

  private static String requireText(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " '" + value + "' is empty; a value is required");
    }
    return value;
  }

  /** One element per message, timestamped with its publish time. */
  static final class MessagesOfBatchFn extends DoFn<PulledBatch, PubsubMessage> {
    @ProcessElement
    public void process(@Element PulledBatch batch, OutputReceiver<PubsubMessage> out) {
      for (com.google.pubsub.v1.PubsubMessage message : batch.messages()) {
        out.outputWithTimestamp(
            new PubsubMessage(
                message.getData().toByteArray(),
                message.getAttributesMap(),
                message.getMessageId(),
                message.getOrderingKey().isEmpty() ? null : message.getOrderingKey()),
            new Instant(
                message.getPublishTime().getSeconds() * 1000
                    + message.getPublishTime().getNanos() / 1_000_000));
      }
    }
  }
}
