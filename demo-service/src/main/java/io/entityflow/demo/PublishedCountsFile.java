package io.entityflow.demo;

import io.entityflow.publisher.metrics.PublisherMetrics;
import io.entityflow.publisher.metrics.TopicMetrics;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes the events Pub/Sub confirmed to this service's publisher (the publisher library's own
 * {@link PublisherMetrics}, counted when Pub/Sub answers with a message id) to a small properties
 * file every 2 s and at shutdown, so {@code entityflow demo} can show the pipeline's backlog. Only
 * active when {@code entityflow.demo.published-counts-file} is set (local mode sets it to {@code
 * .entityflow/demo-published.properties}).
 *
 * <pre>{@code
 * PublishedCountsFile.write(Path.of("demo-published.properties"), metrics);
 * // # events Pub/Sub confirmed to the demo service's publisher, rewritten every 2 s
 * // published=1250
 * // published.customer_v1=130
 * // published.sale_v1=1120
 * // failed=0
 * // outstanding=3
 * }</pre>
 *
 * <p>Guarantees: a reader never sees a partial file (the content goes to a temporary file in the
 * same directory, then replaces the file with an atomic rename); {@code published} is the sum of
 * the per-topic lines; topics are sorted and appear once they were first used.
 */
@Singleton
@Requires(property = DemoConfiguration.PREFIX + ".published-counts-file")
public class PublishedCountsFile {
  private final PublisherMetrics metrics;
  private final Path file;

  PublishedCountsFile(PublisherMetrics metrics, DemoConfiguration configuration) {
    this.metrics = metrics;
    this.file = Path.of(configuration.getPublishedCountsFile());
  }

  @Scheduled(fixedDelay = "2s")
  void refresh() {
    write(file, metrics);
  }

  @PreDestroy
  void close() {
    write(file, metrics);
  }

  /** The file content for {@code metrics}. */
  public static String render(PublisherMetrics metrics) {
    Map<String, TopicMetrics> topics = metrics.topics();
    long published = 0;
    long failed = 0;
    long outstanding = 0;
    StringBuilder perTopic = new StringBuilder();
    for (TopicMetrics topic : topics.values()) {
      long n = topic.published();
      published += n;
      failed += topic.failed();
      outstanding += topic.outstanding();
      perTopic.append("published.").append(topic.topic()).append('=').append(n).append('\n');
    }
    return "# events Pub/Sub confirmed to the demo service's publisher, rewritten every 2 s\n"
        + "published="
        + published
        + "\n"
        + perTopic
        + "failed="
        + failed
        + "\n"
        + "outstanding="
        + outstanding
        + "\n";
  }

  /** Replaces {@code file} with the content for {@code metrics}, atomically. */
  public static void write(Path file, PublisherMetrics metrics) {
    Path directory = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
      try {
        Files.writeString(temporary, render(metrics), StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the published counts to " + file, e);
    }
  }
}
